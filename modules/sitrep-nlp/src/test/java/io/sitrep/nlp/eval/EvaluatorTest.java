package io.sitrep.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.nlp.Analysis;
import io.sitrep.nlp.ArticleText;
import io.sitrep.nlp.DetectedEvent;
import io.sitrep.nlp.EventStatus;
import io.sitrep.nlp.SegmentAnalysis;
import io.sitrep.nlp.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final double EPS = 1e-9;

    /** Six texts; the fake analyzer's answers are chosen so every count below can be worked out by hand. */
    private static final DevCorpus TINY = DevCorpus.parse("tiny", List.of(
            text("t1", "ATTACK", "ATTACK:asserted"),
            text("t2", "ATTACK,MILITANTS_KILLED", "ATTACK:asserted,MILITANTS_KILLED:asserted"),
            text("t3", "", "ARMED_CLASH:negated"),
            text("t4", "FORCE_DEPLOYMENT", "FORCE_DEPLOYMENT:planned"),
            text("t5", "", "BORDER_INFILTRATION:negated"),
            text("t6", "MILITANTS_KILLED", "MILITANTS_KILLED:asserted")));

    private static final Map<String, List<DetectedEvent>> ANSWERS = Map.of(
            "t1", List.of(event("ATTACK", EventStatus.ASSERTED, true)),
            "t2", List.of(event("ATTACK", EventStatus.ASSERTED, true)),
            // a denial read as a clash, and an attack that is not there
            "t3", List.of(event("ARMED_CLASH", EventStatus.ASSERTED, true), event("ATTACK", EventStatus.ASSERTED, true)),
            "t4", List.of(event("FORCE_DEPLOYMENT", EventStatus.PLANNED, true)),
            // found but not alerting: neither a false positive nor a wrong status
            "t5", List.of(event("BORDER_INFILTRATION", EventStatus.NEGATED, false)),
            // a type outside the taxonomy
            "t6", List.of(event("KIDNAPPING", EventStatus.ASSERTED, true)));

    private static final Function<ArticleText, Analysis> FAKE = a -> new Analysis(a.id(), List.of(
            new SegmentAnalysis(0, a.title(), a.body(), a.publishedAt(), null, "en", List.of(), List.of(), List.of()),
            new SegmentAnalysis(1, null, a.body(), a.publishedAt(), null, "en", List.of(), List.of(), ANSWERS.get(a.id()))));

    private static String text(String id, String alerts, String events) {
        String a = alerts.isEmpty() ? "" : "\"" + alerts.replace(",", "\",\"") + "\"";
        StringBuilder e = new StringBuilder();
        for (String ev : events.split(",")) {
            String[] p = ev.split(":");
            if (e.length() > 0) e.append(',');
            e.append("{\"type\":\"").append(p[0]).append("\",\"status\":\"").append(p[1]).append("\"}");
        }
        return "{\"id\":\"" + id + "\",\"text\":\"Text " + id + ".\",\"publishedAt\":\"2025-03-20T09:00:00Z\",\"alerts\":[" + a
                + "],\"events\":[" + e + "]}";
    }

    private static DetectedEvent event(String type, EventStatus status, boolean alerts) {
        return new DetectedEvent(type, status, 0.9, null, List.of(), "evidence of " + type, Map.of(), alerts,
                Severity.MEDIUM, type.toLowerCase() + "-rule");
    }

    @Test
    void countsTruePositivesFalsePositivesAndMissesPerTypeOverAllSegments() {
        EvaluationReport r = new Evaluator(FAKE).evaluate(TINY);

        assertThat(r.type("ATTACK")).hasValue(new TypeScore("ATTACK", 2, 2, 1, 0));
        assertThat(r.type("MILITANTS_KILLED")).hasValue(new TypeScore("MILITANTS_KILLED", 2, 0, 0, 2));
        assertThat(r.type("FORCE_DEPLOYMENT")).hasValue(new TypeScore("FORCE_DEPLOYMENT", 1, 1, 0, 0));
        assertThat(r.type("ARMED_CLASH")).hasValue(new TypeScore("ARMED_CLASH", 0, 0, 1, 0));
        assertThat(r.type("BORDER_INFILTRATION")).hasValue(new TypeScore("BORDER_INFILTRATION", 0, 0, 0, 0));
        assertThat(r.type("KIDNAPPING")).hasValue(new TypeScore("KIDNAPPING", 0, 0, 1, 0));
        assertThat(r.texts()).isEqualTo(6);
        assertThat(r.exactMatches()).isEqualTo(3);
    }

    @Test
    void computesPrecisionRecallF1AndMacroOverGoldTypesOnly() {
        EvaluationReport r = new Evaluator(FAKE).evaluate(TINY);

        TypeScore attack = r.type("ATTACK").orElseThrow();
        assertThat(attack.precision()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(attack.recall()).isCloseTo(1.0, within(EPS));
        assertThat(attack.f1()).isCloseTo(0.8, within(EPS));
        TypeScore killed = r.type("MILITANTS_KILLED").orElseThrow();
        assertThat(killed.precision()).isZero();
        assertThat(killed.f1()).isZero();
        // gold types: ATTACK 0.8, MILITANTS_KILLED 0, FORCE_DEPLOYMENT 1; ARMED_CLASH and KIDNAPPING are only predicted
        assertThat(r.macroF1()).isCloseTo(0.6, within(EPS));
        assertThat(r.typesBelow(0.75)).extracting(TypeScore::type).containsExactly("MILITANTS_KILLED");
        // pooled: tp 3, fp 3, fn 2
        assertThat(r.microPrecision()).isCloseTo(0.5, within(EPS));
        assertThat(r.microRecall()).isCloseTo(0.6, within(EPS));
        assertThat(r.microF1()).isCloseTo(6.0 / 11, within(EPS));
    }

    @Test
    void measuresStatusAgreementWhereTheTypeWasFound() {
        EvaluationReport r = new Evaluator(FAKE).evaluate(TINY);

        assertThat(r.statuses()).contains(new StatusAgreement(EventStatus.ASSERTED, 2, 2),
                new StatusAgreement(EventStatus.NEGATED, 2, 1), new StatusAgreement(EventStatus.PLANNED, 1, 1),
                new StatusAgreement(EventStatus.HISTORICAL, 0, 0));
        assertThat(r.statusAccuracy()).isCloseTo(0.8, within(EPS));
    }

    @Test
    void listsEachMismatchWithWhatTheAnalyzerDid() {
        EvaluationReport r = new Evaluator(FAKE).evaluate(TINY);

        assertThat(r.mismatches()).extracting(Mismatch::id).containsExactly("t2", "t3", "t6");
        Mismatch t3 = r.mismatches().get(1);
        assertThat(t3.line()).isEqualTo(3);
        assertThat(t3.expected()).isEmpty();
        assertThat(t3.got()).containsExactly("ARMED_CLASH", "ATTACK");
        assertThat(t3.details()).containsExactly(
                "extra ARMED_CLASH (asserted, rule armed_clash-rule): evidence of ARMED_CLASH",
                "extra ATTACK (asserted, rule attack-rule): evidence of ATTACK");
        assertThat(r.mismatches().get(0).details()).containsExactly("missed MILITANTS_KILLED: not detected");
    }

    @Test
    void saysWhenAMissedTypeWasFoundWithANonAlertingStatus() {
        DevCorpus one = DevCorpus.parse("one", List.of(text("x", "PRISON_BREAK", "PRISON_BREAK:asserted")));
        EvaluationReport r = new Evaluator(a -> new Analysis(a.id(), List.of(new SegmentAnalysis(0, null, a.body(), null,
                null, "en", List.of(), List.of(), List.of(event("PRISON_BREAK", EventStatus.HISTORICAL, false)))))).evaluate(one);

        assertThat(r.mismatches().get(0).details()).containsExactly("missed PRISON_BREAK: detected as historical by prison_break-rule");
        assertThat(r.statuses()).contains(new StatusAgreement(EventStatus.ASSERTED, 1, 0));
    }

    @Test
    void anAnalyzerFailureScoresAsNothingFoundAndIsReported() {
        EvaluationReport r = new Evaluator(a -> {
            throw new IllegalStateException("boom");
        }).evaluate(TINY);

        assertThat(r.type("ATTACK")).hasValue(new TypeScore("ATTACK", 2, 0, 0, 2));
        assertThat(r.exactMatches()).isZero(); // even the texts with no gold alerts: a failure is never a match
        assertThat(r.mismatches()).hasSize(6);
        assertThat(r.mismatches().get(2).details()).containsExactly("analyzer failed: java.lang.IllegalStateException: boom");
    }

    @Test
    void rendersATableAndJson() throws Exception {
        EvaluationReport r = new Evaluator(FAKE).evaluate(TINY);

        assertThat(r.toText())
                .contains("Evaluation of tiny: 6 texts, 3 with exactly the gold alerts")
                .containsPattern("ATTACK\\s+2\\s+2\\s+1\\s+0\\s+0\\.667\\s+1\\.000\\s+0\\.800")
                .containsPattern("KIDNAPPING.*\\(not in gold\\)")
                .containsPattern("macro-F1\\s+0\\.600")
                .contains("negated 1/2");
        assertThat(r.mismatchesText()).contains("t3 (line 3) expected [] got [ARMED_CLASH, ATTACK]");

        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertThat(json.get("macroF1").asDouble()).isCloseTo(0.6, within(EPS));
        assertThat(json.get("types")).hasSize(r.types().size());
        assertThat(json.get("status").get("accuracy").asDouble()).isCloseTo(0.8, within(EPS));
        JsonNode t6 = json.get("mismatches").get(2);
        assertThat(t6.get("id").asText()).isEqualTo("t6");
        assertThat(Set.of(t6.get("expected").get(0).asText(), t6.get("got").get(0).asText()))
                .containsExactlyInAnyOrder("MILITANTS_KILLED", "KIDNAPPING");
    }
}
