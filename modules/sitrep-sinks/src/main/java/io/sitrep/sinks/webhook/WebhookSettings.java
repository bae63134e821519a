package io.sitrep.sinks.webhook;

import io.sitrep.sinks.delivery.DeliverySettings;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook endpoint ({@code webhook.url}, {@code webhook.format}, {@code webhook.secret}). Each endpoint is a
 * sink of its own, with its own consumer group, so one endpoint being down never holds back another.
 *
 * @param name   distinguishes endpoints: the consumer group is {@code sitrep-sink-<name>}
 * @param secret HMAC-SHA256 key for {@code X-Sitrep-Signature}; null sends no signature
 */
public record WebhookSettings(String name, URI url, WebhookFormat format, String secret) {
    public WebhookSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("webhook.url must be an http(s) URL, not '" + url + "'");
        }
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("webhook name must be lower-case letters, digits and '-', not '" + name + "'");
        }
        if (secret != null && secret.isBlank()) secret = null;
    }

    /** From the {@code webhook.*} keys: {@code url} (required), {@code format} (json), {@code secret}, {@code name} (webhook). */
    public static WebhookSettings fromConfig(Map<String, String> config) {
        String url = config.get("webhook.url");
        if (url == null || url.isBlank()) throw new IllegalArgumentException("webhook.url is not set");
        return new WebhookSettings(config.getOrDefault("webhook.name", "webhook"), URI.create(url.trim()),
                WebhookFormat.parse(config.getOrDefault("webhook.format", "json")), config.get("webhook.secret"));
    }

    public DeliverySettings delivery() {
        return DeliverySettings.forSink(name);
    }
}
