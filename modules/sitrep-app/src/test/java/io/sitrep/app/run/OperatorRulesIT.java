package io.sitrep.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sitrep.app.config.SitrepConfig;
import io.sitrep.ingest.replay.ArticleReplayer;
import io.sitrep.ingest.replay.ReplaySpeed;
import io.sitrep.model.avro.Article;
import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.RuleStatus;
import io.sitrep.model.avro.RuleVerdict;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.topic.Topic;
import io.sitrep.model.topic.Topics;
import io.sitrep.streams.rules.OperatorRulesTopology;
import io.sitrep.streams.rules.RuleClient;
import io.sitrep.streams.rules.RuleFiles;
import io.sitrep.testkit.KafkaFixture;
import io.sitrep.testkit.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real broker: a rule applied at run time, the way {@code sitrep rules apply} does, shapes the next article. */
class OperatorRulesIT {
    private static KafkaFixture kafka;
    private static SitrepInstance sitrep;
    @TempDir static Path dataDir;

    @BeforeAll
    static void start() {
        kafka = KafkaFixture.start();
        SitrepConfig config = SitrepConfig.load(null, Map.of(), Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "data.dir", dataDir.toString(),
                "http.port", "0",
                "topics.partitions", "3",
                "replay.enabled", "false",
                "instance.id", "rules-it"));
        sitrep = SitrepInstance.start(config, Map.of("SITREP_ADMIN_PASSWORD", "it-admin-password"));
    }

    @AfterAll
    static void stop() {
        if (sitrep != null) sitrep.close();
        if (kafka != null) kafka.close();
    }

    private static final String WATCH_BASE = """
            id: watch-ayn-al-asad
            description: every report naming the air base
            match: {keywords: [Ayn al-Asad]}
            action: {raiseAlert: {severity: HIGH}, tags: [base]}
            """;

    @Test
    void aRuleAppliedAtRunTimeRaisesItsAlertOnTheNextMatchingArticleWithoutARestart() throws Exception {
        Instant t0 = Instant.parse("2026-02-03T09:00:00Z");
        publish(article("before", "Convoys were seen near Ain al-Asad air base on Monday, residents said.", t0));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(read(Topics.ARTICLES_ENRICHED)).anySatisfy(e -> assertThat(e.getArticleId()).isEqualTo("before")));

        Rule rule = RuleFiles.parse("watch.yaml", WATCH_BASE).get(0);
        try (RuleClient client = new RuleClient(kafka.bootstrapServers(), "rules-it")) {
            RuleClient.Submitted s = client.apply(rule, "it");
            RuleStatus verdict = client.awaitVerdict(rule.getId(), s.at(), Duration.ofSeconds(60)).orElseThrow();
            assertThat(verdict.getStatus()).isEqualTo(RuleVerdict.ACCEPTED);
            assertThat(verdict.getActive().getAuthor()).isEqualTo("it");

            Rule bad = RuleFiles.parse("bad.yaml", "id: broken-rule\nmatch: {types: [PICNIC]}\naction: {setSeverity: HIGH}\n").get(0);
            // what `rules apply` refuses locally can still arrive from another producer: it is rejected, never a crash
            try (var producer = new KafkaProducer<>(
                    ArticleReplayer.producerConfig(kafka.bootstrapServers(), "rules-it-raw"),
                    Topics.RULES.keySerde().serializer(), Topics.RULES.valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(Topics.RULES.name(), bad.getId(), bad)).get();
            }
            RuleStatus rejected = client.awaitVerdict(bad.getId(), s.at(), Duration.ofSeconds(60)).orElseThrow();
            assertThat(rejected.getStatus()).isEqualTo(RuleVerdict.REJECTED);
            assertThat(rejected.getReason()).startsWith("unknown type 'PICNIC'");
        }
        // the global rules table of this instance holds the rule: the next segment it enriches sees it
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<RuleStatus>> store = sitrep.streams().store(
                    StoreQueryParameters.fromNameAndType(OperatorRulesTopology.RULES_GLOBAL_STORE,
                            QueryableStoreTypes.timestampedKeyValueStore()));
            return store.get(rule.getId()) != null;
        });
        assertThat(read(Topics.ALERTS)).noneSatisfy(a -> assertThat(a.getType()).isEqualTo("WATCH"));

        publish(article("after", "Iraqi officials said on Tuesday that Ayn al-Asad remained on alert after the incident.",
                t0.plusSeconds(3600)));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(read(Topics.ALERTS))
                .anySatisfy(a -> {
                    assertThat(a.getType()).isEqualTo("WATCH");
                    assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
                    assertThat(a.getEvidence()).anySatisfy(e -> assertThat(e).contains("Ayn al-Asad remained on alert"));
                    assertThat(a.getReports()).singleElement().satisfies(r -> assertThat(r.getArticleId()).isEqualTo("after"));
                }));
    }

    private static Article article(String id, String body, Instant at) {
        return Article.newBuilder().setId(id).setSource("Test Outlet").setTitle("Anbar update").setBody(body)
                .setPublishedAt(at).setOrigin("it").setAttributes(Map.of()).build();
    }

    private static void publish(Article a) throws InterruptedException {
        try (ArticleReplayer replayer = new ArticleReplayer(kafka.bootstrapServers(), "rules-it-" + a.getId())) {
            replayer.replay(List.of(a), ReplaySpeed.MAX, () -> false);
        }
    }

    /** Every committed record of a topic, read to its end. */
    private static <V> List<V> read(Topic<String, V> topic) {
        List<V> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readToEnd(kafka.bootstrapServers(), topic.name())) {
            if (r.value() != null) out.add(topic.valueSerde().deserializer().deserialize(topic.name(), r.value()));
        }
        return out;
    }
}
