package io.sitrep.nlp.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.nlp.Analysis;
import io.sitrep.nlp.AnalysisJson;
import io.sitrep.nlp.ArticleAnalyzer;
import io.sitrep.nlp.ArticleText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input gives a clean result, never an exception out of {@link ArticleAnalyzer#analyze}. */
class ArticleAnalyzerRobustnessTest {
    private static final ArticleAnalyzer analyzer = ArticleAnalyzer.standard();
    private static final String SENTENCE = "Two militants were killed near the border in Anbar on Monday, officials said. ";

    private static Analysis analyze(String body) {
        Analysis a = analyzer.analyze(new ArticleText("x", "t", body, Instant.parse("2025-03-20T00:00:00Z"), null, null));
        assertThat(AnalysisJson.toJson(a)).startsWith("{\"id\":\"x\"");
        return a;
    }

    @Test
    void emptyAndMissingBodies() {
        assertThat(analyze("").segments()).allSatisfy(s -> assertThat(s.events()).isEmpty());
        assertThat(analyze(null).segments()).allSatisfy(s -> assertThat(s.events()).isEmpty());
        assertThat(analyzer.analyze(null).segments()).isEmpty();
        assertThat(analyzer.analyze(new ArticleText(null, null, null, null, null, null))).isNotNull();
    }

    @Test
    void fiveMegabytesOfText() {
        Analysis a = analyze(SENTENCE.repeat(5 * 1024 * 1024 / SENTENCE.length()));
        assertThat(a.segments()).isNotEmpty();
    }

    @Test
    void binaryGarbage() {
        byte[] bytes = new byte[64 * 1024];
        new Random(42).nextBytes(bytes);
        analyze(new String(bytes, StandardCharsets.ISO_8859_1));
        analyze(new String(bytes, StandardCharsets.UTF_8));
        analyze("\u0000\uFFFF\uD800 lone surrogate \uDC00 and killed militants \u0000");
    }

    @Test
    void brokenHtml() {
        analyze("<html><body><div><p>Clashes erupted near <b>Raqqa<p><script>var x='<p>';</script><<<>>>&amp;&#xZZ;"
                + "<a href=\"x>two militants were killed</div></span></html");
        analyze("<".repeat(100_000));
    }

    @Test
    void mixedScripts() {
        Analysis a = analyze("قُتل اثنان من المسلحين في الأنبار. Two militants were killed in Anbar. Türkiye и Сирия. 两名武装分子被打死。 😀 1,000,000,000,000,000,000,000 militants killed.");
        assertThat(a.segments()).isNotEmpty();
    }
}
