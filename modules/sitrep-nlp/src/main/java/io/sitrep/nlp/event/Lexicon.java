package io.sitrep.nlp.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Phrase lexicon over tokens. A phrase is one or more words separated by spaces; a word ending in '*'
 * matches any token starting with it ("deploy*" = deploy, deployed, deployment). Each phrase carries
 * entry ids chosen by the caller.
 * <p>
 * Every word and prefix of the lexicon is a pattern. What a token can match is decided once per token, when it
 * is read ({@link #classOf}): its folded hash is looked up among the exact words, else among the prefixes (only
 * when its first three characters start one). Either gives a class, the patterns the token matches in a fixed
 * order, known at load time with the phrases they may start. Matching then only visits tokens with a class.
 */
final class Lexicon {
    private static final int[] NONE = new int[0];

    /** Matches as parallel arrays, ordered by start token: entry id, first token, token after the last. */
    static final class Hits {
        int size;
        int[] entry = new int[64];
        int[] start = new int[64];
        int[] end = new int[64];

        void clear() { size = 0; }

        private void add(int e, int s, int en) {
            if (size == entry.length) {
                entry = Arrays.copyOf(entry, size * 2);
                start = Arrays.copyOf(start, size * 2);
                end = Arrays.copyOf(end, size * 2);
            }
            entry[size] = e;
            start[size] = s;
            end[size] = en;
            size++;
        }
    }

    /**
     * Open addressing from folded words to ints: the hash and the value share a slot (one memory read per probe),
     * a matching hash is confirmed against the word's characters.
     */
    private static final class Table {
        private final long[] slots; // hash << 32 | value + 1; 0 = empty
        private final char[][] keys;
        private final int shift;

        Table(Map<String, Integer> entries) {
            int bits = 1;
            while ((1 << bits) < entries.size() * 2) bits++;
            slots = new long[1 << bits];
            keys = new char[1 << bits][];
            shift = 32 - bits;
            int mask = slots.length - 1;
            for (Map.Entry<String, Integer> e : entries.entrySet()) {
                int h = e.getKey().hashCode();
                int slot = (h * 0x9E3779B9) >>> shift;
                while (slots[slot] != 0) slot = (slot + 1) & mask;
                slots[slot] = (long) h << 32 | (e.getValue() + 1);
                keys[slot] = e.getKey().toCharArray();
            }
        }

        /** The value of the folded text [from, to) whose folded hash is h, or -1. */
        int get(int h, char[] text, int from, int to) {
            int mask = slots.length - 1;
            for (int slot = (h * 0x9E3779B9) >>> shift; ; slot = (slot + 1) & mask) {
                long s = slots[slot];
                if (s == 0) return -1;
                if ((int) (s >>> 32) == h && equalsFolded(keys[slot], text, from, to)) return (int) s - 1;
            }
        }

        private static boolean equalsFolded(char[] key, char[] text, int from, int to) {
            if (key.length != to - from) return false;
            for (int k = 0; k < key.length; k++) if (Tokens.fold(text[from + k]) != key[k]) return false;
            return true;
        }
    }

    /**
     * Packed keys ({@link #packed}) to ints where each key has two fixed slots (cuckoo hashing, placed at load): a
     * lookup reads both, key and value side by side, with no loop and no chain to follow. At most half full.
     */
    private static final class TwoChoiceTable {
        // (no packed key is 0: a packed word has a leading 1 bit)
        private static final long[] MULTIPLIERS = {0x9E3779B97F4A7C15L, 0xC2B2AE3D27D4EB4FL, 0x165667B19E3779F9L,
                0xD6E8FEB86659FD93L, 0xFF51AFD7ED558CCDL, 0xC4CEB9FE1A85EC53L, 0x94D049BB133111EBL, 0xBF58476D1CE4E5B9L};
        /** Per slot its key (0: free, as no packed key is 0) and its value (not 0). */
        private long[] slots;
        private int shift;
        private long m1, m2;

        TwoChoiceTable(Map<Long, Long> entries) {
            int bits = 4;
            while ((1 << bits) < 2 * entries.size()) bits++;
            for (int attempt = 0; ; attempt++) {
                int m = attempt % (MULTIPLIERS.length / 2);
                if (fill(entries, bits, MULTIPLIERS[2 * m], MULTIPLIERS[2 * m + 1])) return;
                if (m == MULTIPLIERS.length / 2 - 1) bits++; // every pair of hashes tried at this size: grow
            }
        }

        private boolean fill(Map<Long, Long> entries, int bits, long first, long second) {
            slots = new long[2 << bits];
            shift = 64 - bits;
            m1 = first;
            m2 = second;
            for (Map.Entry<Long, Long> e : entries.entrySet()) {
                long key = e.getKey(), value = e.getValue();
                if (key == 0 || value == 0) throw new IllegalArgumentException("0 marks a free slot");
                int slot = slot(key, m1);
                for (int kicks = 0; ; kicks++) { // place the key, moving the one there to its other slot
                    if (kicks > 2 * entries.size()) return false;
                    long k = slots[2 * slot], v = slots[2 * slot + 1];
                    slots[2 * slot] = key;
                    slots[2 * slot + 1] = value;
                    if (k == 0) break;
                    key = k;
                    value = v;
                    slot = slot(key, m1) == slot ? slot(key, m2) : slot(key, m1);
                }
            }
            return true;
        }

        private int slot(long key, long multiplier) { return (int) ((key * multiplier) >>> shift); }

        /** The value of the key, or 0. */
        long get(long key) {
            int a = 2 * slot(key, m1), b = 2 * slot(key, m2);
            long[] s = slots;
            return s[a] == key ? s[a + 1] : s[b] == key ? s[b + 1] : 0;
        }
    }

    /** Folded words of at most this many characters, all ASCII, are keyed by their characters themselves. */
    static final int PACKED_MAX = 9;

    /**
     * The ASCII word as a number: a leading 1 bit, then 7 bits a character; -1 when it does not fit (no word packs
     * to -1: that would be nine DEL characters).
     */
    static long packed(CharSequence word) {
        if (word.length() > PACKED_MAX) return -1;
        long k = 1;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 128) return -1;
            k = k << 7 | c;
        }
        return k;
    }

    private static final int HEAD = 3; // prefixes are 3 characters at least (see words)

    // words and prefixes that pack, keyed by their characters; the others (and every prefix and head, as a long
    // token may start with a short prefix), by hash
    /**
     * Each packed word and packed head: its class + 1 in the low half (0: no word of the lexicon), its head index
     * (into headPrefixFrom) + 1 in the high half (0: no prefix starts with it). One lookup tells a word's own class.
     */
    private final TwoChoiceTable packedWordsAndHeads;
    /** Per head, its packed prefixes [headPrefixFrom[h], headPrefixFrom[h + 1]) by length: key, length, class. */
    private final int[] headPrefixFrom;
    private final long[] prefixKey;
    private final int[] prefixLength;
    private final int[] prefixClass;
    /**
     * One bit per hash of a packed key, set for the first PACKED_MAX characters of every longer exact word: a long
     * word whose bit is clear is not in exactWords, which a bit (2 KB, in cache) tells without hashing the word.
     */
    private final long[] packedFilter = new long[1 << FILTER_BITS - 6];
    private static final int FILTER_BITS = 14;
    private final Table exactWords;
    private final Table prefixes;
    /** First three characters of some prefix → index into headLengths. */
    private final Table heads;
    /** The lengths of the prefixes that start with a head, ascending. */
    private final int[][] headLengths;
    private final boolean digitWords;
    /** Per class, the patterns it matches: its prefixes shortest first, then its exact word. */
    private final int[][] classPatterns;
    /** Per class, the phrases its token may start, in the order of its patterns; and those of one word only. */
    private final int[][] classPhrases;
    private final int[][] classSingleWordPhrases;
    private final int[][] phrasePatterns;
    /** Per phrase, the entries a match reports as a hit (a one-word phrase's token facts are not among them). */
    private final int[][] phraseEntries;
    /** Per class, the token facts of its one-word phrases, in the order hits would have listed them. */
    private final int[][] classFacts;
    /**
     * One bit per pattern (its id mod 64): per class the bits of its patterns, per phrase the bit of its second
     * word (0 for a one-word phrase). A phrase whose bit the next token's class lacks cannot match there.
     */
    private final long[] classBits;
    private final long[] phraseSecondBit;
    /** Per class, the bits of the second words of the phrases it may start: none in the next token, none matches. */
    private final long[] classSecondBits;

    private Lexicon(Builder b, java.util.function.IntPredicate tokenFact) {
        int[][] patterns = b.phrasePatterns.toArray(new int[0][]);
        int[][] entries = new int[b.phraseEntries.size()][];
        int[][] facts = new int[entries.length][];
        for (int i = 0; i < entries.length; i++) {
            List<Integer> all = b.phraseEntries.get(i);
            boolean oneWord = patterns[i].length == 1;
            entries[i] = all.stream().filter(e -> !oneWord || !tokenFact.test(e)).mapToInt(Integer::intValue).toArray();
            facts[i] = all.stream().filter(e -> oneWord && tokenFact.test(e)).mapToInt(Integer::intValue).toArray();
        }
        List<List<Integer>> byFirst = new ArrayList<>();
        for (int i = 0; i < b.patterns; i++) byFirst.add(new ArrayList<>());
        for (int ph = 0; ph < patterns.length; ph++) byFirst.get(patterns[ph][0]).add(ph);

        // classes: one per exact word, then one per prefix
        Map<String, Integer> exactClasses = new LinkedHashMap<>();
        Map<String, Integer> prefixClasses = new LinkedHashMap<>();
        List<int[]> classes = new ArrayList<>();
        for (Map.Entry<String, Integer> w : b.exact.entrySet()) {
            int[] pats = prefixPatternsOf(w.getKey(), b.prefix);
            pats = Arrays.copyOf(pats, pats.length + 1);
            pats[pats.length - 1] = w.getValue();
            exactClasses.put(w.getKey(), classes.size());
            classes.add(pats);
        }
        Map<String, TreeSet<Integer>> lengthsByHead = new LinkedHashMap<>();
        for (String p : b.prefix.keySet()) {
            prefixClasses.put(p, classes.size());
            classes.add(prefixPatternsOf(p, b.prefix));
            lengthsByHead.computeIfAbsent(p.substring(0, HEAD), k -> new TreeSet<>()).add(p.length());
        }
        Map<String, Integer> headIds = new LinkedHashMap<>();
        headLengths = new int[lengthsByHead.size()][];
        for (Map.Entry<String, TreeSet<Integer>> h : lengthsByHead.entrySet()) {
            headLengths[headIds.size()] = h.getValue().stream().mapToInt(Integer::intValue).toArray();
            headIds.put(h.getKey(), headIds.size());
        }
        classPatterns = classes.toArray(new int[0][]);
        classPhrases = new int[classPatterns.length][];
        classSingleWordPhrases = new int[classPatterns.length][];
        classFacts = new int[classPatterns.length][];
        for (int c = 0; c < classPatterns.length; c++) {
            List<Integer> all = new ArrayList<>();
            List<Integer> single = new ArrayList<>();
            List<Integer> factsOfClass = new ArrayList<>();
            for (int p : classPatterns[c]) {
                for (int ph : byFirst.get(p)) {
                    for (int e : facts[ph]) factsOfClass.add(e);
                    if (entries[ph].length == 0) continue; // only token facts: nothing to report as a hit
                    all.add(ph);
                    if (patterns[ph].length == 1) single.add(ph);
                }
            }
            classPhrases[c] = all.isEmpty() ? NONE : all.stream().mapToInt(Integer::intValue).toArray();
            classSingleWordPhrases[c] = single.isEmpty() ? NONE : single.stream().mapToInt(Integer::intValue).toArray();
            classFacts[c] = factsOfClass.isEmpty() ? NONE : factsOfClass.stream().mapToInt(Integer::intValue).toArray();
        }
        exactWords = new Table(unpacked(exactClasses));
        prefixes = new Table(prefixClasses);
        heads = new Table(headIds);
        Map<Long, Long> wordsAndHeads = new LinkedHashMap<>();
        packedOnly(exactClasses).forEach((k, c) -> wordsAndHeads.merge(k, c + 1L, Long::sum));
        packedOnly(headIds).forEach((k, h) -> wordsAndHeads.merge(k, h + 1L << 32, Long::sum));
        packedWordsAndHeads = new TwoChoiceTable(wordsAndHeads);
        List<String> packedPrefixWords = new ArrayList<>();
        for (String p : prefixClasses.keySet()) if (packed(p) != -1) packedPrefixWords.add(p);
        packedPrefixWords.sort(java.util.Comparator.comparing((String p) -> headIds.get(p.substring(0, HEAD)))
                .thenComparingInt(String::length));
        headPrefixFrom = new int[headIds.size() + 1];
        prefixKey = new long[packedPrefixWords.size()];
        prefixLength = new int[packedPrefixWords.size()];
        prefixClass = new int[packedPrefixWords.size()];
        for (int i = 0; i < packedPrefixWords.size(); i++) {
            String p = packedPrefixWords.get(i);
            prefixKey[i] = packed(p);
            prefixLength[i] = p.length();
            prefixClass[i] = prefixClasses.get(p);
            headPrefixFrom[headIds.get(p.substring(0, HEAD)) + 1]++;
        }
        for (int h = 0; h < headIds.size(); h++) headPrefixFrom[h + 1] += headPrefixFrom[h];
        // a longer word is looked up by hash only when its first characters, packed, may start a long exact word
        for (String w : exactClasses.keySet()) {
            long k = w.length() > PACKED_MAX ? packed(w.substring(0, PACKED_MAX)) : -1;
            if (k != -1) addToFilter(k);
        }
        boolean digits = false;
        for (String w : b.exact.keySet()) digits |= Character.isDigit(w.charAt(0));
        for (String w : b.prefix.keySet()) digits |= Character.isDigit(w.charAt(0));
        digitWords = digits;
        phrasePatterns = patterns;
        phraseEntries = entries;
        classBits = new long[classPatterns.length];
        for (int c = 0; c < classPatterns.length; c++) for (int p : classPatterns[c]) classBits[c] |= 1L << p;
        phraseSecondBit = new long[patterns.length];
        for (int ph = 0; ph < patterns.length; ph++) if (patterns[ph].length > 1) phraseSecondBit[ph] = 1L << patterns[ph][1];
        classSecondBits = new long[classPatterns.length];
        for (int c = 0; c < classPatterns.length; c++) for (int ph : classPhrases[c]) classSecondBits[c] |= phraseSecondBit[ph];
    }

    private static Map<String, Integer> unpacked(Map<String, Integer> byWord) {
        Map<String, Integer> out = new LinkedHashMap<>();
        byWord.forEach((w, v) -> { if (packed(w) == -1) out.put(w, v); });
        return out;
    }

    private static Map<Long, Integer> packedOnly(Map<String, Integer> byWord) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        byWord.forEach((w, v) -> { if (packed(w) != -1) out.put(packed(w), v); });
        return out;
    }

    /** The prefix patterns that match the start of a word, shortest first (as a token matches them). */
    private static int[] prefixPatternsOf(String word, Map<String, Integer> prefix) {
        List<Integer> out = new ArrayList<>();
        for (int len = 1; len <= word.length(); len++) {
            Integer p = prefix.get(word.substring(0, len));
            if (p != null) out.add(p);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Folds and checks a phrase; throws IllegalArgumentException with the reason when it cannot match. */
    static List<String> words(String phrase) {
        if (phrase == null || phrase.isBlank()) throw new IllegalArgumentException("empty phrase");
        String p = phrase.replace('-', ' ').replace('\u2019', '\'').trim();
        List<String> out = new ArrayList<>();
        for (String raw : p.split("\\s+")) {
            StringBuilder w = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) w.append(Tokens.fold(raw.charAt(i)));
            String word = w.toString();
            String body = word.endsWith("*") ? word.substring(0, word.length() - 1) : word;
            if (body.isEmpty()) throw new IllegalArgumentException("bare '*' in phrase '" + phrase + "'");
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '\'' && i > 0)) {
                    throw new IllegalArgumentException("phrase '" + phrase + "': word '" + raw
                            + "' may hold only letters, digits, inner apostrophes and a final '*'");
                }
            }
            if (word.endsWith("*") && body.length() < HEAD) {
                throw new IllegalArgumentException("phrase '" + phrase + "': prefix '" + raw + "' is too short (3 letters at least)");
            }
            out.add(word.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static final class Builder {
        private int patterns;
        /** Pattern ids of exact words and of prefixes (without their '*'). */
        private final Map<String, Integer> exact = new LinkedHashMap<>();
        private final Map<String, Integer> prefix = new LinkedHashMap<>();
        private final Map<String, Integer> phraseIds = new HashMap<>();
        private final List<int[]> phrasePatterns = new ArrayList<>();
        private final List<List<Integer>> phraseEntries = new ArrayList<>();

        Builder add(String phrase, int entry) {
            List<String> ws = words(phrase);
            String key = String.join(" ", ws);
            Integer id = phraseIds.get(key);
            if (id == null) {
                int[] pats = new int[ws.size()];
                for (int i = 0; i < ws.size(); i++) pats[i] = pattern(ws.get(i));
                id = phrasePatterns.size();
                phraseIds.put(key, id);
                phrasePatterns.add(pats);
                phraseEntries.add(new ArrayList<>());
            }
            if (!phraseEntries.get(id).contains(entry)) phraseEntries.get(id).add(entry);
            return this;
        }

        private int pattern(String word) {
            if (word.endsWith("*")) return prefix.computeIfAbsent(word.substring(0, word.length() - 1), k -> patterns++);
            return exact.computeIfAbsent(word, k -> patterns++);
        }

        Lexicon build() { return new Lexicon(this, e -> false); }

        /**
         * A lexicon where a one-word phrase does not report the entries that are token facts as hits: they are read
         * per token class instead ({@link #factsOf}), which saves a hit for each of the commonest words.
         */
        Lexicon build(java.util.function.IntPredicate tokenFact) { return new Lexicon(this, tokenFact); }
    }

    static Builder builder() { return new Builder(); }

    /** The number of token classes ({@link #classOf} gives values below it). */
    int classCount() { return classPatterns.length; }

    /** The token-fact entries a token of the class matches as a one-word phrase, in pattern order. */
    int[] factsOf(int cls) { return classFacts[cls]; }

    /** Whether a word of the lexicon starts with a digit: only then can a number token match. */
    boolean hasDigitWords() { return digitWords; }

    /**
     * The class of a token whose folded characters pack ({@link #packed}) into key, length characters long; -1 when
     * it matches no pattern. An exact word wins (its class holds its prefixes too), else the longest prefix.
     */
    int classOfPacked(long key, int length) {
        int exact = (int) packedWordsAndHeads.get(key) - 1;
        if (exact >= 0 || length < HEAD) return exact;
        int head = headOf(key, length);
        return head < 0 ? -1 : longestPackedPrefix(head, key, length);
    }

    /** The head index of a word whose first length (≥ HEAD) characters pack into key, or -1 when no prefix has it. */
    private int headOf(long key, int length) {
        return (int) (packedWordsAndHeads.get(key >>> 7 * (length - HEAD)) >>> 32) - 1;
    }

    /**
     * The class of the longest packed prefix of the head that starts a word whose first length characters pack into
     * key, or -1: the prefixes are compared with the word's first characters, no lookup.
     */
    private int longestPackedPrefix(int head, long key, int length) {
        int best = -1;
        for (int p = headPrefixFrom[head], to = headPrefixFrom[head + 1]; p < to; p++) {
            int len = prefixLength[p];
            if (len > length) break;
            if (key >>> 7 * (length - len) == prefixKey[p]) best = prefixClass[p];
        }
        return best;
    }

    private void addToFilter(long key) {
        int bit = filterBit(key);
        packedFilter[bit >>> 6] |= 1L << bit;
    }

    /** False when no exact word longer than PACKED_MAX starts with the packed characters (see packedFilter). */
    private boolean mayHold(long key) {
        int bit = filterBit(key);
        return (packedFilter[bit >>> 6] & 1L << bit) != 0;
    }

    /** A hash of the key on FILTER_BITS bits (not the tables' own, so that its collisions are not theirs). */
    private static int filterBit(long key) { return (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> 64 - FILTER_BITS); }

    /** The class of the token [from, to) of the text, as {@link #classOfPacked}. */
    int classOf(char[] text, int from, int to) {
        int n = to - from;
        int packedLength = Math.min(n, PACKED_MAX);
        long key = 1; // its first characters packed, when they are ASCII
        boolean ascii = true;
        for (int i = from; i < from + packedLength; i++) {
            char f = Tokens.fold(text[i]);
            key = key << 7 | f;
            ascii &= f < 128;
        }
        if (ascii && n <= PACKED_MAX) return classOfPacked(key, n);
        // (a long word whose first characters are ASCII: key holds PACKED_MAX of them, see packedFilter)
        int c = ascii && !mayHold(key) ? -1 : exactWords.get(Tokens.hash(text, from, to), text, from, to);
        if (c >= 0 || n < HEAD || headLengths.length == 0) return c;
        if (!ascii) return longestPrefixHashed(text, from, to);
        // a long word: its head and short prefixes are packed, the longer prefixes hashed
        int head = headOf(key, packedLength);
        if (head < 0) return -1;
        int best = longestPackedPrefix(head, key, packedLength);
        for (int len : headLengths[head]) {
            if (len <= PACKED_MAX) continue;
            if (len > n) break;
            int p = prefixes.get(Tokens.hash(text, from, from + len), text, from, from + len);
            if (p >= 0) best = p;
        }
        return best;
    }

    /** The class of the longest prefix of a token whose first characters do not pack, or -1. */
    private int longestPrefixHashed(char[] text, int from, int to) {
        int hk = 0;
        for (int i = from; i < from + HEAD; i++) hk = 31 * hk + Tokens.fold(text[i]);
        int head = heads.get(hk, text, from, from + HEAD);
        if (head < 0) return -1;
        int best = -1;
        int k = from + HEAD;
        for (int len : headLengths[head]) {
            if (from + len > to) break;
            while (k < from + len) hk = 31 * hk + Tokens.fold(text[k++]);
            int p = prefixes.get(hk, text, from, k);
            if (p >= 0) best = p;
        }
        return best;
    }

    /** Per class, whether a phrase its token may start reports an entry that passes the test. */
    boolean[] classesStarting(java.util.function.IntPredicate entry) {
        boolean[] out = new boolean[classPhrases.length];
        for (int c = 0; c < out.length; c++) {
            for (int ph : classPhrases[c]) for (int e : phraseEntries[ph]) out[c] |= entry.test(e);
        }
        return out;
    }

    /** Every phrase occurrence in the tokens, into hits (cleared first). */
    void match(Tokens t, Hits hits) {
        hits.clear();
        match(t, 0, t.size, hits);
    }

    /** Adds the phrase occurrences that start at tokens [from, to) (they may go on after it) to hits. */
    void match(Tokens t, int from, int to, Hits hits) {
        int[] cls = t.lexClass;
        int size = t.size;
        for (int i = from; i < to; i++) {
            int c = cls[i];
            if (c < 0) continue;
            // a phrase of several words needs a next token that matches its second word
            long next = i + 1 < size && cls[i + 1] >= 0 ? classBits[cls[i + 1]] : 0;
            if ((next & classSecondBits[c]) != 0) {
                for (int ph : classPhrases[c]) {
                    long second = phraseSecondBit[ph];
                    if (second != 0 && ((next & second) == 0 || !matchesFrom(phrasePatterns[ph], i, cls, size))) continue;
                    for (int e : phraseEntries[ph]) hits.add(e, i, i + phrasePatterns[ph].length);
                }
            } else {
                for (int ph : classSingleWordPhrases[c]) for (int e : phraseEntries[ph]) hits.add(e, i, i + 1);
            }
        }
    }

    private boolean matchesFrom(int[] seq, int first, int[] cls, int size) {
        if (first + seq.length > size) return false;
        for (int j = 1; j < seq.length; j++) {
            int c = cls[first + j];
            if (c < 0 || !contains(classPatterns[c], seq[j])) return false;
        }
        return true;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) if (x == v) return true;
        return false;
    }
}
