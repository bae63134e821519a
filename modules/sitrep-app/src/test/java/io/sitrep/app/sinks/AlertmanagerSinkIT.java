package io.sitrep.app.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.topic.Topics;
import io.sitrep.sinks.alertmanager.AlertmanagerSettings;
import io.sitrep.sinks.alertmanager.AlertmanagerSink;
import io.sitrep.sinks.delivery.AlertDelivery;
import io.sitrep.sinks.delivery.Backoff;
import io.sitrep.testkit.KafkaFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Alertmanager sink against a real {@code prometheus-alertmanager}: alerts appear with their labels and
 * annotations, a severity change does not leave the old label set firing, a resolved alert ends at its
 * resolvedAt and Alertmanager notifies the resolution. Skipped where the binary is absent; {@code .ci/run}
 * installs it.
 */
class AlertmanagerSinkIT {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(400));
    private static KafkaFixture kafka;
    private static TestAlerts alerts;
    private static RecordingReceiver notifications;
    private static AlertmanagerProcess alertmanager;
    @TempDir static Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> binary = AlertmanagerProcess.binary();
        Assumptions.assumeTrue(binary.isPresent(), "prometheus-alertmanager is not installed (apt-get install -y prometheus-alertmanager)");
        notifications = new RecordingReceiver();
        alertmanager = AlertmanagerProcess.start(binary.get(), dir, notifications.url("/am"));
        kafka = KafkaFixture.start();
        kafka.createTopics(3, Topics.ALERTS.name(), Topics.DLQ.name());
        alerts = new TestAlerts(kafka.bootstrapServers(), "alertmanager-it");
    }

    @AfterAll
    static void stop() throws Exception {
        if (alerts != null) alerts.close();
        if (kafka != null) kafka.close();
        if (alertmanager != null) alertmanager.close();
        if (notifications != null) notifications.close();
    }

    @Test
    void alertsAppearWithTheirLabelsAndAResolvedAlertEndsAtItsResolvedAt() throws Exception {
        AlertmanagerSettings settings = AlertmanagerSettings.of(alertmanager.url())
                .withGeneratorBase(URI.create("http://sitrep.example:8080/"));
        try (AlertDelivery sink = AlertmanagerSink.start(kafka.bootstrapServers(), settings,
                AlertmanagerSettings.delivery().withBackoff(FAST))) {
            Alert noPlace = Alert.newBuilder(TestAlerts.alert("am-noplace", 1, AlertStatus.OPEN, Severity.MEDIUM))
                    .setPlace(null).setType("PRISON_BREAK").build();
            alerts.publish(List.of(TestAlerts.alert("am-open", 1, AlertStatus.OPEN, Severity.HIGH),
                    TestAlerts.alert("am-resolve", 1, AlertStatus.OPEN, Severity.HIGH), noPlace));

            await().atMost(Duration.ofSeconds(60)).until(() -> active().size() == 3);
            JsonNode open = active("am-open").orElseThrow();
            JsonNode labels = open.get("labels");
            assertThat(labels.get("alertname").asText()).isEqualTo("SitrepArmedClash");
            assertThat(labels.get("type").asText()).isEqualTo("ARMED_CLASH");
            assertThat(labels.get("severity").asText()).isEqualTo("high");
            assertThat(labels.get("region").asText()).isEqualTo("Al-Hasakah");
            assertThat(labels.get("place").asText()).isEqualTo("Al-Hasakah");
            assertThat(labels.get("country").asText()).isEqualTo("SY");
            JsonNode ann = open.get("annotations");
            assertThat(ann.get("summary").asText()).startsWith("Armed clash — Al-Hasakah: fighting near <Ghweiran> & the prison");
            assertThat(ann.get("evidence").asText()).isEqualTo("Clashes broke out near the prison.");
            assertThat(ann.has("sources")).isTrue();
            assertThat(open.get("generatorURL").asText()).isEqualTo("http://sitrep.example:8080/api/alerts/am-open");
            assertThat(Instant.parse(open.get("startsAt").asText())).isEqualTo(TestAlerts.T0);
            assertThat(Instant.parse(open.get("endsAt").asText())).isAfter(Instant.now().plus(Duration.ofDays(29)));
            JsonNode placeless = active("am-noplace").orElseThrow().get("labels");
            assertThat(placeless.get("alertname").asText()).isEqualTo("SitrepPrisonBreak");
            assertThat(placeless.has("region")).isFalse();

            // Alertmanager notified the firing alert (it sends a resolution only for what it notified)
            await().atMost(Duration.ofSeconds(30)).until(() -> notified("am-resolve", "firing").isPresent());

            // a new version raises the severity: one alert in Alertmanager, at the new severity
            alerts.publish(List.of(TestAlerts.alert("am-open", 2, AlertStatus.OPEN, Severity.CRITICAL),
                    TestAlerts.alert("am-resolve", 2, AlertStatus.RESOLVED, Severity.HIGH)));
            await().atMost(Duration.ofSeconds(60)).until(() -> active("am-resolve").isEmpty()
                    && active("am-open").map(a -> a.get("labels").get("severity").asText()).orElse("").equals("critical"));
            assertThat(active().stream().filter(a -> a.get("labels").get("alert_id").asText().equals("am-open"))).hasSize(1);

            JsonNode resolved = await().atMost(Duration.ofSeconds(30))
                    .until(() -> notified("am-resolve", "resolved"), Optional::isPresent).orElseThrow();
            Instant resolvedAt = TestAlerts.alert("am-resolve", 2, AlertStatus.RESOLVED, Severity.HIGH).getResolvedAt();
            assertThat(Instant.parse(resolved.get("endsAt").asText())).isEqualTo(resolvedAt);
            assertThat(sink.stats().deadLettered()).isZero();
        }
    }

    /** Alertmanager's active alerts (resolved ones are not listed) that this test sent. */
    private List<JsonNode> active() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(alertmanager.url().resolve("/api/v2/alerts")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode a : AvroJson.MAPPER.readTree(r.body())) {
            if (a.get("labels").path("alert_id").asText().startsWith("am-")) out.add(a);
        }
        return out;
    }

    private Optional<JsonNode> active(String alertId) throws Exception {
        return active().stream().filter(a -> a.get("labels").get("alert_id").asText().equals(alertId)).findFirst();
    }

    /** The alert as Alertmanager's webhook notifications carried it with the given status, if it did. */
    private static Optional<JsonNode> notified(String alertId, String status) throws Exception {
        for (RecordingReceiver.Received r : notifications.accepted()) {
            for (JsonNode a : AvroJson.MAPPER.readTree(r.body()).get("alerts")) {
                if (a.get("labels").get("alert_id").asText().equals(alertId) && a.get("status").asText().equals(status)) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
