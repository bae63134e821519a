package io.sitrep.nlp.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.nlp.AnalysisJson;
import io.sitrep.nlp.ArticleAnalyzer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The {@code analyze} line contract of issue 2. */
class AnalysisJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ArticleAnalyzer analyzer = ArticleAnalyzer.standard();

    private static JsonNode analyze(String line) throws Exception {
        return JSON.readTree(AnalysisJson.analyzeLine(analyzer, line));
    }

    @Test
    void anArticleLineGivesTheContractFields() throws Exception {
        JsonNode out = analyze("{\"id\":\"a1\",\"title\":\"Transfer\",\"publishedAt\":\"2026-01-21T21:57:28+00:00\","
                + "\"body\":\"US Central Command announced the start of transferring thousands of ISIS detainees from northeastern Syria to Iraq. "
                + "There have been no infiltrations or clashes along the border.\"}");
        assertThat(out.get("id").asText()).isEqualTo("a1");
        assertThat(out.get("segments").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(out.get("entities").isArray()).isTrue();
        assertThat(out.get("places").isArray()).isTrue();
        assertThat(out.get("alerts")).extracting(JsonNode::asText).containsExactly("DETAINEE_TRANSFER");
        JsonNode transfer = null;
        for (JsonNode e : out.get("events")) if (e.get("type").asText().equals("DETAINEE_TRANSFER")) transfer = e;
        assertThat(transfer).isNotNull();
        assertThat(transfer.get("status").asText()).isEqualTo("asserted");
        assertThat(transfer.get("confidence").isNumber()).isTrue();
        assertThat(transfer.has("place")).isTrue();
        assertThat(transfer.get("actors").isArray()).isTrue();
        assertThat(transfer.get("evidence").asText()).contains("transferring thousands of ISIS detainees");
        assertThat(transfer.get("severity").asText()).isEqualTo("HIGH");
        assertThat(transfer.get("quantities").get("transferred").asLong()).isEqualTo(1000);
        for (JsonNode e : out.get("events")) {
            assertThat(e.get("status").asText()).isIn("asserted", "planned", "hypothetical", "negated", "historical");
            if (e.get("type").asText().equals("ARMED_CLASH")) assertThat(e.get("status").asText()).isEqualTo("negated");
        }
        for (JsonNode p : out.get("places")) assertThat(p.has("lat") && p.has("lon") && p.has("admin1") && p.has("country")).isTrue();
    }

    @Test
    void malformedLinesGiveAnErrorLineWithTheIdWhenKnown() throws Exception {
        assertThat(analyze("not json").get("error").asText()).startsWith("not JSON");
        assertThat(analyze("not json").get("id").isNull()).isTrue();
        assertThat(analyze("[1,2]").get("error").asText()).isEqualTo("not a JSON object");
        assertThat(analyze("{\"title\":\"x\",\"body\":\"y\"}").get("error").asText()).contains("id");
        JsonNode noBody = analyze("{\"id\":\"b2\",\"title\":\"x\"}");
        assertThat(noBody.get("id").asText()).isEqualTo("b2");
        assertThat(noBody.get("error").asText()).contains("body");
        assertThat(analyze("{\"id\":\"b3\",\"body\":\"x\",\"publishedAt\":\"yesterday\"}").get("error").asText()).contains("publishedAt");
        assertThat(analyze("").get("error").asText()).isEqualTo("empty line");
    }

    @Test
    void parseLineReadsOptionalFieldsAndDateForms() {
        AnalysisJson.ParsedLine p = AnalysisJson.parseLine(
                "{\"id\":7,\"body\":\"text\",\"publishedAt\":\"2026-01-20\",\"source\":\"Shafaq News\",\"url\":\"https://x/y\"}");
        assertThat(p.ok()).isTrue();
        assertThat(p.article().id()).isEqualTo("7");
        assertThat(p.article().title()).isNull();
        assertThat(p.article().publishedAt()).isEqualTo(Instant.parse("2026-01-20T00:00:00Z"));
        assertThat(p.article().source()).isEqualTo("Shafaq News");
        assertThat(p.article().url()).isEqualTo("https://x/y");
    }

    @Test
    void errorEscapesItsText() throws Exception {
        JsonNode e = JSON.readTree(AnalysisJson.error("q\"1", "bad \"quote\"\n"));
        assertThat(e.get("id").asText()).isEqualTo("q\"1");
        assertThat(e.get("error").asText()).isEqualTo("bad \"quote\"\n");
    }
}
