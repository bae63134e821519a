package io.sitrep.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.nlp.EventStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevCorpusTest {

    private static String line(String id, String alerts, String events) {
        return "{\"id\":\"" + id + "\",\"text\":\"Some text.\",\"publishedAt\":\"2025-03-20T09:00:00Z\",\"alerts\":["
                + alerts + "],\"events\":[" + events + "]}";
    }

    @Test
    void parsesTextsWithTheirLabelsAndLines() {
        DevCorpus corpus = DevCorpus.parse("tiny", List.of(
                "{\"id\":\"a\",\"title\":\"T\",\"text\":\"Drones struck.\",\"publishedAt\":\"2025-03-20T09:00:00Z\","
                        + "\"alerts\":[\"ATTACK\"],\"events\":[{\"type\":\"ATTACK\",\"status\":\"asserted\"}],\"note\":\"n\"}",
                "",
                line("b", "\"FORCE_DEPLOYMENT\"", "{\"type\":\"FORCE_DEPLOYMENT\",\"status\":\"planned\"},{\"type\":\"ATTACK\",\"status\":\"hypothetical\"}")));

        assertThat(corpus.texts()).hasSize(2);
        LabelledText a = corpus.texts().get(0);
        assertThat(a.title()).isEqualTo("T");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-20T09:00:00Z"));
        assertThat(a.toArticle().body()).isEqualTo("Drones struck.");
        assertThat(a.note()).isEqualTo("n");
        LabelledText b = corpus.texts().get(1);
        assertThat(b.line()).isEqualTo(3);
        assertThat(b.events()).containsExactly(new GoldEvent("FORCE_DEPLOYMENT", EventStatus.PLANNED),
                new GoldEvent("ATTACK", EventStatus.HYPOTHETICAL));
        assertThat(corpus.alertCounts()).containsEntry("ATTACK", 1).containsEntry("FORCE_DEPLOYMENT", 1)
                .containsEntry("PRISON_BREAK", 0);
        assertThat(corpus.nonAlertingCount()).isZero();
    }

    @Test
    void namesTheLineOfEachBrokenText() {
        assertThatThrownBy(() -> DevCorpus.parse("tiny", List.of(
                line("a", "", ""),
                "{\"id\": \"b\", \"text\": ",
                line("a", "", ""),
                line("c", "\"ATACK\"", ""),
                line("d", "", "{\"type\":\"ATTACK\",\"status\":\"rumoured\"}"))))
                .isInstanceOf(DevCorpusException.class)
                .hasMessageContaining("4 error(s)")
                .hasMessageContaining("tiny:2: not valid JSON")
                .hasMessageContaining("tiny:3: duplicate id 'a' (first on line 1)")
                .hasMessageContaining("tiny:4: unknown type 'ATACK'")
                .hasMessageContaining("tiny:5: unknown status 'rumoured'");
    }

    @Test
    void rejectsAlertsThatDisagreeWithTheEventsUnderThePolicy() {
        // asserted always alerts
        assertThatThrownBy(() -> DevCorpus.parse("c", List.of(line("a", "", "{\"type\":\"ATTACK\",\"status\":\"asserted\"}"))))
                .hasMessageContaining("c:1: alerts [] disagree").hasMessageContaining("imply [ATTACK]");
        // a planned clash does not alert, a planned transfer does
        assertThatThrownBy(() -> DevCorpus.parse("c", List.of(line("a", "\"ARMED_CLASH\"", "{\"type\":\"ARMED_CLASH\",\"status\":\"planned\"}"))))
                .hasMessageContaining("imply []");
        assertThat(DevCorpus.parse("c", List.of(line("a", "\"DETAINEE_TRANSFER\"", "{\"type\":\"DETAINEE_TRANSFER\",\"status\":\"planned\"}"))).texts())
                .hasSize(1);
        // denied, hypothetical and historical events never alert
        for (String status : List.of("negated", "hypothetical", "historical")) {
            assertThatThrownBy(() -> DevCorpus.parse("c", List.of(line("a", "\"SECURITY_COORDINATION\"",
                    "{\"type\":\"SECURITY_COORDINATION\",\"status\":\"" + status + "\"}")))).hasMessageContaining("imply []");
        }
    }

    @Test
    void rejectsMissingAndMistypedFields() {
        assertThatThrownBy(() -> DevCorpus.parse("c", List.of("{\"id\":\"a\",\"publishedAt\":\"2025-03-20T09:00:00Z\",\"alerts\":[],\"events\":[]}")))
                .hasMessageContaining("c:1: missing 'text'");
        assertThatThrownBy(() -> DevCorpus.parse("c", List.of(line("a", "", "").replace("\"alerts\"", "\"alert\""))))
                .hasMessageContaining("unknown field 'alert'");
        assertThatThrownBy(() -> DevCorpus.parse("c", List.of(line("a", "", "").replace("2025-03-20T09:00:00Z", "20-03-2025"))))
                .hasMessageContaining("'publishedAt' is not an ISO-8601 instant");
        assertThatThrownBy(() -> DevCorpus.parse("c", List.of(line("a", "\"ATTACK\",\"ATTACK\"", "{\"type\":\"ATTACK\",\"status\":\"asserted\"}"))))
                .hasMessageContaining("lists ATTACK twice");
        assertThatThrownBy(() -> DevCorpus.parse("c", List.of("[1,2]"))).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> DevCorpus.parse("c", List.of(""))).hasMessageContaining("holds no texts");
    }

    @Test
    void theDevCorpusIsValidAndLargeEnough() {
        DevCorpus corpus = DevCorpus.load(CorpusFiles.devCorpus());

        assertThat(corpus.texts()).hasSizeGreaterThanOrEqualTo(270);
        assertThat(corpus.alertCounts()).allSatisfy((type, n) -> assertThat(n).as(type).isGreaterThanOrEqualTo(18));
        assertThat(corpus.nonAlertingCount()).isGreaterThanOrEqualTo(80);
        assertThat(corpus.texts()).filteredOn(t -> t.alerts().size() >= 2).hasSizeGreaterThanOrEqualTo(20);
        // hard negatives of each kind are there, not only look-alikes
        for (EventStatus s : List.of(EventStatus.NEGATED, EventStatus.HYPOTHETICAL, EventStatus.HISTORICAL, EventStatus.PLANNED)) {
            assertThat(corpus.texts()).as(s.name())
                    .filteredOn(t -> t.alerts().isEmpty() && t.events().stream().anyMatch(e -> e.status() == s))
                    .hasSizeGreaterThanOrEqualTo(s == EventStatus.PLANNED ? 5 : 12);
        }
        assertThat(corpus.texts()).filteredOn(t -> t.events().isEmpty()).hasSizeGreaterThanOrEqualTo(20);
    }
}
