package io.sitrep.sinks.alertmanager;

import io.sitrep.sinks.delivery.AlertDelivery;
import io.sitrep.sinks.delivery.DeliverySettings;
import java.net.URI;
import java.time.Clock;

/** Entry point: the Alertmanager sink, consuming sitrep.alerts in group {@code sitrep-sink-alertmanager}. */
public final class AlertmanagerSink {
    private AlertmanagerSink() {}

    public static AlertDelivery start(String bootstrapServers, URI alertmanagerUrl) {
        return start(bootstrapServers, AlertmanagerSettings.of(alertmanagerUrl), AlertmanagerSettings.delivery());
    }

    public static AlertDelivery start(String bootstrapServers, AlertmanagerSettings settings, DeliverySettings delivery) {
        return AlertDelivery.start(bootstrapServers, new AlertmanagerTarget(settings, Clock.systemUTC()), delivery);
    }
}
