package io.sitrep.nlp.place;

import io.sitrep.nlp.text.NameFolder;
import java.util.Arrays;

/**
 * The words of a text with their offsets and what separates them, and each word's {@link NameFolder} key, folded
 * on first use only (most words of an article are never looked up). Separators are NameFolder's, so a name in
 * the gazetteer and the same name in a text split into the same words. A possessive "'s" is not part of a word.
 *
 * <p>Used to index names while the gazetteer is built; {@link PlaceResolver#find} reads texts with {@link
 * TextWords}, which finds the same words on demand. Keys are char ranges of one buffer, not Strings. Not
 * thread-safe.
 */
final class TextTokens {
    private static final byte[] CHAR_CLASS = TextWords.CHAR_CLASS;
    private static final byte WORD = TextWords.WORD;
    private static final byte LETTER = TextWords.LETTER;

    /** Characters read per step of the split, between two checks that the bounds array has room. */
    private static final int SPLIT_STEP = 1024;

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

    String textOf(int token) { return new String(chars, start(token), end(token) - start(token)); }

    /** Joined to the next word by a single hyphen, which makes "as-" in "as-Sabah" an article. */
    boolean hyphenToNext(int token) {
        return token + 1 < size && start(token + 1) - end(token) == 1 && NameFolder.isHyphen(chars[end(token)]);
    }

    /** The first letter of the word is upper case (a leading apostrophe or quote is skipped). */
    boolean capitalised(int token) {
        return TextWords.isUpperCase(firstLetter(token));
    }

    boolean arabic(int token) {
        return TextWords.isArabic(firstLetter(token));
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
}
