package io.sitrep.nlp.place;

import io.sitrep.nlp.PlaceRef;
import io.sitrep.nlp.text.NameFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds place names in a text and resolves them to coordinates, governorate and country.
 *
 * <p>One pass over the text: a branch-free scan finds the words that may start a name (capitalised, Arabic script,
 * or a lower-case word joined to a capitalised one as in "north-east Syria"), skipping every other word without
 * splitting or folding it; from each, the folded words are walked through the name trie and the longest name
 * wins. A word spelt as the gazetteer spells one ({@link KnownSpellings}) is not folded: its key and node are
 * looked up; another is folded only when its consonant skeleton may start a name ({@link ConsonantSkeletons}).
 * A second pass resolves names that several places share from the text's context:
 * a candidate whose governorate or country the text mentions wins, then the larger kind of place (capital,
 * governorate seat, governorate, curated site, district seat, village), then the theatre (Iraq, Syria), then the
 * population. Stop names (persons, common words, organisation names) are never places; a lone village name stuck
 * to another capitalised word ("Fuad Hussein") is read as part of a person's or organisation's name.
 *
 * <p>{@code PlaceRef.admin1} is the canonical governorate name of geo/governorates.tsv (e.g. "Nineveh",
 * "Al Anbar", "Aleppo", "Raqqa", "Al Hasakah"); null for countries, regions, rivers and places outside Iraq and
 * Syria. Thread-safe; the standard instance is loaded once.
 */
public final class PlaceResolver {
    /** Words after a village name that make it a place's name rather than part of a person's. */
    private static final WordSet PLACE_WORDS = new WordSet(List.of("province", "governorate", "district", "subdistrict",
            "city", "town", "village", "camp", "dam", "base", "airbase", "airport", "prison", "crossing", "border",
            "countryside", "region", "area", "desert", "river", "mountain", "mountains", "plain", "plains", "valley",
            "road", "highway", "bridge", "checkpoint", "sector", "outskirts", "axis", "front"));

    private final Gazetteer gazetteer;
    private final Governorates governorates;
    /** The lower-case words that start some name, bucketed by first character (ASCII; the rest in bucket 128). */
    private final String[][] lowerCaseFirstWords;
    /**
     * By a word's last two chars (as {@link #endingOf}): whether a lower-case first word starting with an ASCII letter
     * ends with them. Most words before a capitalised one are told apart by this without reading back to their start.
     */
    private final long[] lowerCaseFirstWordEndings = new long[(128 * 128) / Long.SIZE];
    /** A lower-case first word shorter than two chars, which the endings cannot tell: every word must be read. */
    private final boolean shortLowerCaseFirstWord;
    /**
     * Bit c - 'a': a name continues from some lower-case first word's key with the consonant c. A word that begins
     * with another consonant continues no name from such a word (a word's key begins with its first consonant, see
     * {@link TextWords#leadingConsonantBit}), so the word before it need not be looked at.
     */
    private final int consonantsAfterLowerCaseFirstWords;
    private PlaceResolver(Gazetteer gazetteer, Governorates governorates) {
        this.gazetteer = gazetteer;
        this.governorates = governorates;
        this.lowerCaseFirstWords = byFirstChar(gazetteer.lowerCaseFirstWords());
        boolean shortWord = false;
        for (char c = 'a'; c <= 'z'; c++) {
            for (String w : lowerCaseFirstWords[c]) {
                if (w.length() < 2) shortWord = true;
                else {
                    int ending = endingOf(w.charAt(w.length() - 2), w.charAt(w.length() - 1));
                    lowerCaseFirstWordEndings[ending >>> 6] |= 1L << ending;
                }
            }
        }
        shortLowerCaseFirstWord = shortWord;
        consonantsAfterLowerCaseFirstWords = consonantsAfter(gazetteer.names(), gazetteer.lowerCaseFirstWords());
    }

    /** The letters a name continues with from the keys of {@code words}, folded with or without a hyphen after them. */
    private static int consonantsAfter(NameTrie<Candidates> names, Set<String> words) {
        int letters = 0;
        for (String w : words) {
            for (boolean hyphenated : new boolean[] {false, true}) {
                String key = NameFolder.foldToken(w, 0, w.length(), hyphenated);
                if (key.isEmpty()) return -1; // walks on from the root: any letter
                int node = names.walk(NameTrie.ROOT, key);
                for (char c = 'a'; c <= 'z'; c++) {
                    if (node != NameTrie.NONE && names.hasChild(node, c)) letters |= 1 << (c - 'a');
                }
            }
        }
        return letters;
    }

    private static final class Holder {
        static final PlaceResolver STANDARD = load(Gazetteer.Sources.standard());
    }

    /** The gazetteer shipped in the jar (GeoNames, governorates, supplement); loaded and validated once. */
    public static PlaceResolver standard() {
        return Holder.STANDARD;
    }

    /**
     * The shipped gazetteer plus an operator's supplement file in the format of geo/supplement.tsv.
     *
     * @throws PlaceDataException naming file and line when a line is malformed
     */
    public static PlaceResolver withSupplement(Path supplement) {
        if (!Files.isReadable(supplement)) throw new PlaceDataException(supplement + ": not readable");
        Gazetteer.Source extra = new Gazetteer.Source(supplement.toString(), () -> {
            try {
                return Files.newBufferedReader(supplement, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PlaceDataException(supplement + ": unreadable: " + e.getMessage(), e);
            }
        });
        return load(Gazetteer.Sources.standard().withSupplement(extra));
    }

    static PlaceResolver load(Gazetteer.Sources sources) {
        Governorates g = Governorates.standard();
        return new PlaceResolver(Gazetteer.build(sources, g), g);
    }

    public Governorates governorates() {
        return governorates;
    }

    /** The place with that id ("geonames:99072", "gov:IQ.AN", "site:al-hol-camp", "country:SY"). */
    public Optional<PlaceRef> byId(String id) {
        return gazetteer.byId(id).map(GazetteerEntry::place);
    }

    /** The place a single name means without context ("Ain al-Asad", "Al-Anbar", "الموصل"); blank or unknown: empty. */
    public Optional<PlaceRef> lookup(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        if (gazetteer.isEnglishWord(name.strip().toLowerCase(Locale.ROOT))) return Optional.empty();
        for (String key : Gazetteer.keysOf(name.strip())) {
            Candidates c = gazetteer.names().get(key);
            if (c != null) return c.blocked() ? Optional.empty() : Optional.of(c.best(0, 0).place());
        }
        return Optional.empty();
    }

    /** Every place mention in the text, in text order, with character offsets. Null or empty text: none. */
    public List<PlaceMention> find(String text) {
        if (text == null || text.isEmpty()) return List.of();
        Scratch s = SCRATCH.get();
        try {
            return find(text, s.words.reset(text), s);
        } finally {
            s.release();
        }
    }

    private List<PlaceMention> find(String text, TextWords t, Scratch s) {
        int n = t.length();
        int resume = 0; // words before this offset are read (as part of a name or not)
        for (int start = t.nextMayStart(0); start < n; start = t.nextMayStart(Math.max(resume, start + 1))) {
            resume = readAt(t, start, resume, s);
        }

        List<PlaceMention> out = new ArrayList<>(s.count);
        for (int m = 0; m < s.count; m++) {
            GazetteerEntry e = s.found[m].best(s.admin1Context, s.countryContext);
            int first = s.firstStart[m];
            int firstEnd = s.firstEnd[m];
            int end = s.lastEnd[m];
            if (e.rank() <= GazetteerEntry.RANK_VILLAGE && end == firstEnd && !t.arabic(first, firstEnd)
                    && partOfLongerName(t, first, firstEnd)) {
                continue;
            }
            int start = first;
            // an article is joined to the name: the char before it tells most names that have none
            if (first > 0 && TextWords.joins(t.chars()[first - 1])) {
                int article = t.previous(first);
                if (article >= 0 && articleBefore(t, article, first)) start = article;
            }
            s.keepOut(out.size(), start, spanKey(t.chars(), start, end));
            out.add(new PlaceMention(e.place(), surface(text, t.chars(), start, end, out, s), start, end));
        }
        return out;
    }

    /** How many mentions back a repeated surface ("Iraq", "Syria") is looked for: a bounded, linear search. */
    private static final int RECENT_MENTIONS = 16;

    /**
     * The text [start, end): the String of a recent mention spelt the same when there is one, else a new one. The
     * mentions' offsets and {@link #spanKey}s (kept in the scratch, not read from the mentions) and the text's chars
     * are compared, which is cheaper than asking the Strings; most mentions differ in their key, one long.
     */
    private static String surface(String text, char[] chars, int start, int end, List<PlaceMention> out, Scratch s) {
        int length = end - start;
        long key = s.outKey[out.size()];
        for (int k = out.size() - 1, stop = Math.max(0, out.size() - RECENT_MENTIONS); k >= stop; k--) {
            if (s.outKey[k] == key && sameChars(chars, start, s.outStart[k], length)) return out.get(k).surface();
        }
        return text.substring(start, end);
    }

    /** A span's length, first and last chars in one long: spans spelt the same have the same key. */
    private static long spanKey(char[] chars, int start, int end) {
        return (long) (end - start) << 32 | (long) chars[start] << 16 | chars[end - 1];
    }

    private static boolean sameChars(char[] chars, int a, int b, int length) {
        for (int i = 1; i < length; i++) if (chars[a + i] != chars[b + i]) return false;
        return true;
    }

    /**
     * Reads the names at the word at {@code start}, a word that may start one, and at a lower-case first word
     * ("north") joined before it, which the scan skipped; returns the offset from where names are looked for next.
     */
    private int readAt(TextWords t, int start, int resume, Scratch s) {
        int before = lowerCaseStartBefore(t, start);
        if (before >= resume) {
            resume = readFrom(t, before, s);
            if (start < resume) return resume;
        }
        return readFrom(t, start, s);
    }

    /**
     * The word before {@code start} when it begins with a lower-case ASCII letter and may be a lower-case first
     * word joined to it; else -1. Most words are ruled out by their own first consonant, by the chars between and by
     * the two last chars before them, the rest mostly by their first letter.
     */
    private int lowerCaseStartBefore(TextWords t, int start) {
        char[] chars = t.chars();
        if (start < 2) return -1;
        if ((t.leadingConsonantBit(start) & ~consonantsAfterLowerCaseFirstWords) != 0) return -1;
        char gap = chars[start - 1];
        if (!TextWords.joins(gap)) return -1;
        int k = start - 2;
        while (k >= 0 && !TextWords.isWordChar(chars[k])) k--;
        if (k < 0 || !shortLowerCaseFirstWord && (k == 0 || !endsLowerCaseFirstWord(chars[k - 1], chars[k]))) return -1;
        int before = t.previous(start);
        char first = chars[before];
        return first >= 'a' && first <= 'z' && lowerCaseFirstWords[first].length != 0 ? before : -1;
    }

    private boolean endsLowerCaseFirstWord(char secondLast, char last) {
        int ending = endingOf(secondLast, last);
        return (lowerCaseFirstWordEndings[ending >>> 6] & 1L << ending) != 0;
    }

    /** Two chars as one number below 128 * 128; chars beyond ASCII count as 127, so they share one. */
    private static int endingOf(char secondLast, char last) {
        return Math.min(secondLast, 127) << 7 | Math.min(last, 127);
    }

    /**
     * Reads the name, if any, that starts at the word at {@code start} (a word that may start one); returns the
     * offset after the words read, from where names are looked for next.
     */
    private int readFrom(TextWords t, int start, Scratch s) {
        int end = t.end(start);
        char firstLetter = t.firstLetter(start, end);
        boolean capitalised = TextWords.isUpperCase(firstLetter);
        boolean arabic = TextWords.isArabic(firstLetter);
        if (!capitalised && !arabic && !startsLowerCaseName(t, start, end)) return end;
        NameTrie<Candidates> names = gazetteer.names();
        KnownSpellings known = gazetteer.knownSpellings();
        int spelling = known.find(t.packed(start, end));
        int next;
        int keyEnd;
        int keyNode;
        if (spelling != KnownSpellings.UNKNOWN) {
            keyEnd = known.keyLength(spelling);
            keyNode = known.rootNode(spelling);
            // an article, or no name starts so (nor a demonym: its key is a trie path)
            if (keyEnd == 0 || keyNode == NameTrie.NONE) return end;
            next = t.next(end);
        } else {
            if (!gazetteer.skeletons().mayStartName(t.chars(), start, end)) return end; // an article or nothing
            next = t.next(end);
            keyEnd = t.fold(start, end, t.hyphenBetween(end, next), 0);
            if (keyEnd == 0) return end;
            keyNode = names.walk(NameTrie.ROOT, t.keyChars(), 0, keyEnd);
        }
        long match = longestName(t, end, next, keyEnd, keyNode, names, known);
        if (match == NO_MATCH && arabic) {
            String bare = t.keyWithoutProclitic(start, end);
            if (bare != null) match = longestName(t, end, next, keyEnd, names.walk(NameTrie.ROOT, bare), names, known);
        }
        // a lower-case first word needs a capitalised one after it: the name must be longer than that word
        if (match == NO_MATCH || !arabic && (!capitalised && lastEnd(match) == end
                || lastEnd(match) == end && englishWord(t, start, end, spelling))) {
            if (capitalised || arabic) s.countryContext |= gazetteer.demonymCountryBit(keyNode);
            return end;
        }
        int lastEnd = lastEnd(match);
        Candidates c = names.value(node(match));
        if (!c.blocked()) {
            s.add(start, end, lastEnd, c);
            s.admin1Context |= c.sharedAdmin1Bit();
            s.countryContext |= c.sharedCountryBit();
        }
        return lastEnd;
    }

    /** Per thread: the text being read and the names found in it, reused from call to call. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        private static final int KEPT_NAMES = 1024;
        final TextWords words = new TextWords();
        /** Name m spans the text from firstStart[m] to lastEnd[m], its first word ends at firstEnd[m], it may mean found[m]. */
        int[] firstStart = new int[16];
        int[] firstEnd = new int[16];
        int[] lastEnd = new int[16];
        Candidates[] found = new Candidates[16];
        int count;
        /** Output mention k starts at outStart[k], its spanKey is outKey[k]: surfaces are compared without reading the mentions. */
        int[] outStart = new int[16];
        long[] outKey = new long[16];
        /** RegionBits of the governorates and countries the text names. */
        long admin1Context;
        long countryContext;

        void add(int start, int end, int last, Candidates c) {
            int m = count++;
            if (m == found.length) {
                firstStart = Arrays.copyOf(firstStart, m * 2);
                firstEnd = Arrays.copyOf(firstEnd, m * 2);
                lastEnd = Arrays.copyOf(lastEnd, m * 2);
                found = Arrays.copyOf(found, m * 2);
            }
            firstStart[m] = start;
            firstEnd[m] = end;
            lastEnd[m] = last;
            found[m] = c;
        }

        void keepOut(int k, int start, long key) {
            if (k == outStart.length) {
                outStart = Arrays.copyOf(outStart, k * 2);
                outKey = Arrays.copyOf(outKey, k * 2);
            }
            outStart[k] = start;
            outKey[k] = key;
        }

        /** Keeps no text, no gazetteer data and no buffer sized for an exceptionally long text. */
        void release() {
            words.release();
            Arrays.fill(found, 0, count, null);
            count = 0;
            admin1Context = 0;
            countryContext = 0;
            if (found.length > KEPT_NAMES) {
                firstStart = new int[16];
                firstEnd = new int[16];
                lastEnd = new int[16];
                found = new Candidates[16];
            }
            if (outStart.length > KEPT_NAMES) {
                outStart = new int[16];
                outKey = new long[16];
            }
        }
    }

    /**
     * Capitalised or Arabic words start names; so does a lower-case word that starts some name ("north-east") when
     * joined to a capitalised one.
     */
    private boolean startsLowerCaseName(TextWords t, int start, int end) {
        // the word list first: it rejects most lower-case words without reading what follows them
        boolean startsSome = false;
        for (String w : lowerCaseFirstWords[Math.min(t.chars()[start], 128)]) {
            if (t.is(start, end, w)) {
                startsSome = true;
                break;
            }
        }
        if (!startsSome) return false;
        int next = t.next(end);
        return t.joined(end, next) && t.capitalised(next, t.end(next));
    }

    private static String[][] byFirstChar(Set<String> words) {
        List<List<String>> buckets = new ArrayList<>();
        for (int c = 0; c <= 128; c++) buckets.add(new ArrayList<>());
        for (String w : words) if (!w.isEmpty()) buckets.get(Math.min(w.charAt(0), 128)).add(w);
        String[][] out = new String[129][];
        for (int c = 0; c <= 128; c++) out[c] = buckets.get(c).toArray(new String[0]);
        return out;
    }

    /** {@link #longestName}'s answer when no name starts at the word. */
    private static final long NO_MATCH = -1;

    /** A name found: where its last word ends and the trie node of its key, in one long. */
    private static long match(int lastEnd, int node) { return (long) lastEnd << 32 | node; }

    private static int lastEnd(long match) { return (int) (match >>> 32); }

    private static int node(long match) { return (int) match; }

    /**
     * The longest name starting at a word whose end is {@code end}, whose key (non-empty) fills the key buffer up
     * to {@code keyEnd} and led to {@code node}, with the next word at {@code next}; or NO_MATCH.
     */
    private static long longestName(TextWords t, int end, int next, int keyEnd, int node, NameTrie<Candidates> names,
                                    KnownSpellings known) {
        long best = NO_MATCH;
        int keyLength = keyEnd;
        while (node != NameTrie.NONE) {
            if (names.value(node) != null && keyLength != 0) best = match(end, node);
            if (!t.joined(end, next)) break;
            int start = next;
            // most words, without folding them: their first consonant continues no key from the node
            if ((t.leadingConsonantBit(start) & ~names.childLetters(node)) != 0) break;
            end = t.end(start);
            next = t.next(end);
            int spelling = known.find(t.packed(start, end));
            if (spelling != KnownSpellings.UNKNOWN) {
                int from = known.keyStart(spelling);
                keyLength = known.keyLength(spelling);
                // a known key is lower-case letters: its first tells most words that continue no name ("and")
                if (keyLength != 0 && !names.hasChild(node, known.keyChars()[from])) break;
                node = names.walk(node, known.keyHash(spelling), known.keyChars(), from, from + keyLength);
            } else {
                int keyStart = keyEnd;
                keyEnd = t.fold(start, end, t.hyphenBetween(end, next), keyStart);
                keyLength = keyEnd - keyStart;
                node = names.walk(node, t.keyChars(), keyStart, keyEnd);
            }
        }
        return best;
    }

    /** Whether the word, lower-cased, is one of the gazetteer's English words; {@code spelling} is its known spelling's id. */
    private boolean englishWord(TextWords t, int start, int end, int spelling) {
        if (spelling != KnownSpellings.UNKNOWN) return gazetteer.knownSpellings().englishWord(spelling);
        return lowerCaseIn(gazetteer.englishWords(), t, start, end);
    }

    /** Whether the word, lower-cased (String.toLowerCase(Locale.ROOT)), is one of {@code words}. */
    private static boolean lowerCaseIn(WordSet words, TextWords t, int start, int end) {
        int found = words.indexOfLowerCase(t.chars(), start, end);
        if (found == WordSet.NOT_ASCII) found = words.indexOf(t.textOf(start, end).toLowerCase(Locale.ROOT));
        return found >= 0;
    }

    /** Whether the word at {@code word} is an article ("al", "Al-", "ash-") joined to the word at {@code next}. */
    private boolean articleBefore(TextWords t, int word, int next) {
        // the ASCII articles, known or folded, begin with an a or an e: most words are told without reading them
        char first = t.chars()[word];
        if (first < 128 && (first | 0x20) != 'a' && (first | 0x20) != 'e') return false;
        int end = t.end(word);
        if (!t.joined(end, next)) return false;
        KnownSpellings known = gazetteer.knownSpellings();
        int spelling = known.find(t.packed(word, end));
        if (spelling != KnownSpellings.UNKNOWN) return known.keyLength(spelling) == 0;
        return t.isArticle(word, end, t.hyphenBetween(end, next), 0);
    }

    /**
     * A one-word village name with a capitalised word stuck before it (not at a sentence start) or after it (other
     * than a place word such as "Dam" or "Province") is a part of a person's or organisation's name.
     */
    private boolean partOfLongerName(TextWords t, int start, int end) {
        int before = t.previous(start);
        if (before >= 0 && articleBefore(t, before, start)) before = t.previous(before); // the article of "Al-X"
        if (before >= 0) {
            int beforeEnd = t.end(before);
            if (t.joined(beforeEnd, t.next(beforeEnd)) && t.capitalised(before, beforeEnd) && !t.sentenceStart(before)) {
                return true;
            }
        }
        int after = t.next(end);
        if (!t.joined(end, after)) return false;
        int afterEnd = t.end(after);
        return t.capitalised(after, afterEnd) && !placeWord(t, after, afterEnd);
    }

    /** "Dam", "Province", …: a word after a name that makes it a place's name. An article is none. */
    private static boolean placeWord(TextWords t, int start, int end) {
        return lowerCaseIn(PLACE_WORDS, t, start, end) && t.fold(start, end, t.hyphenBetween(end, t.next(end)), 0) != 0;
    }
}
