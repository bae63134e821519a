package io.sitrep.nlp.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scan's lines and their language counts: a body of whole lines gets the language the detector reads in it. */
class TextSanitizerScanTest {
    private static final List<String> TEXTS = List.of(
            "Iraq: Syria border fully fortified\n\nShafaq News– Baghdad\nThe army said that the border is secure, as it was.",
            "Le ministre a dit que la frontière est sûre\net que les forces sont dans la région pour une mission.",
            "Bakanlık bu konuda bir açıklama yaptı ve çok daha fazla\nasker için ile de olarak gönderildi",
            "Der Minister sagte, dass die Grenze nicht sicher ist\nund die Armee ist auch in der Region mit den Truppen.",
            "El ministro dijo que la frontera está segura\ny que los soldados fueron para la región con sus armas.",
            "قال مسؤول عراقي إن الحدود مؤمنة\nبەڕێوەبەری گشتی ڕایگەیاند\nگفت که پیکارگران چگونه",
            "Mixed ÉTÉ the l'été für İstanbul Σίσυφος\n\n\n  two  spaces  here \nthe end",
            "Grundstücksverkehrsgenehmigungszuständigkeit für étéund éthe über die\nbrève für",
            "");

    @Test
    void lineCountsAddUpToWhatTheDetectorReadsInTheJoinedLines() {
        List<String> texts = new ArrayList<>(TEXTS);
        Random random = new Random(7);
        String alphabet = "the of and de la ve için ist el que pour  \n\n.,’“çéاپ";
        for (int t = 0; t < 200; t++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(300); i > 0; i--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            texts.add(b.toString());
        }
        for (String text : texts) {
            char[] chars = text.toCharArray();
            TextLines lines = new TextLines(1);
            long scan = TextSanitizer.scan(chars, chars.length, lines);
            assertThat((int) scan).as(text).isNotEqualTo(TextSanitizer.REWRITE);
            assertThat((scan & TextSanitizer.DOUBLE_SPACE) != 0).as(text).isEqualTo(text.contains("  "));
            assertThat(lines.counted).isTrue();
            LanguageDetector.Counts counts = new LanguageDetector.Counts();
            List<String> joined = new ArrayList<>();
            for (int k = 0; k < lines.size; k++) {
                counts.add(lines, k);
                joined.add(text.substring(lines.start[k], lines.end[k]));
            }
            assertThat(joined).as(text).isEqualTo(text.lines().filter(l -> !l.isEmpty()).toList());
            assertThat(counts.language()).as(text).isEqualTo(LanguageDetector.detect(String.join("\n", joined)));
        }
    }

    @Test
    void aTextToChangeIsLeftToTheRewrite() {
        char[] chars = "a\tb\r\nc".toCharArray();
        TextLines lines = new TextLines(4);
        assertThat((int) TextSanitizer.scan(chars, chars.length, lines)).isEqualTo(TextSanitizer.REWRITE);
        assertThat(lines.counted).isFalse();
        for (String text : List.of("été\u00A0über", "zero\u200Bwidth", "bad \uFFFD", "lone \uD800 surrogate")) {
            char[] other = text.toCharArray();
            assertThat((int) TextSanitizer.scan(other, other.length, lines)).as(text).isEqualTo(TextSanitizer.REWRITE);
            assertThat(lines.counted).isFalse();
        }
    }
}
