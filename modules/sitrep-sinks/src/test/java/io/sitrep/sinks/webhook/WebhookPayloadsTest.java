package io.sitrep.sinks.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.json.AvroJson;
import io.sitrep.sinks.cap.VariedAlerts;
import io.sitrep.sinks.delivery.AlertEvent;
import io.sitrep.sinks.delivery.Notification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {
    private final Alert alert = VariedAlerts.all().stream().filter(a -> a.getPlace() != null && a.getVersion() == 3
            && a.getStatus() == AlertStatus.OPEN).findFirst().orElseThrow();

    @Test
    void theJsonPayloadIsTheAlertWithEventAndIdempotencyKey() throws Exception {
        JsonNode body = AvroJson.MAPPER.readTree(WebhookPayloads.body(WebhookFormat.JSON, Notification.of(alert)));
        assertThat(body.get("event").asText()).isEqualTo("UPDATED");
        assertThat(body.get("idempotencyKey").asText()).isEqualTo(alert.getId() + "/v3");
        assertThat(body.get("id").asText()).isEqualTo(alert.getId());
        assertThat(body.get("headline").asText()).isEqualTo(alert.getHeadline());
        assertThat(body.get("place").get("lat").asDouble()).isEqualTo(alert.getPlace().getLat());
    }

    @Test
    void theSlackPayloadHasTextAndBlocksWithArticleTextEscaped() throws Exception {
        JsonNode body = AvroJson.MAPPER.readTree(WebhookPayloads.body(WebhookFormat.SLACK, Notification.of(alert)));
        assertThat(body.get("text").asText()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(body.get("blocks")).hasSize(3);
        assertThat(body.get("blocks").get(0).get("text").get("text").asText().length()).isLessThanOrEqualTo(150);
        assertThat(body.get("blocks").get(2).get("elements").get(0).get("text").asText())
                .contains("<https://example.org/a?x=1&amp;y=2|Rudaw>");
    }

    @Test
    void eventsFollowVersionAndStatus() {
        assertThat(AlertEvent.of(Alert.newBuilder(alert).setVersion(1).build())).isEqualTo(AlertEvent.NEW);
        assertThat(AlertEvent.of(alert)).isEqualTo(AlertEvent.UPDATED);
        assertThat(AlertEvent.of(Alert.newBuilder(alert).setStatus(AlertStatus.RESOLVED).build())).isEqualTo(AlertEvent.RESOLVED);
    }

    @Test
    void theSignatureIsHmacSha256OfTheRawBody() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        // HMAC-SHA256("key", "{"a":1}") computed independently (openssl dgst -sha256 -hmac key)
        String sig = WebhookSignature.sign("key", body);
        assertThat(sig).isEqualTo("sha256=88a67f24bbcdaed0e6c997404bb79a743baf44c6bab2f4c27328e3009d22e342");
        assertThat(WebhookSignature.verify("key", body, sig)).isTrue();
        assertThat(WebhookSignature.verify("other", body, sig)).isFalse();
        assertThat(WebhookSignature.verify("key", "{\"a\":2}".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    }

    @Test
    void settingsAreValidated() {
        WebhookSettings s = WebhookSettings.fromConfig(Map.of("webhook.url", "http://127.0.0.1:9/x", "webhook.format", "slack",
                "webhook.secret", "k"));
        assertThat(s.format()).isEqualTo(WebhookFormat.SLACK);
        assertThat(s.delivery().groupId()).isEqualTo("sitrep-sink-webhook");
        assertThatThrownBy(() -> WebhookFormat.parse("xml")).hasMessageContaining("json or slack");
        assertThatThrownBy(() -> new WebhookSettings("webhook", URI.create("ftp://x"), WebhookFormat.JSON, null))
                .hasMessageContaining("http");
        assertThatThrownBy(() -> WebhookSettings.fromConfig(Map.of())).hasMessageContaining("webhook.url");
    }
}
