package io.sitrep.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.model.avro.ActionType;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertAction;
import io.sitrep.model.avro.Matcher;
import io.sitrep.model.avro.Silence;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.Article;
import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.topic.Topics;
import io.sitrep.nlp.Analysis;
import io.sitrep.nlp.ArticleText;
import io.sitrep.nlp.DetectedEvent;
import io.sitrep.nlp.EventStatus;
import io.sitrep.nlp.PlaceRef;
import io.sitrep.nlp.SegmentAnalysis;
import io.sitrep.streams.alerts.AlertSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitrepTopologyTest {
    private static final PlaceRef HASAKAH = new PlaceRef("geonames:173814", "Al-Hasakah", 36.5, 40.75, "Al-Hasakah", "SY", "city");
    private static final Instant T0 = Instant.parse("2026-01-21T21:57:28Z");

    @TempDir Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> raw;
    private TestInputTopic<byte[], byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<byte[], byte[]> dlq;
    private TestInputTopic<String, AlertAction> actions;
    private TestInputTopic<String, Silence> silences;

    /** A stand-in analyzer: every text mentioning "detainees" holds a detainee transfer in Hasakah. */
    private static final Function<ArticleText, Analysis> ANALYZER = a -> {
        List<DetectedEvent> events = a.body().contains("detainees")
                ? List.of(new DetectedEvent("DETAINEE_TRANSFER", EventStatus.ASSERTED, 0.8, HASAKAH, List.of("CENTCOM"),
                        a.body().lines().filter(l -> l.contains("detainees")).findFirst().orElseThrow(),
                        Map.of("transferred", 1000L), true, io.sitrep.nlp.Severity.HIGH, "detainee-transfer"))
                : List.of();
        return new Analysis(a.id(), List.of(new SegmentAnalysis(0, a.title(), a.body(), a.publishedAt(), a.source(), "en",
                List.of(), List.of(HASAKAH), events)));
    };

    @BeforeEach
    void start() {
        var props = StreamsProperties.of("unused:9092", "sitrep-test", "sitrep-test", stateDir, 1, 100, 1, null);
        driver = new TopologyTestDriver(SitrepTopology.build(props, ANALYZER, AlertSettings.defaults()), props);
        raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(), Topics.ARTICLES_RAW.keySerde().serializer(),
                Topics.ARTICLES_RAW.valueSerde().serializer());
        rawBytes = driver.createInputTopic(Topics.ARTICLES_RAW.name(), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(Topics.ARTICLES_ENRICHED.name(), Topics.ARTICLES_ENRICHED.keySerde().deserializer(),
                Topics.ARTICLES_ENRICHED.valueSerde().deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        actions = driver.createInputTopic(Topics.ALERT_ACTIONS.name(), Topics.ALERT_ACTIONS.keySerde().serializer(),
                Topics.ALERT_ACTIONS.valueSerde().serializer());
        silences = driver.createInputTopic(Topics.SILENCES.name(), Topics.SILENCES.keySerde().serializer(),
                Topics.SILENCES.valueSerde().serializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static Article article(String id, String outlet, String body, Instant at, boolean aggregator) {
        return Article.newBuilder().setId(id).setSource(outlet).setTitle("Detainees moved").setBody(body).setPublishedAt(at)
                .setOrigin("test").setAttributes(aggregator ? Map.of("aggregator", "true") : Map.of()).build();
    }

    private void pipe(Article a) {
        raw.pipeInput(new TestRecord<>(a.getId(), a, a.getPublishedAt()));
    }

    private static final String REPORT = "US Central Command announced the start of transferring thousands of ISIS detainees"
            + " from northeastern Syria to Iraq.\nIraqi authorities confirmed receipt of an initial group.";

    @Test
    void anAlertingArticleIsEnrichedAndRaisesOneAlert() {
        pipe(article("a1", "Shafaq News", REPORT, T0, false));

        EnrichedArticle e = enriched.readValue();
        assertThat(e.getId()).isEqualTo("a1#0");
        assertThat(e.getEvents()).singleElement().satisfies(ev -> assertThat(ev.getType()).isEqualTo("DETAINEE_TRANSFER"));

        Alert alert = alerts.readValue();
        assertThat(alert.getType()).isEqualTo("DETAINEE_TRANSFER");
        assertThat(alert.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(alert.getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(alert.getVersion()).isEqualTo(1);
        assertThat(alert.getPlace().getAdmin1()).isEqualTo("Al-Hasakah");
        assertThat(alert.getEvidence()).singleElement().asString().contains("transferring thousands of ISIS detainees");
        assertThat(alert.getReports()).singleElement().satisfies(r -> assertThat(r.getOutlet()).isEqualTo("Shafaq News"));
        assertThat(alert.getIndependentOutlets()).isEqualTo(1);
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void replayingTheSameArticleRaisesNothingAgain() {
        Article a = article("a1", "Shafaq News", REPORT, T0, false);
        pipe(a);
        assertThat(alerts.readValuesToList()).hasSize(1);

        pipe(a);
        pipe(a);

        assertThat(enriched.readValuesToList()).hasSize(3);
        assertThat(alerts.isEmpty()).as("no alert raised twice").isTrue();
    }

    @Test
    void aSecondOutletCorroboratesAndARepublishedCopyDoesNot() {
        pipe(article("a1", "Shafaq News", REPORT, T0, false));
        Alert v1 = alerts.readValue();

        // an aggregator re-publishes the same text with its own chrome around it
        pipe(article("a2", "Daily8", "logo\n" + REPORT + "\nDOWNLOAD THE APP", T0.plusSeconds(3600), true));
        Alert v2 = alerts.readValue();
        assertThat(v2.getId()).isEqualTo(v1.getId());
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getReports()).hasSize(2);
        assertThat(v2.getReports().get(1).getDuplicateOf()).isEqualTo("a1#0");
        assertThat(v2.getIndependentOutlets()).as("a duplicate is not a corroboration").isEqualTo(1);

        pipe(article("a3", "Rudaw", "Washington began moving ISIS detainees held in Syria's north-east into Iraq,"
                + " officials in Hasakah said on Thursday.", T0.plusSeconds(7200), false));
        Alert v3 = alerts.readValue();
        assertThat(v3.getId()).isEqualTo(v1.getId());
        assertThat(v3.getIndependentOutlets()).isEqualTo(2);
        assertThat(v3.getChanges()).contains("REPORT Rudaw", "INDEPENDENT_OUTLETS 2");
    }

    @Test
    void theSameTypeFarApartInTimeIsAnotherAlert() {
        pipe(article("a1", "Shafaq News", REPORT, T0, false));
        pipe(article("a9", "Shafaq News", "A second batch of detainees was flown to Baghdad.", T0.plusSeconds(30 * 86400), false));
        List<Alert> out = alerts.readValuesToList();
        assertThat(out.stream().map(Alert::getId).distinct()).hasSize(2);
        // 30 days of event time without a new report: the first event is over
        Alert first = out.stream().filter(a -> a.getId().equals(out.get(0).getId())).reduce((x, y) -> y).orElseThrow();
        assertThat(first.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(first.getHistory()).extracting(h -> h.getAction()).containsExactly("RAISED", "AUTO_RESOLVE");
    }

    @Test
    void anArticleThatCannotBeUnderstoodGoesToTheDeadLetterQueueAndTheStreamGoesOn() {
        // undecodable bytes are skipped by the deserialization handler (their DLQ record is asserted on a real
        // broker in the integration test: TopologyTestDriver does not produce deserialization DLQ records)
        rawBytes.pipeInput("junk".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}, T0);
        pipe(article("empty", "Shafaq News", "   ", T0, false));
        pipe(article("a1", "Shafaq News", REPORT, T0, false));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("empty");
        assertThat(header(dead, "__streams.errors.message")).isEqualTo("article empty has no text");
        assertThat(header(dead, "__streams.errors.topic")).isEqualTo(Topics.ARTICLES_RAW.name());
        assertThat(header(dead, "__streams.errors.offset")).isEqualTo("1");
        assertThat(Topics.ARTICLES_RAW.valueSerde().deserializer().deserialize("t", dead.value()).getId())
                .as("the DLQ keeps the record as it came").isEqualTo("empty");
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(alerts.readValuesToList()).hasSize(1);
    }

    @Test
    void operatorActionsMoveTheAlertAndAreRecordedWithWhoAndWhen() {
        pipe(article("a1", "Shafaq News", REPORT, T0, false));
        Alert v1 = alerts.readValue();
        Instant at = Instant.parse("2026-01-22T08:00:00Z");
        actions.pipeInput(v1.getId(), action("x1", v1.getId(), ActionType.ACKNOWLEDGE, "amira", at));
        actions.pipeInput(v1.getId(), AlertAction.newBuilder(action("x2", v1.getId(), ActionType.ASSIGN, "amira", at))
                .setAssignee("omar").build());

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(Alert::getVersion).containsExactly(2, 3);
        Alert last = out.get(1);
        assertThat(last.getStatus()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(last.getAssignee()).isEqualTo("omar");
        assertThat(last.getHistory()).extracting(h -> h.getAction() + " " + h.getActor() + " " + h.getAt())
                .containsExactly("RAISED sitrep " + T0, "ACKNOWLEDGE amira " + at, "ASSIGN amira " + at);

        actions.pipeInput(v1.getId(), action("x3", v1.getId(), ActionType.RESOLVE, "amira", at.plusSeconds(60)));
        assertThat(alerts.readValue().getStatus()).isEqualTo(AlertStatus.RESOLVED);
        // a resolved event reported again reopens
        pipe(article("a4", "Rudaw", "More ISIS detainees from Syria's north-east reached Iraq, officials in Hasakah said.",
                T0.plusSeconds(3600), false));
        Alert reopened = alerts.readValue();
        assertThat(reopened.getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(reopened.getChanges()).contains("REOPENED");
    }

    @Test
    void aLateReportOfAQuietlyResolvedEventIsAddedWithoutReopeningIt() {
        pipe(article("a1", "Shafaq News", REPORT, T0, false));
        Alert first = alerts.readValue();
        // a transfer reported 60 days later is another event, and its time resolves the first as quiet
        Instant later = T0.plus(java.time.Duration.ofDays(60));
        pipe(article("a2", "Rudaw", "A new group of ISIS detainees was moved from al-Hol to Iraq, Hasakah officials said.",
                later, false));
        List<Alert> afterLater = alerts.readValuesToList();
        assertThat(afterLater).filteredOn(a -> a.getId().equals(first.getId())).singleElement()
                .satisfies(a -> assertThat(a.getChanges()).containsExactly("RESOLVED (quiet)"));

        // a report of the first event, published an hour after it, arrives only now (reports of several
        // partitions meet out of event-time order): it joins the alert, which stays resolved
        pipe(article("a3", "Kurdistan24", "More ISIS detainees from Syria's north-east reached Iraq, officials in Hasakah said.",
                T0.plusSeconds(3600), false));
        Alert late = alerts.readValuesToList().stream().filter(a -> a.getId().equals(first.getId())).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(late.getReports()).hasSize(2);
        assertThat(late.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(late.getChanges()).doesNotContain("REOPENED");
        assertThat(late.getHistory().get(late.getHistory().size() - 1).getDetail()).startsWith("late report, still quiet");
    }

    @Test
    void anActionOnAnUnknownAlertGoesToTheDeadLetterQueue() {
        actions.pipeInput("detainee-transfer-0000000000000000",
                action("x9", "detainee-transfer-0000000000000000", ActionType.ACKNOWLEDGE, "amira", T0));
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(header(dead, "__streams.errors.message")).contains("no alert detainee-transfer-0000000000000000");
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void aNewAlertMatchingAnActiveSilenceIsRecordedButSilenced() {
        Silence silence = Silence.newBuilder().setId("s1")
                .setMatchers(List.of(Matcher.newBuilder().setName("type").setValue("DETAINEE_TRANSFER").build(),
                        Matcher.newBuilder().setName("region").setValue("Al-Hasakah").build()))
                .setStartsAt(T0.minusSeconds(60)).setEndsAt(T0.plusSeconds(3600)).setCreatedBy("amira")
                .setCreatedAt(T0).build();
        silences.pipeInput("s1", silence);
        pipe(article("a1", "Shafaq News", REPORT, T0, false));
        Alert a = alerts.readValue();
        assertThat(a.getStatus()).isEqualTo(AlertStatus.SILENCED);
        assertThat(a.getSilencedUntil()).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void alertRecordsCarryCloudEventsHeaders() {
        pipe(article("a1", "Shafaq News", REPORT, T0, false));
        TestRecord<String, Alert> r = alerts.readRecord();
        assertThat(stringHeader(r, "ce_specversion")).isEqualTo("1.0");
        assertThat(stringHeader(r, "ce_id")).isEqualTo(r.value().getId() + ":1");
        assertThat(stringHeader(r, "ce_type")).isEqualTo("io.sitrep.alert.raised");
        assertThat(stringHeader(r, "ce_source")).isEqualTo("urn:sitrep:alerts");
        assertThat(Instant.parse(stringHeader(r, "ce_time"))).isNotNull();
    }

    private static AlertAction action(String id, String alertId, ActionType type, String actor, Instant at) {
        return AlertAction.newBuilder().setId(id).setAlertId(alertId).setAction(type).setActor(actor).setAt(at).build();
    }

    private static String stringHeader(TestRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
