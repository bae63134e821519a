package io.sitrep.nlp.clean;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Language of a text from character and function-word statistics, no model: Arabic script gives "ar" (or "fa"/"ckb"
 * when letters proper to Persian or Sorani Kurdish dominate), Latin script is told apart by common function words
 * (en, fr, tr, de, es; "en" when undecided). "und" when there is no letter. Looks at the first 4,000 characters.
 */
public final class LanguageDetector {
    /** Chars read from the start of a text. */
    static final int SAMPLE = 4_000;
    static final int MAX_WORD = 8;
    private static final String[] CODES = {"en", "fr", "tr", "de", "es"};
    private static final Map<String, Integer> LANGUAGES_OF_WORD = languagesOfWord(
            "the of and to in is that for on with was said by as from has have are his its an at this which were",
            "le la les des du et est une dans pour que qui sur au aux par pas avec ont",
            "ve bir bu için ile da de olarak olan gibi çok daha ise ama",
            "der die das und ist nicht mit den von zu sich auf dem ein eine auch",
            "el los las del que por con una para como está fue sus pero");

    /**
     * The ASCII function words packed ({@link #packedAscii}) in a hash table where each sits in its home slot (the
     * multiplier is searched at load so that none collide): one probe answers for any word.
     */
    private static final int ASCII_TABLE_BITS = 10;
    private static final long[] ASCII_WORDS = new long[1 << ASCII_TABLE_BITS];
    private static final byte[] ASCII_WORD_LANGUAGES = new byte[1 << ASCII_TABLE_BITS];
    private static final long MULTIPLIER;
    /** An ASCII char's letter number (1 for a/A … 26 for z/Z), 0 for other chars. */
    private static final byte[] LETTER_NUMBER = new byte[128];
    /** Function-word hits are tallied in one long, {@link #TALLY_BITS} bits a language: a 4,000-char sample has fewer than 2,048 words. */
    private static final int TALLY_BITS = 12;
    /** The tally increment for a set of languages (bit k: CODES[k]). */
    private static final long[] TALLY_OF = new long[1 << 5];
    /** The lengths of the shortest and longest function words: a word of another length is none of them. */
    private static final int SHORTEST_WORD = LANGUAGES_OF_WORD.keySet().stream().mapToInt(String::length).min().orElseThrow();
    private static final int LONGEST_WORD = LANGUAGES_OF_WORD.keySet().stream().mapToInt(String::length).max().orElseThrow();
    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[SAMPLE]);

    static {
        MULTIPLIER = fillAsciiTable();
        for (char c = 'a'; c <= 'z'; c++) {
            LETTER_NUMBER[c] = (byte) (c - 'a' + 1);
            LETTER_NUMBER[c - 32] = (byte) (c - 'a' + 1);
        }
        for (int set = 0; set < TALLY_OF.length; set++) {
            for (int k = 0; k < CODES.length; k++) if ((set & 1 << k) != 0) TALLY_OF[set] += 1L << (TALLY_BITS * k);
        }
    }

    private LanguageDetector() {}

    public static String detect(String text) {
        if (text == null || text.isEmpty()) return "und";
        int n = Math.min(text.length(), SAMPLE);
        char[] chars = SCRATCH.get();
        text.getChars(0, n, chars, 0);
        return detect(chars, 0, n);
    }

    /** {@link #detect(String)} of the text {@code chars[from, to)}, read in place. */
    static String detect(char[] chars, int from, int to) {
        if (to <= from) return "und";
        Counts counts = new Counts();
        counts.count(chars, from, Math.min(to, from + SAMPLE));
        return counts.language();
    }

    /**
     * What the detector counts in a text: letters by script and function-word hits by language. Counts of texts
     * joined by a non-letter add up: a body's are the sum of its lines' ({@link TextLines}).
     */
    static final class Counts {
        private int latin, arabic, persian, sorani;
        private long tally;

        /** Counts the text {@code chars[from, to)}: one pass, letters by script and the function words as they end. */
        void count(char[] chars, int from, int to) {
            long packed = 0; // the open word's ASCII letters, five bits each
            int length = 0; // letters in the open word; 0 when none is open
            boolean mixed = false; // the open word has a non-ASCII letter: looked up the long way when it ends
            for (int i = from; i < to; i++) {
                char c = chars[i];
                if (c < 0x80) {
                    int number = LETTER_NUMBER[c];
                    if (number != 0) {
                        latin++;
                        packed = packed << 5 | number;
                        length++;
                        continue;
                    }
                } else if (Character.isLetter(c)) {
                    if (isArabic(c)) {
                        arabic++;
                        if (isPersian(c)) persian++;
                        if (isSorani(c)) sorani++;
                    } else if (c < 0x250) {
                        latin++;
                    }
                    mixed = true;
                    length++;
                    continue;
                }
                if (length != 0) {
                    tally += wordTally(chars, i, length, packed, mixed);
                    packed = 0;
                    length = 0;
                    mixed = false;
                }
            }
            tally += wordTally(chars, to, length, packed, mixed);
        }

        /** Adds the counts of line {@code k} of {@code lines} (which were counted). */
        void add(TextLines lines, int k) {
            latin += lines.latin[k];
            arabic += lines.arabic[k];
            persian += lines.persian[k];
            sorani += lines.sorani[k];
            tally += lines.tally[k];
        }

        /** The language these counts tell. */
        String language() {
            if (arabic == 0 && latin == 0) return "und";
            if (arabic >= latin) {
                if (sorani * 40 > arabic) return "ckb";
                if (persian * 20 > arabic) return "fa";
                return "ar";
            }
            int best = 0;
            for (int k = 1; k < CODES.length; k++) if (hits(tally, k) > hits(tally, best)) best = k;
            return hits(tally, best) == 0 ? "en" : CODES[best];
        }
    }

    /** Letters of the Arabic script, counted as such. */
    static boolean isArabic(char c) { return c >= 0x0600 && c <= 0x06FF || c >= 0x0750 && c <= 0x077F || c >= 0xFB50 && c <= 0xFEFF; }

    /** Letters proper to Persian. */
    static boolean isPersian(char c) { return c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' || c == 'ی' || c == 'ک'; }

    /** Letters proper to Sorani Kurdish. */
    static boolean isSorani(char c) { return c == 'ێ' || c == 'ڵ' || c == 'ڕ' || c == 'ۆ' || c == 'ە' || c == 'ڤ'; }

    /**
     * What the word of {@code length} letters ending at {@code end} adds to a tally (nothing when there is no
     * word): {@code packed} holds its ASCII letters (their numbers, 1 for a/A … 26 for z/Z, five bits each) unless it is
     * {@code mixed}, with a non-ASCII letter.
     */
    static long wordTally(char[] chars, int end, int length, long packed, boolean mixed) {
        return TALLY_OF[wordLanguages(chars, end, length, packed, mixed)];
    }

    /**
     * {@link #wordTally} of a word of ASCII letters only, {@code packed}, whatever its length, 0 for none: a packing
     * of up to 12 letters is the word's alone, a longer word keeps a letter in bits 55 to 59 (which no function word
     * reaches), and the table holds only words of SHORTEST_WORD to LONGEST_WORD letters, so a word of another length
     * (or none, 0, which finds an empty slot or another word) adds nothing.
     */
    static long asciiWordTally(long packed) { return TALLY_OF[asciiLanguages(packed)]; }

    private static int hits(long tally, int language) { return (int) (tally >>> (TALLY_BITS * language)) & ((1 << TALLY_BITS) - 1); }

    /** The languages of the word of {@code length} letters ending at {@code end} (none when there is no word). */
    private static int wordLanguages(char[] chars, int end, int length, long packed, boolean mixed) {
        if (length < SHORTEST_WORD || length > LONGEST_WORD) return 0; // 0 when there is no word: no lookup
        return mixed ? languagesOf(chars, end - length, end) : asciiLanguages(packed);
    }

    private static int asciiLanguages(long packed) {
        int slot = slot(packed);
        return ASCII_WORDS[slot] == packed ? ASCII_WORD_LANGUAGES[slot] : 0;
    }

    private static int slot(long packed) { return (int) ((packed * MULTIPLIER) >>> (64 - ASCII_TABLE_BITS)); }

    /**
     * The languages of a word with a non-ASCII letter, lower-cased char by char, which equals String lower-casing
     * here: 'İ' (two chars in lower case) and a final sigma cannot be part of a function word, whose letters are
     * all Latin (below U+0250).
     */
    private static int languagesOf(char[] chars, int s, int e) {
        int len = e - s;
        if (len > MAX_WORD) return 0;
        for (int k = 0; k < len; k++) {
            char c = chars[s + k];
            if (c == '\u0130' || Character.toLowerCase(c) >= 0x250) return 0;
        }
        char[] buffer = new char[len];
        for (int k = 0; k < len; k++) buffer[k] = Character.toLowerCase(chars[s + k]);
        Integer languages = LANGUAGES_OF_WORD.get(new String(buffer));
        return languages == null ? 0 : languages;
    }

    /** A word of ASCII letters as a number, five bits a letter in lower case; -1 when another char is in it. */
    private static long packedAscii(CharSequence word, int s, int e) {
        long key = 0;
        for (int k = s; k < e; k++) {
            int c = word.charAt(k) | 0x20;
            if (c < 'a' || c > 'z') return -1;
            key = key << 5 | (c - 'a' + 1);
        }
        return key;
    }

    private static Map<String, Integer> languagesOfWord(String... lists) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < lists.length; i++) {
            for (String w : lists[i].split(" ")) {
                if (w.length() > MAX_WORD || !w.equals(w.toLowerCase(Locale.ROOT)) || w.chars().anyMatch(c -> c >= 0x250)) {
                    throw new IllegalStateException("bad function word " + w);
                }
                out.merge(w, 1 << i, (a, b) -> a | b);
            }
        }
        return out;
    }

    /**
     * Fills the table of packed ASCII function words (0: empty slot; a packed word is never 0), each in its home slot,
     * and returns the hash multiplier that allows it: the first of a fixed sequence of odd constants that spreads
     * the words without a collision.
     */
    private static long fillAsciiTable() {
        for (long multiplier = 0x9E3779B97F4A7C15L; ; multiplier += 0x2L * 0x632BE59BD9B4E019L) {
            java.util.Arrays.fill(ASCII_WORDS, 0);
            java.util.Arrays.fill(ASCII_WORD_LANGUAGES, (byte) 0);
            boolean collision = false;
            for (Map.Entry<String, Integer> e : LANGUAGES_OF_WORD.entrySet()) {
                long packed = packedAscii(e.getKey(), 0, e.getKey().length());
                if (packed < 0) continue;
                int slot = (int) ((packed * multiplier) >>> (64 - ASCII_TABLE_BITS));
                if (ASCII_WORDS[slot] != 0) { collision = true; break; }
                ASCII_WORDS[slot] = packed;
                ASCII_WORD_LANGUAGES[slot] = (byte) (int) e.getValue();
            }
            if (!collision) return multiplier;
        }
    }
}
