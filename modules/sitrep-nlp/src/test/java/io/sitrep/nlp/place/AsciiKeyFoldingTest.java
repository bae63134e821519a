package io.sitrep.nlp.place;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.nlp.text.NameFolder;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * NameFolder.foldAsciiToken, which the resolver folds ASCII words with, must give foldToken's keys exactly, or text
 * and gazetteer would not meet; and what the resolver tells of a key without folding (TextWords.leadingConsonantBit,
 * TextWords.isArticle) must hold for every word.
 */
class AsciiKeyFoldingTest {
    /**
     * The letters NameFolder's rules turn on (vowels, y, h, the article letters, "abdul"), an apostrophe, a digit;
     * upper-case consonants too, which the resolver reads a key's first char from.
     */
    private static final String ALPHABET = "aeiouyhlbdsAEO'`1HL";

    @Test
    void every_short_word_of_the_letters_the_rules_read_folds_as_name_folder_folds_it() {
        TestWords.eachWord(ALPHABET, 0, 5, AsciiKeyFoldingTest::assertSame);
    }

    @Test
    void every_word_of_the_gazetteer_files_folds_as_name_folder_folds_it() throws IOException {
        for (String file : TestWords.GAZETTEER_FILES) {
            TextTokens words = TextTokens.of(TestWords.gazetteerFile(file));
            for (int i = 0; i < words.size(); i++) assertSame(words.textOf(i));
        }
    }

    @Test
    void special_spellings() {
        for (String w : new String[] {"Abdul", "Abdel", "ABDOL", "Abdullah", "Abdulaziz", "al", "El", "ash", "ad",
                "as", "ath", "Sheikh", "Mosulah", "Ma'an", "Sa`id", "''", "42", "Raqqah", "aah", "ayy"}) {
            assertSame(w);
        }
        assertThat(NameFolder.foldAsciiToken("Mosul".toCharArray(), 0, 5, false, new char[5], 0)).isEqualTo(5);
        assertThat(NameFolder.foldAsciiToken("Türkiye".toCharArray(), 0, 7, false, new char[7], 0)).isEqualTo(-1);
    }

    private static void assertSame(String word) {
        for (boolean hyphenated : new boolean[] {false, true}) {
            char[] out = new char[word.length() + 3];
            int end = NameFolder.foldAsciiToken(word.toCharArray(), 0, word.length(), hyphenated, out, 3);
            if (end < 0) continue; // not ASCII: NameFolder's own
            String expected = NameFolder.foldToken(word, 0, word.length(), hyphenated);
            if (!expected.equals(new String(out, 3, end - 3))) {
                assertThat(new String(out, 3, end - 3)).as(word + (hyphenated ? "-" : "")).isEqualTo(expected);
            }
            assertReadWithoutFolding(word, hyphenated, expected);
        }
    }

    private static final TextWords WORDS = new TextWords();

    /** What the resolver tells of a word's key without folding it: its first consonant, and that it is no article. */
    private static void assertReadWithoutFolding(String word, boolean hyphenated, String key) {
        if (word.isEmpty()) return;
        TextWords words = WORDS.reset(word + (hyphenated ? "-x" : ""));
        int bit = words.leadingConsonantBit(0);
        char consonant = bit == 0 ? 0 : (char) ('a' + Integer.numberOfTrailingZeros(bit));
        if (consonant != 0 && (key.isEmpty() || key.charAt(0) != consonant)) {
            assertThat(key).as(word + (hyphenated ? "-" : "") + ": starts with its consonant").startsWith(String.valueOf(consonant));
        }
        boolean article = Character.isLetter(word.charAt(0)) && key.isEmpty();
        if (article != words.isArticle(0, word.length(), hyphenated, 0)) {
            assertThat(words.isArticle(0, word.length(), hyphenated, 0)).as(word + (hyphenated ? "-" : "") + ": article").isEqualTo(article);
        }
    }

}
