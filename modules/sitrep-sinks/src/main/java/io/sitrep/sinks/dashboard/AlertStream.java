package io.sitrep.sinks.dashboard;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.query.AlertFilter;
import io.sitrep.model.query.AlertQueries;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one SSE client receives: either a snapshot of the current alerts, or the records after its Last-Event-ID;
 * then every live record. Each record is sent at most once and none is skipped: a per-partition cursor decides,
 * and it is the id of every event.
 *
 * <p>Live records wait in a bounded queue; a client too slow to drain it is disconnected, and its EventSource
 * reconnects with its Last-Event-ID and catches up from Kafka. Memory per client is bounded by the queue.
 */
final class AlertStream {
    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);
    private static final Duration WAKE_UP = Duration.ofMillis(250);

    /** Where events go. Snapshot alerts carry no id: a connection lost mid-snapshot starts over with a new one. */
    interface Sink {
        void alert(Alert alert, String id);

        /** The initial load is done (snapshot or catch-up): later alerts are news. */
        void ready(int snapshotSize, String id);

        void keepAlive();

        boolean open();
    }

    /**
     * @param snapshotOverlap how far back before the snapshot the stream replays, so a query store a little behind
     *                        the tail opens no gap (the page keeps the newest version of each alert)
     */
    record Settings(int queueCapacity, Duration keepAlive, Duration snapshotOverlap, int snapshotLimit) {
        static Settings defaults() {
            return new Settings(1_000, Duration.ofSeconds(15), Duration.ofSeconds(10), 2_000);
        }
    }

    private final AlertLog alertLog;
    private final AlertQueries queries;
    private final Settings settings;
    private final Sink sink;
    private StreamPosition cursor;

    AlertStream(AlertLog alertLog, AlertQueries queries, Settings settings, Sink sink) {
        this.alertLog = alertLog;
        this.queries = queries;
        this.settings = settings;
        this.sink = sink;
    }

    /** Streams until the client goes away, the feed closes or the client falls too far behind. */
    void run(Optional<StreamPosition> lastEventId, BooleanSupplier closing) throws InterruptedException {
        BlockingQueue<LogRecord> live = new ArrayBlockingQueue<>(settings.queueCapacity());
        AtomicBoolean overflow = new AtomicBoolean();
        BooleanSupplier stop = () -> closing.getAsBoolean() || !sink.open();
        try (AlertLog.Subscription sub = alertLog.subscribe(r -> {
            if (!live.offer(r)) overflow.set(true);
        })) {
            StreamPosition start = sub.start();
            Optional<StreamPosition> resume = lastEventId.filter(p -> p.notAfter(start));
            if (lastEventId.isPresent() && resume.isEmpty()) {
                log.info("Last-Event-ID {} is ahead of the alerts topic ({}): it was reset; sending a snapshot",
                        lastEventId.get(), start);
            }
            int snapshot = 0;
            if (resume.isPresent()) {
                cursor = resume.get();
            } else {
                cursor = alertLog.positionAgo(settings.snapshotOverlap());
                List<Alert> current = snapshot();
                if (current == null) {
                    cursor = StreamPosition.start(); // no query state yet: the topic itself is the snapshot
                } else {
                    snapshot = current.size();
                    for (int i = current.size() - 1; i >= 0 && !stop.getAsBoolean(); i--) sink.alert(current.get(i), null);
                }
            }
            alertLog.read(cursor, start, this::emit, stop);
            if (stop.getAsBoolean()) return;
            sink.ready(snapshot, cursor.encode());
            long lastSent = System.nanoTime();
            while (!stop.getAsBoolean()) {
                // short polls so a closing feed or a gone client is noticed quickly
                LogRecord r = live.poll(WAKE_UP.toMillis(), TimeUnit.MILLISECONDS);
                if (overflow.get()) {
                    log.info("SSE client fell {} records behind; disconnecting it to resume from {}",
                            settings.queueCapacity(), cursor);
                    return;
                }
                if (r != null) {
                    emit(r);
                    lastSent = System.nanoTime();
                } else if (System.nanoTime() - lastSent >= settings.keepAlive().toNanos()) {
                    sink.keepAlive();
                    lastSent = System.nanoTime();
                }
            }
        }
    }

    private List<Alert> snapshot() {
        try {
            return queries.alerts(new AlertFilter(Set.of(), Set.of(), null, null, settings.snapshotLimit()));
        } catch (AlertQueries.NotReadyException e) {
            log.info("alert queries not ready ({}); the stream starts from the beginning of the topic", e.getMessage());
            return null;
        }
    }

    private void emit(LogRecord r) {
        if (cursor.covers(r.partition(), r.offset())) return;
        cursor = cursor.after(r.partition(), r.offset());
        if (r.alert() != null) sink.alert(r.alert(), cursor.encode());
    }

    StreamPosition cursor() {
        return cursor;
    }
}
