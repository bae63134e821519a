package io.sitrep.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.app.broker.TopicProvisioner;
import io.sitrep.app.config.SitrepConfig;
import io.sitrep.ingest.replay.ArticleReplayer;
import io.sitrep.ingest.replay.ReplaySpeed;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.Article;
import io.sitrep.model.avro.Report;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.topic.Topics;
import io.sitrep.testkit.KafkaFixture;
import io.sitrep.testkit.TopicReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once end to end: a sitrep process killed with SIGKILL in the middle of a stream and restarted on the
 * same data directory ends with the same alerts as an undisturbed run — none lost, none doubled.
 */
class ExactlyOnceIT {
    private static final int COPIES = 3;
    // one partition: both runs see the same order, so stories and alert ids must come out identical

    @TempDir Path referenceDir;
    @TempDir Path killedDir;

    @Test
    void killMinus9MidStreamAndRestartGivesTheSameAlerts() throws Exception {
        List<Article> stream = stream();
        Map<String, List<Set<String>>> reference;
        Set<String> referenceIds;
        try (KafkaFixture kafka = KafkaFixture.start()) {
            SitrepConfig config = SitrepConfig.load(null, Map.of(), Map.of("bootstrap.servers", kafka.bootstrapServers(),
                    "data.dir", referenceDir.toString(), "http.port", "0", "replay.enabled", "false",
                    "topics.partitions", "1", "instance.id", "reference"));
            try (SitrepInstance sitrep = SitrepInstance.start(config, Map.of())) {
                publish(kafka, stream);
                awaitProcessed(kafka, stream.size());
                reference = alertSets(latestVersions(kafka));
                referenceIds = latestVersions(kafka).keySet();
            }
        }
        assertThat(reference.values().stream().mapToInt(List::size).sum()).as("the stream raises alerts").isGreaterThan(20);

        try (KafkaFixture kafka = KafkaFixture.start()) {
            // the topics `sitrep run` would create, made here so the articles wait for the process
            try (Admin admin = admin(kafka)) {
                TopicProvisioner.ensureTopics(admin, Topics.ALL, 1, (short) 1);
            }
            publish(kafka, stream);
            Process first = launch(kafka);
            try {
                // kill while the stream is half processed
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
                    long done = consumed(kafka, Topics.ARTICLES_RAW.name());
                    return done > 0 && done < stream.size();
                });
            } finally {
                first.destroyForcibly().waitFor();
            }
            assertThat(consumed(kafka, Topics.ARTICLES_RAW.name())).as("killed mid-stream").isLessThan(stream.size());

            Process second = launch(kafka);
            try {
                awaitProcessed(kafka, stream.size());
                List<Alert> all = readAll(kafka);
                Map<String, Long> perVersion = all.stream()
                        .collect(Collectors.groupingBy(a -> a.getId() + ":" + a.getVersion(), Collectors.counting()));
                assertThat(perVersion.values()).as("no alert version written twice").allMatch(n -> n == 1);
                assertThat(alertSets(latestVersions(kafka))).isEqualTo(reference);
                assertThat(latestVersions(kafka).keySet()).isEqualTo(referenceIds);
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    /** The dev corpus, three times over on earlier dates (brokers refuse timestamps in the future): ~900 articles. */
    private static List<Article> stream() throws IOException {
        Path corpus = Path.of(System.getProperty("sitrep.root", "../.."), "data", "corpus", "dev.jsonl");
        List<Article> out = new ArrayList<>();
        for (int copy = 0; copy < COPIES; copy++) {
            for (String line : Files.readAllLines(corpus)) {
                if (line.isBlank()) continue;
                JsonNode n = AvroJson.MAPPER.readTree(line);
                Instant at = Instant.parse(n.get("publishedAt").asText()).minus(Duration.ofDays(400L * copy));
                out.add(Article.newBuilder().setId(n.get("id").asText() + "-" + copy)
                        .setTitle(n.hasNonNull("title") ? n.get("title").asText() : null)
                        .setBody(n.get("text").asText()).setSource("Outlet " + (out.size() % 4)).setPublishedAt(at)
                        .setOrigin("test").build());
            }
        }
        out.sort((a, b) -> a.getPublishedAt().compareTo(b.getPublishedAt()));
        return out;
    }

    /**
     * The articles are dated years back and the broker's default retention is 7 days: its first retention check
     * (about 30 s after start, while the killed process is still being replaced) would delete them all, and the
     * restarted process would find nothing left after its committed offset.
     */

    private static void publish(KafkaFixture kafka, List<Article> stream) throws InterruptedException {
        try (ArticleReplayer r = new ArticleReplayer(kafka.bootstrapServers(), "eos-it")) {
            r.replay(stream, ReplaySpeed.MAX, () -> false);
        }
    }

    private Process launch(KafkaFixture kafka) throws IOException {
        Path jar = Path.of("target", "sitrep.jar").toAbsolutePath();
        assertThat(jar).exists();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.sitrep", "-jar", jar.toString(), "run",
                "--bootstrap-servers", kafka.bootstrapServers(), "--data-dir", killedDir.toString(), "--http-port", "0",
                "--no-replay");
        pb.environment().put("SITREP_INSTANCE_ID", "killed");
        pb.environment().put("SITREP_TOPICS_PARTITIONS", "1");
        pb.environment().put("SITREP_ADMIN_PASSWORD", "eos-it-password");
        // both runs log to one file kept under target/ for diagnosis
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "exactly-once-it-sitrep.log").toFile()));
        return pb.start();
    }

    /** Every article consumed and every alert candidate and story committed by the application. */
    private static void awaitProcessed(KafkaFixture kafka, int articles) {
        await().atMost(Duration.ofSeconds(240)).until(() -> consumed(kafka, Topics.ARTICLES_RAW.name()) == articles
                && fullyConsumed(kafka, "sitrep-alert-candidates-by-type-repartition"));
    }

    private static long consumed(KafkaFixture kafka, String topic) throws Exception {
        return TopicReader.committedOffsets(kafka.bootstrapServers(), "sitrep", topic);
    }

    private static boolean fullyConsumed(KafkaFixture kafka, String topic) throws Exception {
        return TopicReader.consumedToEnd(kafka.bootstrapServers(), "sitrep", topic);
    }

    private static List<Alert> readAll(KafkaFixture kafka) {
        String topic = Topics.ALERTS.name();
        return TopicReader.readToEnd(kafka.bootstrapServers(), topic).stream()
                .map(r -> Topics.ALERTS.valueSerde().deserializer().deserialize(topic, r.value())).toList();
    }

    private static Map<String, Alert> latestVersions(KafkaFixture kafka) {
        Map<String, Alert> latest = new HashMap<>();
        for (Alert a : readAll(kafka)) latest.merge(a.getId(), a, (x, y) -> y.getVersion() > x.getVersion() ? y : x);
        return latest;
    }

    /** Per type, the alerts as the sets of articles that back them (ids depend on processing order; content must not). */
    private static Map<String, List<Set<String>>> alertSets(Map<String, Alert> latest) {
        Map<String, List<Set<String>>> out = new TreeMap<>();
        for (Alert a : latest.values()) {
            Set<String> articles = new TreeSet<>();
            for (Report r : a.getReports()) articles.add(r.getArticleId());
            out.computeIfAbsent(a.getType(), k -> new ArrayList<>()).add(articles);
        }
        out.values().forEach(l -> l.sort((x, y) -> x.toString().compareTo(y.toString())));
        return out;
    }

    private static Admin admin(KafkaFixture kafka) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return Admin.create(p);
    }

}
