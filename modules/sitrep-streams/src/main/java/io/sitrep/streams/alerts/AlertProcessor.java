package io.sitrep.streams.alerts;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.Event;
import io.sitrep.model.avro.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by event type: places each alert-raising event of a segment into a story and emits the story and
 * its alert when something changed. A segment already counted changes nothing, so a replay raises nothing twice.
 */
final class AlertProcessor extends ContextualProcessor<String, EnrichedArticle, String, SpecificRecordBase> {
    private static final Logger log = LoggerFactory.getLogger(AlertProcessor.class);

    private final StoryBook book;
    private final AlertSettings settings;
    private KeyValueStore<String, Story> stories;
    private KeyValueStore<String, Alert> alerts;
    private ReadOnlyKeyValueStore<String, ?> silences;
    /** Reports' event time at the last quiet-period check (not stream time: operators' actions carry wall-clock time). */
    private long lastResolveCheck = Long.MIN_VALUE;
    /** The latest report of this task's alerts (event time): what "late" is measured against. Not kept in a store:
     *  it is the greatest {@code lastSeen} in the alerts store, read back at init (after restoration). */
    private long latestSeen;

    AlertProcessor(AlertSettings settings) {
        this.book = new StoryBook(settings);
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecordBase> context) {
        super.init(context);
        stories = context.getStateStore(AlertsTopology.STORIES_STORE);
        alerts = context.getStateStore(AlertsTopology.ALERTS_STORE);
        silences = context.getStateStore(AlertsTopology.SILENCES_GLOBAL_STORE);
        latestSeen = latestLastSeen();
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        placeReports(record);
        // an alert with no new report for the quiet period (in reports' event time) is over
        if (record.timestamp() - settings.resolveCheckInterval().toMillis() >= lastResolveCheck) {
            lastResolveCheck = record.timestamp();
            resolveQuietAlerts(record.timestamp());
        }
    }

    private void placeReports(Record<String, EnrichedArticle> record) {
        String type = record.key();
        for (Event event : record.value().getEvents()) {
            if (!event.getRaisesAlert() || !event.getType().equals(type)) continue;
            IncomingReport in = IncomingReport.of(record.value(), event);
            StoryBook.Decision d = book.place(in, storiesOf(type));
            Story story = d.updated();
            if (story == null) {
                log.debug("segment {} already counted in a {} story", record.value().getId(), type);
                continue;
            }
            stories.put(storyKey(story), story);
            Alert previous = alerts.get(story.getId());
            Alert built = AlertBuilder.build(story, previous);
            context().forward(record.withKey(story.getId()).withValue(story));
            if (AlertBuilder.differs(previous, built)) {
                Instant at = Instant.ofEpochMilli(record.timestamp());
                emit(AlertLifecycle.onReport(built, previous, at, Instant.ofEpochMilli(latestSeen), settings.quietPeriod(),
                        AlertRecords.activeSilences(silences, at)), record.timestamp());
            }
        }
    }

    private void emit(Alert next, long timestamp) {
        alerts.put(next.getId(), next);
        latestSeen = Math.max(latestSeen, next.getLastSeen().toEpochMilli());
        context().forward(AlertRecords.record(next, timestamp).withValue((SpecificRecordBase) next));
        log.info("alert {} v{} {} {} {}: {}", next.getId(), next.getVersion(), next.getType(), next.getSeverity(),
                next.getStatus(), next.getChanges());
    }

    private void resolveQuietAlerts(long streamTime) {
        Instant now = Instant.ofEpochMilli(streamTime);
        List<Alert> resolved = new ArrayList<>();
        try (KeyValueIterator<String, Alert> it = alerts.all()) {
            it.forEachRemaining(kv -> AlertLifecycle.resolveIfQuiet(kv.value, now, settings.quietPeriod())
                    .ifPresent(resolved::add));
        }
        resolved.forEach(a -> emit(a, streamTime));
    }

    private long latestLastSeen() {
        long latest = Long.MIN_VALUE;
        try (KeyValueIterator<String, Alert> it = alerts.all()) {
            while (it.hasNext()) latest = Math.max(latest, it.next().value.getLastSeen().toEpochMilli());
        }
        return latest;
    }

    private List<Story> storiesOf(String type) {
        List<Story> out = new ArrayList<>();
        try (KeyValueIterator<String, Story> it = stories.prefixScan(type + "|", new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, Story> kv = it.next();
                out.add(kv.value);
            }
        }
        return out;
    }

    static String storyKey(Story s) {
        return s.getType() + "|" + s.getId();
    }
}
