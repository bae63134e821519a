package io.sitrep.sinks.webhook;

import io.sitrep.sinks.delivery.AlertDelivery;
import io.sitrep.sinks.delivery.DeliverySettings;
import java.time.Clock;

/** Entry point: a webhook sink consuming sitrep.alerts in group {@code sitrep-sink-<name>}. */
public final class WebhookSink {
    private WebhookSink() {}

    public static AlertDelivery start(String bootstrapServers, WebhookSettings settings) {
        return start(bootstrapServers, settings, settings.delivery());
    }

    public static AlertDelivery start(String bootstrapServers, WebhookSettings settings, DeliverySettings delivery) {
        return AlertDelivery.start(bootstrapServers, new WebhookTarget(settings, Clock.systemUTC()), delivery);
    }
}
