package io.sitrep.sinks.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.sinks.cap.VariedAlerts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertmanagerPayloadTest {
    private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
    private final AlertmanagerSettings settings = AlertmanagerSettings.of(URI.create("http://am:9093/"));
    private final Alert open = VariedAlerts.all().stream().filter(a -> a.getPlace() != null && a.getStatus() == AlertStatus.OPEN
            && a.getPlace().getAdmin1() != null && a.getPlace().getCountry() != null).findFirst().orElseThrow();

    @Test
    void labelsAnnotationsAndARollingEndForAnOpenAlert() {
        JsonNode a = AlertmanagerPayload.alert(open, settings, NOW);
        JsonNode l = a.get("labels");
        assertThat(l.get("alertname").asText()).isEqualTo("Sitrep" + camel(open.getType()));
        assertThat(l.get("type").asText()).isEqualTo(open.getType());
        assertThat(l.get("severity").asText()).isEqualTo(open.getSeverity().name().toLowerCase());
        assertThat(l.get("region").asText()).isEqualTo(open.getPlace().getAdmin1());
        assertThat(l.get("alert_id").asText()).isEqualTo(open.getId());
        assertThat(a.get("annotations").get("summary").asText()).isEqualTo(open.getHeadline());
        assertThat(a.get("annotations").get("sources").asText()).contains("Rudaw https://example.org/a?x=1&y=2");
        assertThat(Instant.parse(a.get("startsAt").asText())).isEqualTo(open.getFirstSeen());
        assertThat(Instant.parse(a.get("endsAt").asText())).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(a.has("generatorURL")).isFalse();
    }

    @Test
    void aResolvedAlertEndsAtItsResolvedAt() {
        Alert resolved = Alert.newBuilder(open).setStatus(AlertStatus.RESOLVED).setResolvedAt(open.getLastSeen()).build();
        JsonNode a = AlertmanagerPayload.alert(resolved, settings.withGeneratorBase(URI.create("http://s:8080")), NOW);
        assertThat(Instant.parse(a.get("endsAt").asText())).isEqualTo(open.getLastSeen());
        assertThat(a.get("generatorURL").asText()).isEqualTo("http://s:8080/api/alerts/" + open.getId());
        assertThat(settings.alertsEndpoint()).isEqualTo(URI.create("http://am:9093/api/v2/alerts"));
    }

    private static String camel(String type) {
        StringBuilder b = new StringBuilder();
        for (String p : type.toLowerCase().split("_")) b.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        return b.toString();
    }
}
