package io.sitrep.nlp.place;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.nlp.text.NameFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A word's consonant skeleton must be its key's, or the resolver would skip a word that starts a name: for every
 * short word of the letters NameFolder's rules read, for every word of the gazetteer files and of a news text.
 */
class ConsonantSkeletonsTest {
    private static final String ALPHABET = "aeiouyhlbdsAEOHLY";
    private static final Gazetteer GAZETTEER = Gazetteer.build(Gazetteer.Sources.standard(), Governorates.standard());

    @Test
    void every_short_word_of_the_letters_the_rules_read_has_its_keys_skeleton() {
        TestWords.eachWord(ALPHABET, 1, 5, ConsonantSkeletonsTest::assertSameSkeleton);
    }

    @Test
    void every_word_of_the_gazetteer_files_and_of_a_text_has_its_keys_skeleton_and_is_ruled_out_only_when_no_name_starts_so()
            throws IOException {
        StringBuilder all = new StringBuilder(Files.readString(
                Path.of(System.getProperty("sitrep.root"), "data", "seed-stream", "pages", "004_bbed36517e631438.txt")));
        for (String file : TestWords.GAZETTEER_FILES) {
            all.append('\n').append(TestWords.gazetteerFile(file));
        }
        TextTokens words = TextTokens.of(all + " Abdul ABDULLAH Mosulah Hassan Isis Security Wednesday International");
        int ruledOut = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.textOf(i);
            assertSameSkeleton(word);
            if (!GAZETTEER.skeletons().mayStartName(word.toCharArray(), 0, word.length())) {
                ruledOut++;
                String key = NameFolder.foldToken(word, 0, word.length(), false);
                if (!key.isEmpty()) assertThat(GAZETTEER.names().walk(NameTrie.ROOT, key)).as(word).isEqualTo(NameTrie.NONE);
            }
        }
        assertThat(ruledOut).isGreaterThan(100);
    }

    private static void assertSameSkeleton(String word) {
        long skeleton = ConsonantSkeletons.of(word.toCharArray(), 0, word.length());
        if (skeleton == ConsonantSkeletons.UNKNOWN) return;
        for (boolean hyphenated : new boolean[] {false, true}) {
            String key = NameFolder.foldToken(word, 0, word.length(), hyphenated);
            if (key.isEmpty()) continue; // an article
            assertThat(ConsonantSkeletons.of(key.toCharArray(), 0, key.length())).as(word).isEqualTo(skeleton);
        }
    }

}
