package io.sitrep.nlp.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTest {
    private static final Lexicon LEXICON = Lexicon.builder()
            .add("deploy*", 1).add("deployment", 2).add("deployments", 3)
            .add("reinforcement*", 4).add("counterterrorism", 5).add("air strike*", 6)
            .add("attack", 7).add("attack*", 8).add("café", 9).add("no sign of", 10).add("قصف*", 11)
            .build();

    /** "entry@first-last" per hit, in hit order. */
    private static List<String> hits(String text) {
        Tokens t = new Tokens(4);
        t.read(text, LEXICON);
        Lexicon.Hits h = new Lexicon.Hits();
        LEXICON.match(t, h);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < h.size; i++) out.add(h.entry[i] + "@" + h.start[i] + "-" + h.end[i]);
        return out;
    }

    @Test
    void exactWordsCarryTheirPrefixesShortestFirst() {
        assertThat(hits("Deployment")).containsExactly("1@0-1", "2@0-1");
        assertThat(hits("deployments deployed")).containsExactly("1@0-1", "3@0-1", "1@1-2");
        assertThat(hits("attack attacks")).containsExactly("8@0-1", "7@0-1", "8@1-2");
    }

    @Test
    void longWordsAndLongPrefixesMatchLikeShortOnes() {
        assertThat(hits("COUNTERTERRORISM reinforcements reinforcement")).containsExactly("5@0-1", "4@1-2", "4@2-3");
        assertThat(hits("counterterrorisms reinforcemen")).isEmpty();
    }

    @Test
    void possessivesFoldingAndPhrases() {
        assertThat(hits("the army’s deployment's")).containsExactly("1@2-3", "2@2-3");
        assertThat(hits("CAFÉ cafe")).containsExactly("9@0-1", "9@1-2"); // phrases are folded too
        assertThat(hits("قصفت قص")).containsExactly("11@0-1");
        assertThat(hits("Air strikes hit; no sign of air")).containsExactly("6@0-2", "10@4-7");
        assertThat(hits("no sign, of air")).isEmpty();
    }

    @Test
    void sentencesAreSplitInTheSamePass() {
        Tokens t = new Tokens(4);
        t.read("Gen. Ahmed met U.S. officials at 3.5 km. Then he left.\nNext", LEXICON);
        List<String> spans = new ArrayList<>();
        for (int k = 0; k < t.sentences.count(); k++) spans.add(t.text.substring(t.sentences.start(k), t.sentences.end(k)));
        assertThat(spans).containsExactly("Gen. Ahmed met U.S. officials at 3.5 km.", "Then he left.", "Next");
    }
}
