package io.sitrep.streams.alerts;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertAction;
import io.sitrep.model.avro.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies operator actions (keyed by the alert's type, like the alerts they act on) to the alert store and emits
 * the new version; lifts silences when they expire (wall-clock time).
 */
final class AlertActionProcessor extends ContextualProcessor<String, AlertAction, String, Alert> {
    private static final Logger log = LoggerFactory.getLogger(AlertActionProcessor.class);

    private final AlertSettings settings;
    private KeyValueStore<String, Alert> alerts;

    AlertActionProcessor(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        super.init(context);
        alerts = context.getStateStore(AlertsTopology.ALERTS_STORE);
        context.schedule(settings.silenceCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::expireSilences);
    }

    @Override
    public void process(Record<String, AlertAction> record) {
        AlertAction action = record.value();
        Alert alert = alerts.get(action.getAlertId());
        if (alert == null) {
            // the processing exception handler puts the action on the DLQ with this reason
            throw new IllegalArgumentException("action " + action.getId() + ": no alert " + action.getAlertId());
        }
        AlertLifecycle.apply(alert, action).ifPresentOrElse(next -> {
            alerts.put(next.getId(), next);
            context().forward(AlertRecords.record(next, record.timestamp()));
            log.info("alert {} v{} {} by {} at {}", next.getId(), next.getVersion(), action.getAction(), action.getActor(),
                    action.getAt());
        }, () -> log.info("action {} {} on alert {} ({}) changes nothing", action.getId(), action.getAction(),
                alert.getId(), alert.getStatus()));
    }

    private void expireSilences(long wallClock) {
        Instant now = Instant.ofEpochMilli(wallClock);
        List<Alert> lifted = new ArrayList<>();
        try (KeyValueIterator<String, Alert> it = alerts.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.getStatus() == AlertStatus.SILENCED) AlertLifecycle.expireSilence(kv.value, now).ifPresent(lifted::add);
            });
        }
        for (Alert a : lifted) {
            alerts.put(a.getId(), a);
            context().forward(AlertRecords.record(a, wallClock));
        }
    }
}
