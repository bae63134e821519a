package io.sitrep.nlp.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.nlp.text.NameTokens;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A word's label, found from its packed spelling or its skeleton, must be the label of its folded key. */
class WordLabelTest {
    private final EntityDictionary dictionary = EntityDictionary.standard();

    @Test
    void labelsFromSpellingsAndSkeletonsEqualThoseOfTheFoldedKeys() {
        Random random = new Random(5);
        String letters = "aeiouyhbdlmnrstkqAEIOUHBDLMNRSTKQ0'";
        for (int n = 0; n < 50000; n++) {
            char[] word = new char[1 + random.nextInt(n % 2 == 0 ? 3 : 14)];
            for (int k = 0; k < word.length; k++) word[k] = letters.charAt(random.nextInt(letters.length()));
            assertSameLabels(new String(word));
        }
    }

    @Test
    void dictionaryWordsAndTheirVariantsGetTheirLabels() {
        for (String text : new String[] {"Popular Mobilization Forces", "the And IN He as an Al-Khafaji", "Mohammed Mohammad",
                "Tahseen Tahsin al-Khafaji", "Security Media Cell", "Abd al-Mahdi Abdul Mahdi", "Türkiye Turkiye",
                "ISIS Iraq’s Syrian International Internationally", "Ayn Ain Deir ez-Zor"}) {
            assertSameLabels(text);
        }
    }

    private void assertSameLabels(String text) {
        NameTokens words = NameTokens.of(text);
        for (int i = 0; i < words.size(); i++) {
            int expected = words.keyIsEmpty(i) ? EntityDictionary.EMPTY : dictionary.labelOf(words.key(i));
            assertThat(dictionary.label(NameTokens.of(text), i)).as(text + " word " + i).isEqualTo(expected);
        }
    }
}
