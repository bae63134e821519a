package io.sitrep.nlp.place;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** Words the place tests run their equivalence checks over: every short word of an alphabet, the gazetteer's files. */
final class TestWords {
    /** The data files under geo/ that gazetteer names and words are read from. */
    static final List<String> GAZETTEER_FILES = List.of("geonames_cities500_IQ_SY.tsv", "supplement.tsv",
            "aliases.tsv", "stop-names.txt", "english-words.txt", "demonyms.tsv");

    private TestWords() {}

    /** Every word of minLength to maxLength chars of the alphabet. */
    static void eachWord(String alphabet, int minLength, int maxLength, Consumer<String> check) {
        char[] word = new char[maxLength];
        for (int length = minLength; length <= maxLength; length++) each(alphabet, word, 0, length, check);
    }

    private static void each(String alphabet, char[] word, int at, int length, Consumer<String> check) {
        if (at == length) {
            check.accept(new String(word, 0, length));
            return;
        }
        for (int k = 0; k < alphabet.length(); k++) {
            word[at] = alphabet.charAt(k);
            each(alphabet, word, at + 1, length, check);
        }
    }

    /** The text of gazetteer data file {@code name}. */
    static String gazetteerFile(String name) throws IOException {
        try (InputStream in = TestWords.class.getClassLoader().getResourceAsStream("geo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
