package io.sitrep.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {
    private static List<String> split(String text) {
        return Sentences.split(text).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void splitsOnTerminalsFollowedByASentenceStart() {
        assertThat(split("Clashes erupted. Two died! Was it ISIS? Nobody knows."))
                .containsExactly("Clashes erupted.", "Two died!", "Was it ISIS?", "Nobody knows.");
    }

    @Test
    void keepsAbbreviationsInitialsAndNumbersInside() {
        assertThat(split("Gen. Ahmed met U.S. officials at 3.5 km from the base. Then he left."))
                .containsExactly("Gen. Ahmed met U.S. officials at 3.5 km from the base.", "Then he left.");
        assertThat(split("Mr. A. Hussein spoke on Jan. 5 in Baghdad.")).containsExactly("Mr. A. Hussein spoke on Jan. 5 in Baghdad.");
    }

    @Test
    void anAbbreviationCanStillEndASentence() {
        assertThat(split("The strike was ordered by the U.S. The army said so."))
                .containsExactly("The strike was ordered by the U.S.", "The army said so.");
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertThat(split("He said: “There were no clashes.” The army agreed."))
                .containsExactly("He said: “There were no clashes.”", "The army agreed.");
    }

    @Test
    void newlinesAlwaysEndASentence() {
        assertThat(split("Headline without a dot\nBody starts here. And goes on\n\n  \nlast line"))
                .containsExactly("Headline without a dot", "Body starts here.", "And goes on", "last line");
    }

    @Test
    void spansAreTrimmedAndIndexTheText() {
        String text = "  One.   Two.  ";
        assertThat(Sentences.split(text)).containsExactly(new Sentences.Span(2, 6), new Sentences.Span(9, 13));
        assertThat(Sentences.split("")).isEmpty();
        assertThat(Sentences.split((String) null)).isEmpty();
        assertThat(Sentences.split("   \n ")).isEmpty();
    }

    @Test
    void arabicQuestionMarkEndsASentence() {
        assertThat(split("هل انتهى القتال؟ لا")).containsExactly("هل انتهى القتال؟", "لا");
    }
}
