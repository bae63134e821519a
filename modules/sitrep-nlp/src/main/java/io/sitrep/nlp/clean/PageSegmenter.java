package io.sitrep.nlp.clean;

import io.sitrep.nlp.ArticleText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans a captured page (HTML or text) and cuts it into the articles it holds.
 *
 * <p>Chrome comes off first, by the rules of {@code /clean/chrome-patterns.txt}, then lines repeated on the page
 * that are not headlines (photo captions) go. A segment starts at a headline — a short line without a final stop
 * that the page repeats, that a byline or date line follows, or that opens the page — and gathers the bylines
 * ("Shafaq News", "Shafaq News20-03-2025", "date 2026-01-20 Shafaq News– Baghdad", "time3 hours ago") that
 * follow it; its body is the text up to the next headline, without headline and byline lines, with a leading
 * dateline ("Shafaq News/ ", "Shafaq News – Baghdad ") taken off and its outlet kept.
 *
 * <p>Robust by construction: input is capped at {@link #MAX_CHARS}, control characters and binary garbage are
 * dropped (a page that is mostly garbage gives no segment), regexes only run on short lines or with bounded
 * repetition, and any unexpected failure is logged and gives an empty list rather than an exception.
 * Thread-safe.
 */
public final class PageSegmenter {
    private static final Logger log = LoggerFactory.getLogger(PageSegmenter.class);
    /** Work cap: longer input is cut (at a line end when one is near). */
    public static final int MAX_CHARS = 1_000_000;
    private static final int MAX_HEADLINE = 200;
    private static final int MAX_HEADER_LINE = 160;

    private static final byte TEXT = 0, HEADLINE = 1, BYLINE = 2, DROPPED = 3;
    /**
     * Chars of a line that go into its hash: enough to tell most lines apart, which the full comparison then
     * confirms (each char adds a multiply to a chain of dependent ones: few are read).
     */
    private static final int HASHED = 16;
    /** A thread keeps its page buffers up to this many chars; a longer page gets its own. */
    private static final int KEPT_CAPACITY = 1 << 16;
    private static final ThreadLocal<Page> PAGES = ThreadLocal.withInitial(() -> new Page(KEPT_CAPACITY));

    /**
     * One page being cut, in reusable buffers: its sanitized text in {@link #chars}, followed by the lines that
     * collapsing spaces or a cut rule changed; the lines kept (not chrome) as positions in it, with what the
     * classification found about each.
     */
    private static final class Page {
        char[] chars;
        /** Chars used in {@link #chars}: the text, then changed lines. */
        int used;
        /** Raw lines of the text (with their language counts when the scan made them). */
        final TextLines raw = new TextLines(256);
        /** For each raw line: whether it needs its spaces collapsed, and the cuts whose literal it holds. */
        boolean[] rawCollapse;
        long[] rawCuts;
        /**
         * Lines kept: start and end in {@link #chars}, the raw line they are as it is (-1 when changed), hash of the
         * lower case, first line of the same text, kind.
         */
        int[] start, end, rawLine, hash, same;
        byte[] kind;
        /** For a byline: the time and outlet it states. */
        PublicationTimes.HeaderTime[] time;
        Outlet[] outlet;
        int lines;
        /** Occurrences of each line's text (at its {@link #same} line), and whether a long one was seen. */
        int[] count;
        boolean[] seen;
        /** Open-addressing table of first lines of each text (line + 1; 0 = empty), by hash. */
        int[] table;
        /** The paragraphs of all drafts, in page order: start and end in {@link #chars}, the whole raw line they are or -1. */
        int[] paraStart, paraEnd, paraRawLine;
        int paragraphs;
        /** A body being made. */
        char[] body;

        Page(int capacity) {
            chars = new char[2 * capacity];
            body = new char[capacity + 1];
            rawCollapse = new boolean[256];
            rawCuts = new long[256];
            lineArrays(256);
        }

        /** Makes room for this many kept lines (there are no more than raw lines). */
        void ensureLines(int lines) {
            if (lines > start.length) lineArrays(Math.max(lines, 2 * start.length));
        }

        private void lineArrays(int capacity) {
            start = new int[capacity];
            end = new int[capacity];
            hash = new int[capacity];
            same = new int[capacity];
            kind = new byte[capacity];
            time = new PublicationTimes.HeaderTime[capacity];
            outlet = new Outlet[capacity];
            count = new int[capacity];
            seen = new boolean[capacity];
            paraStart = new int[capacity];
            paraEnd = new int[capacity];
            paraRawLine = new int[capacity];
            rawLine = new int[capacity];
            table = new int[tableSize(capacity)];
        }

        /** Makes room for what is kept about each raw line. */
        void ensureRaw() {
            if (rawCollapse.length >= raw.size) return;
            rawCollapse = new boolean[raw.size];
            rawCuts = new long[raw.size];
        }

        /** The page (a thread's own one when the text fits it) holding {@code text}, not split yet. */
        static Page of(String text) {
            int n = text.length();
            Page page = n <= KEPT_CAPACITY ? PAGES.get() : new Page(n);
            text.getChars(0, n, page.chars, 0);
            page.used = n;
            return page;
        }

        /** Forgets the objects of this page, so that a thread keeps none. */
        void clear() {
            raw.clear();
            paragraphs = 0;
            Arrays.fill(time, 0, lines, null);
            Arrays.fill(outlet, 0, lines, null);
            lines = 0;
        }

        String text(int line) { return new String(chars, start[line], end[line] - start[line]); }

        int length(int line) { return end[line] - start[line]; }

        /** Appends a changed line after the text and returns its start. */
        int append(String line) {
            int at = used;
            line.getChars(0, line.length(), chars, at);
            used += line.length();
            return at;
        }

        boolean sameText(int a, int b) { return same[a] == same[b]; }
    }

    private static final class Draft {
        String headline;
        int headlineLine = -1;
        Outlet outlet;
        Instant instant;
        LocalDate date;
        Duration ago;
        /** The paragraphs: {@link Page#paraStart}[firstParagraph, endParagraph). */
        final int firstParagraph;
        int endParagraph;
        String body;
        String language;
        private LocalDate quoted;
        private boolean quotedFound;

        Draft(int firstParagraph) {
            this.firstParagraph = firstParagraph;
            this.endParagraph = firstParagraph;
        }

        boolean hasBody() { return endParagraph > firstParagraph; }

        /** The latest date quoted in the body. */
        LocalDate quotedDate() {
            if (!quotedFound) {
                quoted = PublicationTimes.latestQuotedDate(body);
                quotedFound = true;
            }
            return quoted;
        }

        void absorb(PublicationTimes.HeaderTime t, Outlet o) {
            if (o != null && outlet == null) outlet = o;
            if (t == null) return;
            if (t.instant() != null && instant == null) instant = t.instant();
            if (t.date() != null && date == null) date = t.date();
            if (t.ago() != null && ago == null) ago = t.ago();
        }
    }

    private final ChromeRules chrome;
    private final Outlets outlets;
    /** The chars the scan notes in each line: those of the chrome rules' quick nos, and '<' for HTML. */
    private final CharNotes notes;

    PageSegmenter(ChromeRules chrome, Outlets outlets) {
        this.chrome = chrome;
        this.outlets = outlets;
        this.notes = new CharNotes(chrome.notedChars() + "<");
    }

    /** The segmenter with the bundled chrome rules and outlet directory. */
    public static PageSegmenter standard() { return new PageSegmenter(ChromeRules.standard(), Outlets.standard()); }

    /** The outlet directory it uses, e.g. to tell aggregators from original outlets. */
    public Outlets outlets() { return outlets; }

    /** The articles of a page, in page order; empty when the page holds no readable text. Never throws. */
    public List<Segment> segment(ArticleText article) {
        if (article == null) return List.of();
        try {
            return cut(article);
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("page {} could not be segmented, no segment produced: {}", article.id(), e.toString());
            return List.of();
        }
    }

    private List<Segment> cut(ArticleText article) {
        String body = capped(article.body() == null ? "" : article.body());
        String title = article.title();
        Page page = Page.of(body);
        try {
            long scan = TextSanitizer.scan(page.chars, page.used, page.raw, notes);
            // the scan noted whether the text holds a '<' (it could not tell when it stopped for a rewrite)
            if (notes.mayHold(page.raw.allNotes, '<') && body.indexOf('<') >= 0 && HtmlText.looksLikeHtml(body)) {
                HtmlText.Page html = HtmlText.toText(body);
                body = html.text();
                if (title == null || title.isBlank()) title = html.title();
                page.clear();
                page = Page.of(body);
                scan = TextSanitizer.scan(page.chars, page.used, page.raw, notes);
            }
            int length = (int) scan;
            boolean doubleSpace = (scan & TextSanitizer.DOUBLE_SPACE) != 0;
            if (length == TextSanitizer.REWRITE) {
                length = TextSanitizer.rewrite(page.chars, page.used);
                if (length >= 0) body = new String(page.chars, 0, length); // the text as sanitized, to split
                doubleSpace = true; // may be: a tab or an exotic space became one
            }
            if (length < 0) {
                log.debug("page {} is mostly not text, no segment", article.id());
                return List.of();
            }
            page.used = length;
            splitLines(page, body, doubleSpace);
            keepLines(page);
            classify(page);
            List<Draft> drafts = assemble(page);
            return finish(page, drafts, article, title);
        } finally {
            page.clear();
        }
    }

    private static String capped(String body) {
        if (body.length() <= MAX_CHARS) return body;
        int end = body.lastIndexOf('\n', MAX_CHARS);
        if (end < MAX_CHARS - 10_000) end = MAX_CHARS;
        if (Character.isHighSurrogate(body.charAt(end - 1))) end--;
        return body.substring(0, end);
    }

    /**
     * The lines of the sanitized text ({@code text} is {@code chars[0, used)} of the page; it has no tab), and for
     * each whether it needs its spaces collapsed (a leading or trailing space, two spaces in a row) and the cuts whose
     * literal it holds. The scan split a text that needed no change; the lines of a rewritten one are found with
     * {@link String#indexOf(int)}, which reads many chars at a time.
     */
    private void splitLines(Page p, String text, boolean doubleSpace) {
        char[] t = p.chars;
        int n = p.used;
        TextLines raw = p.raw;
        if (!raw.counted) { // the scan splits a text that needs no change; this one was rewritten
            raw.clear();
            for (int s = 0; s <= n; ) {
                int i = text.indexOf('\n', s);
                if (i < 0) i = n;
                if (i > s) raw.add(s, i); // an empty line is chrome
                s = i + 1;
            }
        }
        p.ensureRaw();
        for (int k = 0; k < raw.size; k++) {
            p.rawCollapse[k] = t[raw.start[k]] == ' ' || t[raw.end[k] - 1] == ' ';
            p.rawCuts[k] = 0;
        }
        if (doubleSpace) markDoubleSpaces(p);
        // a literal is looked for only in the lines the scan saw its rarest char in (in every line of a rewritten text)
        for (int k = 0; k < chrome.cutLiterals(); k++) {
            String literal = chrome.cutLiteral(k);
            char anchor = literal.charAt(chrome.cutAnchor(k));
            long cuts = chrome.cutsOf(k);
            for (int line = 0; line < raw.size; line++) {
                if (notes.mayHold(raw.notes[line], anchor) && ChromeRules.contains(t, raw.start[line], raw.end[line], literal)) {
                    p.rawCuts[line] |= cuts;
                }
            }
        }
    }

    /** Marks the lines with two spaces in a row as needing their spaces collapsed. */
    private static void markDoubleSpaces(Page p) {
        char[] t = p.chars;
        for (int k = 0; k < p.raw.size; k++) {
            if (p.rawCollapse[k]) continue;
            // two spaces in a row hold a char at an odd offset in the line: only those are read
            int s = p.raw.start[k], e = p.raw.end[k];
            for (int i = s + 1; i < e; i += 2) {
                if (t[i] == ' ' && (t[i - 1] == ' ' || i + 1 < e && t[i + 1] == ' ')) {
                    p.rawCollapse[k] = true;
                    break;
                }
            }
        }
    }

    /** The lines with spaces collapsed and cut rules applied, without the chrome ones. */
    private void keepLines(Page p) {
        long onPage = 0;
        for (int k = 0; k < p.raw.size; k++) onPage |= p.rawCuts[k];
        p.ensureLines(p.raw.size);
        for (int k = 0; k < p.raw.size; k++) {
            int s = p.raw.start[k], e = p.raw.end[k];
            int rawLine = k;
            long lineNotes = p.raw.notes[k]; // what a changed line holds the raw one does
            // a cut applies where its literal is on the page and in the line as it is then: a line taken as it is
            // holds a literal only when the pass found it there
            if (p.rawCollapse[k] || p.rawCuts[k] != 0) {
                String line = p.rawCollapse[k] ? collapseSpaces(p.chars, s, e) : new String(p.chars, s, e - s);
                String cut = chrome.cut(line, onPage);
                if (p.rawCollapse[k] || cut != line) {
                    s = p.append(cut);
                    e = s + cut.length();
                    rawLine = -1;
                }
            }
            if (chrome.isChrome(p.chars, s, e, notes, lineNotes)) continue;
            int line = p.lines++;
            p.start[line] = s;
            p.end[line] = e;
            p.rawLine[line] = rawLine;
            p.kind[line] = TEXT;
        }
    }

    private void classify(Page p) {
        int lines = p.lines;
        int[] table = p.table;
        int mask = tableSize(lines) - 1;
        Arrays.fill(table, 0, mask + 1, 0);
        for (int l = 0; l < lines; l++) {
            if (p.length(l) <= MAX_HEADER_LINE) byline(p, l);
            int h = lowerCaseHash(p, l);
            p.hash[l] = h;
            int slot = mix(h) & mask;
            while (true) {
                int first = table[slot] - 1;
                if (first < 0) {
                    table[slot] = l + 1;
                    p.same[l] = l;
                    p.count[l] = 1;
                    p.seen[l] = false;
                    break;
                }
                if (p.hash[first] == h && sameLowerCase(p, first, l)) {
                    p.same[l] = first;
                    p.count[first]++;
                    break;
                }
                slot = slot + 1 & mask;
            }
        }
        boolean first = true;
        for (int i = 0; i < lines; i++) {
            if (p.kind[i] != TEXT) { first = false; continue; }
            boolean repeated = p.count[p.same[i]] > 1;
            if (headlineShaped(p.chars, p.start[i], p.end[i])
                    && (repeated || bylineFollows(p, i) || (first && i + 1 < lines))) {
                p.kind[i] = HEADLINE;
            } else if (repeated && headlineShaped(p.chars, p.start[i], p.end[i])) {
                p.kind[i] = DROPPED; // a caption or widget the page repeats
            } else if (repeated) {
                if (p.seen[p.same[i]]) p.kind[i] = DROPPED; // the same paragraph again
                else p.seen[p.same[i]] = true;
            }
            first = false;
        }
    }

    /** A power of two at least twice the lines: the table stays at most half full. */
    private static int tableSize(int lines) { return Integer.highestOneBit(Math.max(1, lines)) * 4; }

    private static int mix(int h) { return h * 0x9E3779B9 >>> 7; }

    /**
     * A hash of the lower case ({@code toLowerCase(Locale.ROOT)}) of a line: its first {@link #HASHED} chars,
     * lower-cased char by char (String lower-casing is Character's but for 'İ', 'Σ' and surrogates, which take the
     * long way; those further on change no char before).
     */
    private static int lowerCaseHash(Page p, int line) {
        char[] t = p.chars;
        int s = p.start[line];
        int n = Math.min(p.length(line), HASHED);
        int h = 0;
        for (int i = s; i < s + n; i++) {
            char c = t[i];
            if (c < 0x80) {
                h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
            } else {
                if (isCaseSpecial(c)) return hashOfLowerCase(p.text(line).toLowerCase(Locale.ROOT));
                h = 31 * h + Character.toLowerCase(c);
            }
        }
        return h;
    }

    private static int hashOfLowerCase(String lower) {
        int h = 0;
        for (int i = 0; i < Math.min(lower.length(), HASHED); i++) h = 31 * h + lower.charAt(i);
        return h;
    }

    /** Chars String lower-casing does not map as {@link Character#toLowerCase(char)} does, one to one in place. */
    private static boolean isCaseSpecial(char c) { return c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c); }

    /** Whether two lines have the same lower case ({@code toLowerCase(Locale.ROOT)}). */
    private static boolean sameLowerCase(Page p, int a, int b) {
        char[] t = p.chars;
        int sa = p.start[a], sb = p.start[b], n = p.length(a);
        if (n == p.length(b)) {
            for (int k = 0; k < n; k++) {
                char x = t[sa + k], y = t[sb + k];
                if (x == y && x < 0x80) continue;
                if (isCaseSpecial(x) || isCaseSpecial(y)) return p.text(a).toLowerCase(Locale.ROOT).equals(p.text(b).toLowerCase(Locale.ROOT));
                if (x != y && Character.toLowerCase(x) != Character.toLowerCase(y)) return false;
            }
            return true;
        }
        if (!hasCaseSpecial(p, a) && !hasCaseSpecial(p, b)) return false; // lower-casing keeps the length
        return p.text(a).toLowerCase(Locale.ROOT).equals(p.text(b).toLowerCase(Locale.ROOT));
    }

    private static boolean hasCaseSpecial(Page p, int line) {
        for (int i = p.start[line]; i < p.end[line]; i++) if (p.chars[i] >= 0x80 && isCaseSpecial(p.chars[i])) return true;
        return false;
    }

    /** Marks a short line as a byline when it states only a time and/or an outlet (with an optional place). */
    private void byline(Page p, int line) {
        char[] t = p.chars;
        int s = p.start[line], e = p.end[line];
        int start = s;
        while (start < e && (t[start] == '•' || t[start] == '·' || t[start] == '|')) start++;
        if (PublicationTimes.mayStateTime(t, s, e)) {
            PublicationTimes.HeaderTime time = PublicationTimes.isoLine(t, start, e);
            if (time != null) { p.kind[line] = BYLINE; p.time[line] = time; return; }
            time = PublicationTimes.inHeader(new String(t, start, e - start));
            String rest = time.rest();
            if (rest.isEmpty()) {
                if (time.found()) { p.kind[line] = BYLINE; p.time[line] = time; }
                return;
            }
            Optional<Outlets.Match> m = outlets.at(rest, 0);
            if (m.isEmpty()) return;
            String after = stripSeparators(rest.substring(m.get().end()));
            if (!after.isEmpty() && !placeLike(after.toCharArray(), 0, after.length())) return;
            p.kind[line] = BYLINE;
            p.time[line] = time;
            p.outlet[line] = m.get().outlet();
            return;
        }
        // most short lines state no time: then the line (stripped, as PublicationTimes.inHeader would leave it) is a
        // byline when it is an outlet name with an optional place, read in place
        int from = start, to = e;
        while (from < to && Character.isWhitespace(t[from])) from++;
        if (from == to || !outlets.mayStartWith(t[from])) return;
        while (Character.isWhitespace(t[to - 1])) to--;
        int name = outlets.nameAt(t, from, to);
        if (name < 0) return;
        int after = from + outlets.nameLength(name);
        while (after < to && isSeparator(t[after])) after++;
        while (after < to && Character.isWhitespace(t[after])) after++;
        if (after < to && !placeLike(t, after, to)) return;
        p.kind[line] = BYLINE; // its time stays null: it states none
        p.outlet[line] = outlets.outletOf(name);
    }

    private static boolean bylineFollows(Page p, int i) {
        for (int k = i + 1; k < p.lines && k <= i + 3; k++) {
            if (p.kind[k] == BYLINE) return true;
            if (!p.sameText(k, i)) return false;
        }
        return false;
    }

    private List<Draft> assemble(Page p) {
        List<Draft> drafts = new ArrayList<>();
        Draft current = new Draft(0);
        drafts.add(current);
        for (int l = 0; l < p.lines; l++) {
            switch (p.kind[l]) {
                case HEADLINE -> {
                    boolean sameHeader = !current.hasBody()
                            && (current.headline == null || p.sameText(current.headlineLine, l));
                    if (!sameHeader) {
                        current = new Draft(p.paragraphs);
                        drafts.add(current);
                    }
                    current.headline = p.text(l);
                    current.headlineLine = l;
                }
                case BYLINE -> {
                    if (current.hasBody()) {
                        if (p.time[l] == null || !p.time[l].found()) continue; // a stray outlet name inside a text
                        current = new Draft(p.paragraphs);
                        drafts.add(current);
                    }
                    current.absorb(p.time[l], p.outlet[l]);
                }
                case TEXT -> {
                    if (current.headlineLine >= 0 && p.sameText(current.headlineLine, l)) continue;
                    int s = p.start[l];
                    if (!current.hasBody()) s = datelineEnd(p.chars, s, p.end[l], current);
                    if (s == p.end[l]) continue;
                    int k = p.paragraphs++;
                    p.paraStart[k] = s;
                    p.paraEnd[k] = p.end[l];
                    p.paraRawLine[k] = s == p.start[l] ? p.rawLine[l] : -1;
                    current.endParagraph = p.paragraphs;
                }
                default -> { }
            }
        }
        return drafts;
    }

    /**
     * Where the first paragraph {@code chars[s, e)} starts once a leading "Outlet/ " or "Outlet – Place " is taken
     * off (s when there is none), keeping the outlet.
     */
    private int datelineEnd(char[] chars, int s, int e, Draft draft) {
        if (!outlets.mayStartWith(chars[s])) return s;
        int name = outlets.nameAt(chars, s, e);
        if (name < 0) return s;
        int i = s + outlets.nameLength(name);
        while (i < e && chars[i] == ' ') i++;
        if (i >= e) return s;
        char sep = chars[i];
        boolean dash = sep == '-' || sep == '–' || sep == '—';
        if (!dash && sep != '/' && sep != ':' && sep != '|') return s;
        i++;
        while (i < e && chars[i] == ' ') i++;
        if (dash) {
            // "Shafaq News – Baghdad Syrian Energy Minister ...": one capitalised place word, when a name or clause follows
            int w = i;
            while (w < e && Character.isLetter(chars[w])) w++;
            if (w > i && Character.isUpperCase(chars[i]) && w + 1 < e
                    && (chars[w] == ',' || chars[w] == ' ' && (Character.isUpperCase(chars[w + 1]) || chars[w + 1] == '('))) {
                i = w;
                while (i < e && (chars[i] == ' ' || chars[i] == ',')) i++;
            }
        }
        if (draft.outlet == null) draft.outlet = outlets.outletOf(name);
        return i;
    }

    private List<Segment> finish(Page p, List<Draft> drafts, ArticleText article, String title) {
        for (Draft d : drafts) if (d.hasBody()) body(p, d);
        Instant pageTime = article.publishedAt();
        // relative times ("3 hours ago") count back from when the page was captured: not before the page time, nor
        // before the latest date quoted by an article that states a relative time
        Instant reference = pageTime;
        for (Draft d : drafts) {
            if (d.ago == null || !d.hasBody()) continue;
            LocalDate quoted = d.quotedDate();
            if (quoted == null) continue;
            Instant q = quoted.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (reference == null || q.isAfter(reference)) reference = q;
        }
        String source = null; // the outlet the page's source names: looked up when an article names none
        boolean sourceFound = false;
        List<Segment> out = new ArrayList<>();
        for (Draft d : drafts) {
            if (!d.hasBody()) continue;
            String headline = d.headline != null ? d.headline : (out.isEmpty() ? blankToNull(title) : null);
            if (d.outlet == null && !sourceFound) {
                source = article.source() == null ? null
                        : outlets.resolve(article.source()).map(Outlet::name).orElse(article.source().strip());
                sourceFound = true;
            }
            String outlet = d.outlet != null ? d.outlet.name() : source;
            out.add(new Segment(out.size(), headline, d.body, time(d, pageTime, reference), outlet, d.language));
        }
        return List.copyOf(out);
    }

    /** Joins the paragraphs of a draft into its body, and tells its language. */
    private static void body(Page p, Draft d) {
        char[] b = p.body;
        int n = 0;
        for (int k = d.firstParagraph; k < d.endParagraph; k++) {
            if (k > d.firstParagraph) b[n++] = '\n';
            int len = p.paraEnd[k] - p.paraStart[k];
            System.arraycopy(p.chars, p.paraStart[k], b, n, len);
            n += len;
        }
        d.body = new String(b, 0, n);
        d.language = language(p, d, b, n);
    }

    /**
     * The language of a body: summed from the counts of its lines when the scan made them and the detector reads
     * the whole body (a paragraph that is not a whole raw line is counted here), else read from the body.
     */
    private static String language(Page p, Draft d, char[] body, int n) {
        if (!p.raw.counted || n > LanguageDetector.SAMPLE) return LanguageDetector.detect(body, 0, n);
        LanguageDetector.Counts counts = new LanguageDetector.Counts();
        for (int k = d.firstParagraph; k < d.endParagraph; k++) {
            if (p.paraRawLine[k] >= 0) counts.add(p.raw, p.paraRawLine[k]);
            else counts.count(p.chars, p.paraStart[k], p.paraEnd[k]);
        }
        return counts.language();
    }

    private static Instant time(Draft d, Instant pageTime, Instant reference) {
        if (d.instant != null) return d.instant;
        if (d.date != null) return PublicationTimes.onDay(d.date, pageTime);
        if (d.ago != null && reference != null) {
            Instant t = reference.minus(d.ago);
            LocalDate quoted = d.quotedDate();
            Instant floor = quoted == null ? null : quoted.atStartOfDay(ZoneOffset.UTC).toInstant();
            return floor != null && floor.isAfter(t) ? floor : t;
        }
        return pageTime;
    }

    private static boolean headlineShaped(char[] t, int s, int e) {
        int n = e - s;
        if (n < 8 || n > MAX_HEADLINE) return false;
        char last = t[e - 1];
        if (last == '.' || last == ',' || last == ';' || last == ':' || last == '…') return false;
        char first = t[s];
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || first == '"' || first == '“' || first == '‘'
                || first == '\'' || (Character.isLetter(first) && !Character.isLowerCase(first)))) return false;
        int words = 1;
        for (int i = s; i < e; i++) if (t[i] == ' ') words++;
        return words <= 30 && words >= 2;
    }

    /** "Baghdad", "Erbil, Kurdistan Region" as {@code chars[s, e)}: up to four capitalised words, no sentence. */
    private static boolean placeLike(char[] chars, int s, int e) {
        if (e - s > 40 || !Character.isUpperCase(chars[s])) return false;
        int words = 1;
        for (int i = s; i < e; i++) {
            char c = chars[i];
            if (c == ' ') {
                words++;
                if (i + 1 < e && !Character.isUpperCase(chars[i + 1])) return false;
            } else if (c == '.' || c == '!' || c == '?') return false;
        }
        return words <= 4;
    }

    /** The chars {@link #stripSeparators} takes off between an outlet name and a place. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '–' || c == '—' || c == '/' || c == ':' || c == '|' || c == ',';
    }

    private static String stripSeparators(String s) {
        int i = 0;
        while (i < s.length() && isSeparator(s.charAt(i))) i++;
        return s.substring(i).strip();
    }

    /** The line with leading and trailing spaces and tabs taken off and each run of them made one space. */
    private static String collapseSpaces(char[] chars, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c == ' ' || c == '\t') { space = b.length() > 0; continue; }
            if (space) { b.append(' '); space = false; }
            b.append(c);
        }
        return b.toString();
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
