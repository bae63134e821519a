package io.sitrep.sinks.alertmanager;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.json.AvroJson;
import io.sitrep.sinks.delivery.AlertTarget;
import io.sitrep.sinks.delivery.Delivery;
import io.sitrep.sinks.delivery.HttpSender;
import io.sitrep.sinks.delivery.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POSTs each alert version to Alertmanager's {@code /api/v2/alerts}. Alertmanager identifies an alert by its
 * label set, so when a new version changes a label (severity, place) the label set sent before is ended in the
 * same request. What was sent is remembered for the process's lifetime only: after a restart a stale label set
 * ends at its own {@code endsAt}.
 */
public final class AlertmanagerTarget implements AlertTarget {
    private static final int REMEMBERED = 10_000;

    private final AlertmanagerSettings settings;
    private final Clock clock;
    private final HttpSender http = new HttpSender();
    private final Map<String, Map<String, String>> lastLabels = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> e) {
                    return size() > REMEMBERED;
                }
            });

    public AlertmanagerTarget(AlertmanagerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public Delivery deliver(Notification n) throws InterruptedException {
        Alert a = n.alert();
        Instant now = clock.instant();
        Map<String, String> labels = AlertmanagerPayload.labels(a);
        List<ObjectNode> body = new ArrayList<>();
        Map<String, String> before = lastLabels.get(a.getId());
        if (before != null && !before.equals(labels)) body.add(AlertmanagerPayload.ended(before, a.getFirstSeen(), now));
        body.add(AlertmanagerPayload.alert(a, settings, now));
        byte[] json = AvroJson.write(AlertmanagerPayload.array(body)).getBytes(StandardCharsets.UTF_8);
        Delivery d = http.post(settings.alertsEndpoint(), json, "application/json",
                Map.of("X-Sitrep-Idempotency-Key", n.idempotencyKey()));
        if (d instanceof Delivery.Delivered) lastLabels.put(a.getId(), labels);
        return d;
    }
}
