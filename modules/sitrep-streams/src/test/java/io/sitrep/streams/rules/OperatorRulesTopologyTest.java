package io.sitrep.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.Article;
import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.RuleStatus;
import io.sitrep.model.avro.RuleVerdict;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.topic.Topics;
import io.sitrep.nlp.Analysis;
import io.sitrep.nlp.ArticleText;
import io.sitrep.nlp.DetectedEvent;
import io.sitrep.nlp.EntityRef;
import io.sitrep.nlp.EntityType;
import io.sitrep.nlp.EventStatus;
import io.sitrep.nlp.PlaceRef;
import io.sitrep.nlp.SegmentAnalysis;
import io.sitrep.streams.SitrepTopology;
import io.sitrep.streams.StreamsProperties;
import io.sitrep.streams.alerts.AlertSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules piped to sitrep.rules change the alerts of the very next matching article: hot reload, in the whole topology. */
class OperatorRulesTopologyTest {
    private static final PlaceRef AIN_AL_ASAD = new PlaceRef("site:ain-al-asad", "Ain al-Asad Air Base", 33.79, 42.44,
            "Al Anbar", "IQ", "airbase");
    private static final Instant T0 = Instant.parse("2026-01-21T08:00:00Z");

    /** Stand-in analyzer: a text with "rockets" holds an asserted ATTACK at Ain al-Asad, severity HIGH. */
    private static final Function<ArticleText, Analysis> ANALYZER = a -> {
        String sentence = a.body().lines().filter(l -> l.contains("rockets")).findFirst().orElse(null);
        List<DetectedEvent> events = sentence == null ? List.of()
                : List.of(new DetectedEvent("ATTACK", EventStatus.ASSERTED, 0.8, AIN_AL_ASAD, List.of(), sentence, Map.of(),
                        true, io.sitrep.nlp.Severity.HIGH, "attack"));
        List<EntityRef> entities = a.body().contains("Daesh")
                ? List.of(new EntityRef("group:isis", EntityType.ARMED_GROUP, "Islamic State", null, List.of("Daesh")))
                : List.of();
        return new Analysis(a.id(), List.of(new SegmentAnalysis(0, a.title(), a.body(), a.publishedAt(), a.source(), "en",
                entities, List.of(AIN_AL_ASAD), events)));
    };

    @TempDir Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> raw;
    private TestInputTopic<String, Rule> rules;
    private TestInputTopic<byte[], byte[]> rulesBytes;
    private TestOutputTopic<String, RuleStatus> statuses;
    private TestOutputTopic<String, Alert> alerts;
    private int articles;

    @BeforeEach
    void start() {
        var props = StreamsProperties.of("unused:9092", "sitrep-test", "sitrep-test", stateDir, 1, 100, 1, null);
        driver = new TopologyTestDriver(SitrepTopology.build(props, ANALYZER, AlertSettings.defaults()), props);
        raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(), Topics.ARTICLES_RAW.keySerde().serializer(),
                Topics.ARTICLES_RAW.valueSerde().serializer());
        rules = driver.createInputTopic(Topics.RULES.name(), Topics.RULES.keySerde().serializer(), Topics.RULES.valueSerde().serializer());
        rulesBytes = driver.createInputTopic(Topics.RULES.name(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        statuses = driver.createOutputTopic(Topics.RULES_STATUS.name(), Topics.RULES_STATUS.keySerde().deserializer(),
                Topics.RULES_STATUS.valueSerde().deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** Distinct wordings, so that no report is a duplicate of an earlier one. */
    private static final List<String> OPENINGS = List.of("Three", "Several Katyusha", "At least two", "A salvo of", "Four");

    /** A new attack each time, a month apart and worded differently, so that each raises its own alert. */
    private Alert attackAlert(String report) {
        String body = report.replace("Three", OPENINGS.get(articles % OPENINGS.size())) + "\nReport number " + articles + " of the day.";
        Instant at = T0.plusSeconds(30L * 86400 * articles++);
        Article a = Article.newBuilder().setId("a" + articles).setSource("Outlet " + articles).setTitle("Base attacked")
                .setBody(body).setPublishedAt(at).setOrigin("test").setAttributes(Map.of()).build();
        raw.pipeInput(new TestRecord<>(a.getId(), a, at));
        List<Alert> out = alerts.readValuesToList();
        // older alerts may show up too (resolved after their quiet period): take the one this article raised
        return out.stream().filter(x -> x.getReports().stream().anyMatch(r -> r.getArticleId().equals(a.getId())))
                .reduce((x, y) -> y).orElseThrow();
    }

    private RuleStatus apply(String yaml) {
        Rule r = RuleFiles.parse("test.yaml", yaml).get(0);
        rules.pipeInput(r.getId(), r, T0);
        return statuses.readValue();
    }

    private static final String AYN_AL_ASAD = """
            id: ayn-al-asad-attack
            match: {types: [ATTACK], regions: [Al-Anbar], places: [Ayn al-Asad]}
            action: {setSeverity: CRITICAL}
            """;
    private static final String REPORT = "Three rockets struck Ayn al-Asad air base in western Anbar.";

    @Test
    void aRuleAppliedAtRunTimeChangesTheAlertOfTheNextMatchingArticle() {
        assertThat(attackAlert(REPORT).getSeverity()).isEqualTo(Severity.HIGH);

        RuleStatus accepted = apply(AYN_AL_ASAD);
        assertThat(accepted.getStatus()).isEqualTo(RuleVerdict.ACCEPTED);
        assertThat(accepted.getVersion()).isEqualTo(1);
        assertThat(accepted.getActive().getId()).isEqualTo("ayn-al-asad-attack");

        assertThat(attackAlert(REPORT).getSeverity()).isEqualTo(Severity.CRITICAL);

        rules.pipeInput("ayn-al-asad-attack", null, T0);
        TestRecord<String, RuleStatus> deleted = statuses.readRecord();
        assertThat(deleted.key()).isEqualTo("ayn-al-asad-attack");
        assertThat(deleted.value()).as("a deleted rule leaves a tombstone").isNull();
        assertThat(attackAlert(REPORT).getSeverity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void anInvalidRuleIsRejectedWithItsReasonAndTheLastGoodVersionStaysInForce() {
        apply(AYN_AL_ASAD);
        RuleStatus rejected = apply(AYN_AL_ASAD.replace("CRITICAL", "APOCALYPTIC"));

        assertThat(rejected.getStatus()).isEqualTo(RuleVerdict.REJECTED);
        assertThat(rejected.getReason()).isEqualTo("bad severity 'APOCALYPTIC' in setSeverity: one of [CRITICAL, HIGH, MEDIUM, LOW, INFO]");
        assertThat(rejected.getVersion()).isEqualTo(2);
        assertThat(rejected.getActiveVersion()).isEqualTo(1);
        assertThat(attackAlert(REPORT).getSeverity()).as("version 1 still applies").isEqualTo(Severity.CRITICAL);

        RuleStatus again = apply(AYN_AL_ASAD);
        assertThat(again.getStatus()).isEqualTo(RuleVerdict.ACCEPTED);
        assertThat(again.getVersion()).isEqualTo(3);
    }

    @Test
    void aRuleNeverAcceptedIsNeverAppliedAndGarbageOnTheTopicStopsNothing() {
        RuleStatus rejected = apply("id: nothing-at-all\nmatch: {types: [TEA_PARTY]}\naction: {setSeverity: CRITICAL}\n");
        assertThat(rejected.getStatus()).isEqualTo(RuleVerdict.REJECTED);
        assertThat(rejected.getActive()).isNull();
        rulesBytes.pipeInput("junk".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8), T0);
        Rule misKeyed = RuleFiles.parse("t.yaml", AYN_AL_ASAD).get(0);
        rules.pipeInput("other-id", misKeyed, T0);
        assertThat(statuses.readValue().getReason()).isEqualTo("the record key 'other-id' differs from the rule id 'ayn-al-asad-attack'");

        assertThat(attackAlert(REPORT).getSeverity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void reApplyingTheSameRuleIsNotANewVersion() {
        apply(AYN_AL_ASAD);
        Rule same = Rule.newBuilder(RuleFiles.parse("t.yaml", AYN_AL_ASAD).get(0)).setUpdatedAt(T0.plusSeconds(60)).build();
        rules.pipeInput(same.getId(), same, T0.plusSeconds(60));
        assertThat(statuses.readValue().getVersion()).isEqualTo(1);
    }

    @Test
    void aKeywordWatchRaisesAWatchAlertOnTheNextArticleNamingIt() {
        assertThat(apply("""
                id: watch-daesh-cells
                match: {keywords: [Daesh cells]}
                action: {raiseAlert: {severity: HIGH}, tags: [cells]}
                """).getStatus()).isEqualTo(RuleVerdict.ACCEPTED);

        Article a = Article.newBuilder().setId("w1").setSource("Outlet").setTitle("Patrols").setOrigin("test")
                .setBody("Security forces patrolled the desert.\nLocals reported Daesh cells moving at night.")
                .setPublishedAt(T0).setAttributes(Map.of()).build();
        raw.pipeInput(new TestRecord<>(a.getId(), a, T0));

        assertThat(alerts.readValuesToList()).singleElement().satisfies(w -> {
            assertThat(w.getType()).isEqualTo("WATCH");
            assertThat(w.getSeverity()).isEqualTo(Severity.HIGH);
            assertThat(w.getEvidence()).containsExactly("Locals reported Daesh cells moving at night.");
            assertThat(w.getId()).startsWith("watch-");
        });
    }
}
