package io.sitrep.nlp.clean;

import io.sitrep.nlp.ArticleText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private enum Kind { TEXT, HEADLINE, BYLINE, DROPPED }

    /**
     * A line of the page. Lines are equal when their lower-case texts are (a repeated headline may change case); the
     * hash is taken without making the lower-case text, which is only made to confirm an equal hash.
     */
    private static final class Line {
        /** Chars that go into the hash: enough to tell lines apart, which the full comparison then confirms. */
        private static final int HASHED = 48;
        final String text;
        private final int hash;
        private String lowerCase;
        Kind kind = Kind.TEXT;
        PublicationTimes.HeaderTime time;
        Outlet outlet;

        Line(String text) {
            this.text = text;
            this.hash = lowerCaseHash(text);
        }

        boolean sameText(Line other) {
            return other == this || hash == other.hash && lowerCase().equals(other.lowerCase());
        }

        private String lowerCase() {
            if (lowerCase == null) lowerCase = text.toLowerCase(Locale.ROOT);
            return lowerCase;
        }

        @Override public int hashCode() { return hash; }

        @Override public boolean equals(Object o) { return o instanceof Line l && sameText(l); }

        /**
         * A hash of {@code s.toLowerCase(Locale.ROOT)}: its first {@link #HASHED} chars, lower-cased char by char
         * (String lower-casing is Character's but for 'İ', 'Σ' and surrogates, which take the long way; those
         * further on change no char before).
         */
        private static int lowerCaseHash(String s) {
            int n = Math.min(s.length(), HASHED);
            int h = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
                } else {
                    if (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c)) return hashOfLowerCase(s.toLowerCase(Locale.ROOT));
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
    }

    private static final class Draft {
        String headline;
        Line headlineLine;
        Outlet outlet;
        Instant instant;
        LocalDate date;
        Duration ago;
        /** The paragraphs, none empty, joined into the body once at the end (a builder would grow and copy). */
        final List<String> paragraphs = new ArrayList<>();
        private String body;

        boolean hasBody() { return !paragraphs.isEmpty(); }

        String body() {
            if (body == null) body = String.join("\n", paragraphs);
            return body;
        }

        void absorb(Line byline) {
            if (byline.outlet != null && outlet == null) outlet = byline.outlet;
            PublicationTimes.HeaderTime t = byline.time;
            if (t == null) return;
            if (t.instant() != null && instant == null) instant = t.instant();
            if (t.date() != null && date == null) date = t.date();
            if (t.ago() != null && ago == null) ago = t.ago();
        }
    }

    private final ChromeRules chrome;
    private final Outlets outlets;

    PageSegmenter(ChromeRules chrome, Outlets outlets) {
        this.chrome = chrome;
        this.outlets = outlets;
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
        if (HtmlText.looksLikeHtml(body)) {
            HtmlText.Page page = HtmlText.toText(body);
            body = page.text();
            if (title == null || title.isBlank()) title = page.title();
        }
        String clean = TextSanitizer.sanitize(body);
        if (clean == null) {
            log.debug("page {} is mostly not text, no segment", article.id());
            return List.of();
        }
        List<Line> lines = classify(lines(clean));
        List<Draft> drafts = assemble(lines);
        return finish(drafts, article, title);
    }

    private static String capped(String body) {
        if (body.length() <= MAX_CHARS) return body;
        int end = body.lastIndexOf('\n', MAX_CHARS);
        if (end < MAX_CHARS - 10_000) end = MAX_CHARS;
        if (Character.isHighSurrogate(body.charAt(end - 1))) end--;
        return body.substring(0, end);
    }

    private List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        ChromeRules.Page rules = chrome.page(text);
        // most pages have no tab, doubled space or space at a line end: then no line needs its spaces collapsed
        boolean collapse = text.indexOf('\t') >= 0 || text.contains("  ") || text.contains(" \n") || text.contains("\n ")
                || text.startsWith(" ") || text.endsWith(" ");
        int i = 0;
        int n = text.length();
        while (i <= n) {
            int end = text.indexOf('\n', i);
            if (end < 0) end = n;
            String line = rules.cut(collapse ? collapseSpaces(text, i, end) : text.substring(i, end));
            if (!rules.isChrome(line)) out.add(new Line(line));
            i = end + 1;
        }
        return out;
    }

    private List<Line> classify(List<Line> lines) {
        Map<Line, Integer> counts = new HashMap<>();
        for (Line l : lines) {
            if (l.text.length() <= MAX_HEADER_LINE) byline(l);
            counts.merge(l, 1, Integer::sum);
        }
        Map<Line, Boolean> seenLong = new HashMap<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.kind != Kind.TEXT) { first = false; continue; }
            boolean repeated = counts.get(l) > 1;
            if (headlineShaped(l.text)
                    && (repeated || bylineFollows(lines, i) || (first && i + 1 < lines.size()))) {
                l.kind = Kind.HEADLINE;
            } else if (repeated && headlineShaped(l.text)) {
                l.kind = Kind.DROPPED; // a caption or widget the page repeats
            } else if (repeated && seenLong.putIfAbsent(l, Boolean.TRUE) != null) {
                l.kind = Kind.DROPPED; // the same paragraph again
            }
            first = false;
        }
        return lines;
    }

    /** Marks a short line as a byline when it states only a time and/or an outlet (with an optional place). */
    private void byline(Line l) {
        String s = l.text;
        int start = 0;
        while (start < s.length() && (s.charAt(start) == '•' || s.charAt(start) == '·' || s.charAt(start) == '|')) start++;
        // most short lines state no time (the bullets are none of its chars) and start with no outlet name
        if (!PublicationTimes.mayStateTime(s)) {
            int first = start;
            while (first < s.length() && Character.isWhitespace(s.charAt(first))) first++;
            if (first == s.length() || !outlets.mayStartWith(s.charAt(first))) return;
        }
        PublicationTimes.HeaderTime time = PublicationTimes.inHeader(s.substring(start));
        String rest = time.rest();
        if (rest.isEmpty()) {
            if (time.found()) { l.kind = Kind.BYLINE; l.time = time; }
            return;
        }
        Optional<Outlets.Match> m = outlets.at(rest, 0);
        if (m.isEmpty()) return;
        String after = stripSeparators(rest.substring(m.get().end()));
        if (!after.isEmpty() && !placeLike(after)) return;
        l.kind = Kind.BYLINE;
        l.time = time;
        l.outlet = m.get().outlet();
    }

    private static boolean bylineFollows(List<Line> lines, int i) {
        for (int k = i + 1; k < lines.size() && k <= i + 3; k++) {
            Line next = lines.get(k);
            if (next.kind == Kind.BYLINE) return true;
            if (!next.sameText(lines.get(i))) return false;
        }
        return false;
    }

    private List<Draft> assemble(List<Line> lines) {
        List<Draft> drafts = new ArrayList<>();
        Draft current = new Draft();
        drafts.add(current);
        for (Line l : lines) {
            switch (l.kind) {
                case HEADLINE -> {
                    boolean sameHeader = !current.hasBody()
                            && (current.headline == null || current.headlineLine.sameText(l));
                    if (!sameHeader) {
                        current = new Draft();
                        drafts.add(current);
                    }
                    current.headline = l.text;
                    current.headlineLine = l;
                }
                case BYLINE -> {
                    if (current.hasBody()) {
                        if (l.time == null || !l.time.found()) continue; // a stray outlet name inside a text
                        current = new Draft();
                        drafts.add(current);
                    }
                    current.absorb(l);
                }
                case TEXT -> {
                    if (current.headlineLine != null && current.headlineLine.sameText(l)) continue;
                    String text = l.text;
                    if (!current.hasBody()) text = dateline(text, current);
                    if (text.isEmpty()) continue;
                    current.paragraphs.add(text);
                }
                case DROPPED -> { }
            }
        }
        return drafts;
    }

    /** Takes a leading "Outlet/ " or "Outlet – Place " off the first paragraph, keeping the outlet. */
    private String dateline(String text, Draft draft) {
        Optional<Outlets.Match> m = outlets.at(text, 0);
        if (m.isEmpty()) return text;
        int i = m.get().end();
        int n = text.length();
        while (i < n && text.charAt(i) == ' ') i++;
        if (i >= n) return text;
        char sep = text.charAt(i);
        boolean dash = sep == '-' || sep == '–' || sep == '—';
        if (!dash && sep != '/' && sep != ':' && sep != '|') return text;
        i++;
        while (i < n && text.charAt(i) == ' ') i++;
        if (dash) {
            // "Shafaq News – Baghdad Syrian Energy Minister ...": one capitalised place word, when a name or clause follows
            int w = i;
            while (w < n && Character.isLetter(text.charAt(w))) w++;
            if (w > i && Character.isUpperCase(text.charAt(i)) && w + 1 < n
                    && (text.charAt(w) == ',' || text.charAt(w) == ' ' && (Character.isUpperCase(text.charAt(w + 1)) || text.charAt(w + 1) == '('))) {
                i = w;
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',')) i++;
            }
        }
        if (draft.outlet == null) draft.outlet = m.get().outlet();
        return text.substring(i);
    }

    private List<Segment> finish(List<Draft> drafts, ArticleText article, String title) {
        Instant pageTime = article.publishedAt();
        // relative times ("3 hours ago") count back from when the page was captured: not before the page time, nor
        // before the latest date quoted by an article that states a relative time
        Instant reference = pageTime;
        for (Draft d : drafts) {
            if (d.ago == null || !d.hasBody()) continue;
            LocalDate quoted = PublicationTimes.latestQuotedDate(d.body());
            if (quoted == null) continue;
            Instant q = quoted.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (reference == null || q.isAfter(reference)) reference = q;
        }
        String source = article.source() == null ? null
                : outlets.resolve(article.source()).map(Outlet::name).orElse(article.source().strip());
        List<Segment> out = new ArrayList<>();
        for (Draft d : drafts) {
            if (!d.hasBody()) continue;
            String body = d.body();
            String headline = d.headline != null ? d.headline : (out.isEmpty() ? blankToNull(title) : null);
            String outlet = d.outlet != null ? d.outlet.name() : source;
            out.add(new Segment(out.size(), headline, body, time(d, pageTime, reference), outlet,
                    LanguageDetector.detect(body)));
        }
        return List.copyOf(out);
    }

    private static Instant time(Draft d, Instant pageTime, Instant reference) {
        if (d.instant != null) return d.instant;
        if (d.date != null) return PublicationTimes.onDay(d.date, pageTime);
        if (d.ago != null && reference != null) {
            Instant t = reference.minus(d.ago);
            LocalDate quoted = PublicationTimes.latestQuotedDate(d.body());
            Instant floor = quoted == null ? null : quoted.atStartOfDay(ZoneOffset.UTC).toInstant();
            return floor != null && floor.isAfter(t) ? floor : t;
        }
        return pageTime;
    }

    private static boolean headlineShaped(String s) {
        int n = s.length();
        if (n < 8 || n > MAX_HEADLINE) return false;
        char last = s.charAt(n - 1);
        if (last == '.' || last == ',' || last == ';' || last == ':' || last == '…') return false;
        char first = s.charAt(0);
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || first == '"' || first == '“' || first == '‘'
                || first == '\'' || (Character.isLetter(first) && !Character.isLowerCase(first)))) return false;
        int words = 1;
        for (int i = 0; i < n; i++) if (s.charAt(i) == ' ') words++;
        return words <= 30 && words >= 2;
    }

    /** "Baghdad", "Erbil, Kurdistan Region": up to four capitalised words, no sentence. */
    private static boolean placeLike(String s) {
        if (s.length() > 40 || !Character.isUpperCase(s.charAt(0))) return false;
        int words = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                words++;
                if (i + 1 < s.length() && !Character.isUpperCase(s.charAt(i + 1))) return false;
            } else if (c == '.' || c == '!' || c == '?') return false;
        }
        return words <= 4;
    }

    private static String stripSeparators(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '-' || s.charAt(i) == '–' || s.charAt(i) == '—'
                || s.charAt(i) == '/' || s.charAt(i) == ':' || s.charAt(i) == '|' || s.charAt(i) == ',')) i++;
        return s.substring(i).strip();
    }

    private static String collapseSpaces(String s, int from, int to) {
        if (!needsCollapse(s, from, to)) return s.substring(from, to);
        StringBuilder b = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') { space = b.length() > 0; continue; }
            if (space) { b.append(' '); space = false; }
            b.append(c);
        }
        return b.toString();
    }

    /** A tab, a leading or trailing space, or two spaces in a row. */
    private static boolean needsCollapse(String s, int from, int to) {
        if (from == to) return false;
        if (s.charAt(from) == ' ' || s.charAt(to - 1) == ' ') return true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == ' ' && s.charAt(i + 1) == ' ') return true;
        }
        return false;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
