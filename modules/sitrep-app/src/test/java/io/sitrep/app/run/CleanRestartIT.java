package io.sitrep.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sitrep.app.config.SitrepConfig;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.topic.Topics;
import io.sitrep.testkit.KafkaFixture;
import io.sitrep.testkit.TopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A clean stop and a start on the same data directory, under exactly-once: every task finds its local state
 * where it left it. Kafka Streams wipes a task it judges corrupted (and logs an ERROR), which an operator
 * restarting sitrep must not see after a clean stop.
 */
class CleanRestartIT {
    @TempDir Path dataDir;

    @Test
    void aCleanRestartKeepsEveryTasksLocalStateAndServesTheSameAlerts() throws Exception {
        try (KafkaFixture kafka = KafkaFixture.start()) {
            // six partitions, as in the default run: some escalation partitions get no region and stay empty
            SitrepConfig config = SitrepConfig.load(null, Map.of(), Map.of("bootstrap.servers", kafka.bootstrapServers(),
                    "data.dir", dataDir.toString(), "http.port", "0", "topics.partitions", "6", "instance.id", "restart"));
            Set<String> alertIds;
            try (SitrepInstance sitrep = SitrepInstance.start(config, Map.of())) {
                await().atMost(Duration.ofSeconds(90)).until(() -> !alertIds(kafka).isEmpty()
                        && TopicReader.consumedToEnd(kafka.bootstrapServers(), "sitrep", Topics.ARTICLES_RAW.name())
                        && TopicReader.consumedToEnd(kafka.bootstrapServers(), "sitrep", "sitrep-alert-candidates-by-type-repartition"));
                alertIds = alertIds(kafka);
            }

            ListAppender<ILoggingEvent> streamsLog = new ListAppender<>();
            Logger streamsLogger = (Logger) LoggerFactory.getLogger("org.apache.kafka.streams");
            streamsLog.start();
            streamsLogger.addAppender(streamsLog);
            try (SitrepInstance sitrep = SitrepInstance.start(config, Map.of())) {
                await().atMost(Duration.ofSeconds(90)).until(() -> sitrep.streams().state() == KafkaStreams.State.RUNNING
                        && sitrep.streams().metadataForLocalThreads().stream().allMatch(t -> !t.activeTasks().isEmpty()));
                assertThat(alertIds(kafka)).as("no alert raised again").isEqualTo(alertIds);
            } finally {
                streamsLogger.detachAppender(streamsLog);
            }
            assertThat(streamsLog.list)
                    .as("Kafka Streams found no task corrupted after a clean stop")
                    .noneMatch(e -> e.getFormattedMessage().contains("corrupted"))
                    .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
        }
    }

    private static Set<String> alertIds(KafkaFixture kafka) {
        return TopicReader.readToEnd(kafka.bootstrapServers(), Topics.ALERTS.name()).stream()
                .map(r -> Topics.ALERTS.valueSerde().deserializer().deserialize(Topics.ALERTS.name(), r.value()))
                .map(Alert::getId).collect(Collectors.toSet());
    }
}
