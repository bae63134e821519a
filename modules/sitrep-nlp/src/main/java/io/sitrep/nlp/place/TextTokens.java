package io.sitrep.nlp.place;

import io.sitrep.nlp.text.NameFolder;
import java.util.Arrays;

/**
 * The words of a text with their offsets and what separates them, and each word's {@link NameFolder} key, folded
 * on first use only (most words of an article are never looked up). Separators are NameFolder's, so a name in
 * the gazetteer and the same name in a text split into the same words. A possessive "'s" is not part of a word.
 *
 * <p>An instance is reusable: {@link #reset} reads another text into the same arrays, so a resolver keeps one per
 * thread and a call allocates nothing here. Keys are char ranges of one buffer, not Strings. Not thread-safe.
 */
final class TextTokens {
    private static final byte[] CHAR_CLASS = TextWords.CHAR_CLASS;
    private static final byte WORD = TextWords.WORD;
    private static final byte LETTER = TextWords.LETTER;
    private static final byte UPPER_CASE = TextWords.UPPER_CASE;

    /** Characters read per step of the split, between two checks that the bounds array has room. */
    private static final int SPLIT_STEP = 1024;
    /** Buffers larger than this (a text of some 64 K chars) are dropped after use rather than kept per thread. */
    private static final int KEPT_CAPACITY = 1 << 16;

    private CharSequence text;
    /** The text's characters: every test below reads them without an interface call. */
    private char[] chars = new char[0];
    private int length;
    private int size;
    /** Word k is [bounds[2k], bounds[2k + 1]). */
    private int[] bounds = new int[0];
    /** Where word k's key lies in {@link #keyChars}; keyLength -1 until folded. */
    private int[] keyStart = new int[0];
    private int[] keyLength = new int[0];
    private char[] keyChars = new char[0];
    private int keyCharsUsed;

    static TextTokens of(CharSequence text) {
        return new TextTokens().reset(text);
    }

    /** Reads {@code text} into this instance, forgetting the previous one. */
    TextTokens reset(CharSequence text) {
        this.text = text;
        length = text.length();
        if (chars.length < length) chars = new char[length];
        if (text instanceof String s) s.getChars(0, length, chars, 0);
        else for (int k = 0; k < length; k++) chars[k] = text.charAt(k);
        split();
        if (keyLength.length < size) {
            keyStart = new int[bounds.length / 2];
            keyLength = new int[bounds.length / 2];
        }
        Arrays.fill(keyLength, 0, size, -1);
        if (keyChars.length < length) keyChars = new char[length];
        keyCharsUsed = 0;
        return this;
    }

    /** Lets go of the text, and of buffers too large to keep for the next one. */
    void release() {
        text = null;
        if (chars.length > KEPT_CAPACITY) {
            chars = new char[0];
            keyChars = new char[0];
        }
        if (bounds.length > KEPT_CAPACITY) {
            bounds = new int[0];
            keyStart = new int[0];
            keyLength = new int[0];
        }
        size = 0;
    }

    /**
     * Word boundaries only; everything else about a word is read from the text when asked. Branch-free: each
     * char's position is written, and kept (the write position advanced) only where word and separator change.
     */
    private void split() {
        char[] chars = this.chars;
        byte[] classes = CHAR_CLASS;
        int n = length;
        int found = 0;
        int inWord = 0;
        int i = 0;
        while (i < n) {
            int stop = Math.min(n, i + SPLIT_STEP);
            if (bounds.length < found + (stop - i) + 2) bounds = Arrays.copyOf(bounds, Math.max(bounds.length * 2, found + SPLIT_STEP + 2));
            int[] b = bounds;
            for (; i < stop; i++) {
                int word = classes[chars[i]] & WORD;
                b[found] = i;
                found += word ^ inWord;
                inWord = word;
            }
        }
        if (inWord != 0) bounds[found++] = n;
        size = found / 2;
        for (int k = 0; k < size; k++) bounds[2 * k + 1] = withoutPossessive(bounds[2 * k], bounds[2 * k + 1]);
    }

    /** "Raqqa's" is the word "Raqqa"; a lone trailing apostrophe stays (the folder drops it). */
    private int withoutPossessive(int start, int end) {
        if (end - start > 2) {
            char s = chars[end - 1];
            char apostrophe = chars[end - 2];
            if ((s == 's' || s == 'S') && (apostrophe == '\'' || apostrophe == '\u2019')) return end - 2;
        }
        return end;
    }

    int size() { return size; }

    int start(int token) { return bounds[2 * token]; }

    int end(int token) { return bounds[2 * token + 1]; }

    /** The text's characters; [0, text length) is valid. */
    char[] chars() { return chars; }

    /** Whether the word is spelt exactly {@code word}, without allocating. */
    boolean is(int token, String word) {
        int start = start(token);
        if (end(token) - start != word.length()) return false;
        for (int k = 0; k < word.length(); k++) if (chars[start + k] != word.charAt(k)) return false;
        return true;
    }

    /** The word's first character (a word is never empty). */
    char firstChar(int token) { return chars[start(token)]; }

    String textOf(int token) { return new String(chars, start(token), end(token) - start(token)); }

    /** Two words are joined (may belong to one name) when only spaces or a single hyphen lie between them. */
    boolean joinedToNext(int token) {
        if (token + 1 >= size) return false;
        int from = end(token);
        int to = start(token + 1);
        if (to - from == 1) {
            char c = chars[from];
            return c == ' ' || NameFolder.isHyphen(c);
        }
        for (int k = from; k < to; k++) {
            char c = chars[k];
            if (c != ' ' && c != '\u00A0') return false;
        }
        return true;
    }

    /** Joined to the next word by a single hyphen, which makes "as-" in "as-Sabah" an article. */
    boolean hyphenToNext(int token) {
        return token + 1 < size && start(token + 1) - end(token) == 1 && NameFolder.isHyphen(chars[end(token)]);
    }

    /** The first word of the text or of a sentence (after . ! ? : ; or a line break). */
    boolean sentenceStart(int token) {
        if (token == 0) return true;
        for (int k = end(token - 1); k < start(token); k++) {
            char c = chars[k];
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ':' || c == ';' || c == '\u061F') {
                return true;
            }
        }
        return false;
    }

    /** The first letter of the word is upper case (a leading apostrophe or quote is skipped). */
    boolean capitalised(int token) {
        return isUpperCase(firstLetter(token));
    }

    boolean arabic(int token) {
        return isArabic(firstLetter(token));
    }

    static boolean isUpperCase(char letter) {
        return TextWords.isUpperCase(letter);
    }

    static boolean isArabic(char letter) {
        return letter >= '\u0600' && letter <= '\u06FF';
    }

    /** The word's first letter (a leading apostrophe, quote or digit is skipped), 0 when it has none. */
    char firstLetter(int token) {
        for (int k = start(token), e = end(token); k < e; k++) {
            char c = chars[k];
            if ((CHAR_CLASS[c] & LETTER) != 0) return c;
        }
        return 0;
    }

    /** An Arabic article written as a word of its own ("al", "Al-", "ash-"): letters that fold to nothing. */
    boolean isArticle(int token) {
        return Character.isLetter(chars[start(token)]) && keyLength(token) == 0;
    }

    /**
     * The length of the word's folded key (NameFolder.foldToken), folding it on first use; 0 for an article ("al",
     * "el", hyphenated "ash-", …) and for marks. The key is {@link #keyChars} from {@link #keyStart}.
     */
    int keyLength(int token) {
        int n = keyLength[token];
        if (n < 0) n = fold(token);
        return n;
    }

    /** Where the word's key starts in {@link #keyChars}; valid once {@link #keyLength} was asked. */
    int keyStart(int token) { return keyStart[token]; }

    char[] keyChars() { return keyChars; }

    private int fold(int token) {
        int start = start(token);
        int end = end(token);
        boolean hyphenated = hyphenToNext(token);
        ensureKeyRoom(end - start);
        int to = NameFolder.foldAsciiToken(chars, start, end, hyphenated, keyChars, keyCharsUsed);
        if (to < 0) { // not ASCII: the folder itself
            String key = NameFolder.foldToken(text, start, end, hyphenated);
            ensureKeyRoom(key.length());
            key.getChars(0, key.length(), keyChars, keyCharsUsed);
            to = keyCharsUsed + key.length();
        }
        keyStart[token] = keyCharsUsed;
        keyLength[token] = to - keyCharsUsed;
        keyCharsUsed = to;
        return keyLength[token];
    }

    private void ensureKeyRoom(int extra) {
        if (keyCharsUsed + extra > keyChars.length) {
            keyChars = Arrays.copyOf(keyChars, Math.max(keyChars.length * 2, keyCharsUsed + extra));
        }
    }

    /** The folded key as a String (loading and lookups, not the hot path). */
    String key(int token) {
        int n = keyLength(token);
        return new String(keyChars, keyStart[token], n);
    }

    /**
     * The key of an Arabic word without its one-letter proclitic before the article (وال، بال، فال، كال، لل),
     * so "بالموصل" (in Mosul) meets "الموصل"; null when the word has none.
     */
    String keyWithoutProclitic(int token) {
        int s = start(token);
        if (!arabic(token) || end(token) - s < 5) return null;
        char first = chars[s];
        char second = chars[s + 1];
        char third = chars[s + 2];
        if (first == '\u0644' && second == '\u0644') {
            return NameFolder.foldToken(text, s + 2, end(token), false); // لل: li- + the article without its alef
        }
        boolean proclitic = first == '\u0648' || first == '\u0628' || first == '\u0641' || first == '\u0643';
        if (proclitic && second == '\u0627' && third == '\u0644') {
            return NameFolder.foldToken(text, s + 1, end(token), false); // the folder drops the glued article
        }
        return null;
    }
}
