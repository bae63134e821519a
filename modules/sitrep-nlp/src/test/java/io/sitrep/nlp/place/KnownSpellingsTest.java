package io.sitrep.nlp.place;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.nlp.text.NameFolder;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A known spelling stands for folding a word and walking its key from the trie's root: what it holds must be what
 * folding and walking give, for every case of the word and with or without a hyphen after it.
 */
class KnownSpellingsTest {
    private static final Gazetteer GAZETTEER = Gazetteer.build(Gazetteer.Sources.standard(), Governorates.standard());

    @Test
    void a_known_spelling_holds_the_key_and_node_folding_and_walking_give() throws IOException {
        KnownSpellings known = GAZETTEER.knownSpellings();
        int found = 0;
        for (String file : TestWords.GAZETTEER_FILES) {
            TextTokens words = TextTokens.of(TestWords.gazetteerFile(file) + " the Syria's al as an El-x IRAQ Mosul'");
            for (int i = 0; i < words.size(); i++) {
                String word = words.textOf(i);
                for (String spelling : new String[] {word, word.toLowerCase(Locale.ROOT), word.toUpperCase(Locale.ROOT)}) {
                    if (assertKnownAsFolded(known, spelling)) found++;
                }
            }
        }
        assertThat(found).isGreaterThan(1000);
    }

    @Test
    void a_common_word_is_known_as_folded_and_only_a_or_e_words_fold_to_nothing() {
        KnownSpellings known = GAZETTEER.knownSpellings();
        int found = 0;
        for (String word : CommonWords.WORDS) {
            String capitalised = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            // words whose key depends on a hyphen after them ("an-") are left to the folder
            for (String spelling : new String[] {word, capitalised, word.toUpperCase(Locale.ROOT)}) {
                if (assertKnownAsFolded(known, spelling)) found++;
            }
            // a known word with no key is an article: the resolver tells ASCII articles by a leading a or e
            int id = known.find(KnownSpellings.pack(word.toCharArray(), 0, word.length()));
            if (id != KnownSpellings.UNKNOWN && known.keyStart(id) == known.keyEnd(id)) {
                assertThat(word.charAt(0)).as(word).isIn('a', 'e');
            }
        }
        assertThat(found).isGreaterThan(3 * CommonWords.WORDS.size() * 9 / 10);
    }

    private static boolean assertKnownAsFolded(KnownSpellings known, String word) {
        int id = known.find(KnownSpellings.pack(word.toCharArray(), 0, word.length()));
        if (id == KnownSpellings.UNKNOWN) return false;
        String key = new String(known.keyChars(), known.keyStart(id), known.keyEnd(id) - known.keyStart(id));
        for (boolean hyphenated : new boolean[] {false, true}) {
            assertThat(key).as(word).isEqualTo(NameFolder.foldToken(word, 0, word.length(), hyphenated));
        }
        if (!key.isEmpty()) {
            assertThat(known.rootNode(id)).as(word).isEqualTo(GAZETTEER.names().walk(NameTrie.ROOT, key));
            assertThat(known.keyHash(id)).as(word).isEqualTo(NameTrie.hashOf(key.toCharArray(), 0, key.length()));
        }
        assertThat(known.englishWord(id)).as(word).isEqualTo(GAZETTEER.isEnglishWord(word.toLowerCase(Locale.ROOT)));
        return true;
    }

    @Test
    void the_letters_a_text_word_packs_to_are_its_own_without_a_possessive() {
        String text = "Iraq's IRAQ iraq Qamishli al-Hol Ma'an x1 Deir ez-Zor abcdefghijkl abcdefghijklm Türkiye s's";
        TextWords words = new TextWords().reset(text);
        for (int start = 0; start < text.length(); start = words.next(words.end(start))) {
            int end = words.end(start);
            long expected = KnownSpellings.pack(text.toCharArray(), start, end);
            assertThat(words.packed(start, end)).as(text.substring(start, end)).isEqualTo(expected);
        }
        assertThat(KnownSpellings.pack("Iraq".toCharArray(), 0, 4)).isEqualTo(KnownSpellings.pack("iRAQ".toCharArray(), 0, 4));
        assertThat(KnownSpellings.pack("abcdefghijklm".toCharArray(), 0, 13)).isEqualTo(KnownSpellings.NOT_PACKED);
        assertThat(KnownSpellings.pack("Ma'an".toCharArray(), 0, 5)).isEqualTo(KnownSpellings.NOT_PACKED);
    }

}
