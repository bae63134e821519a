package io.sitrep.sinks.dashboard;

import io.sitrep.model.avro.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** An alerts topic in memory: partitions of records, a live tail, and a settable "position some time ago". */
final class InMemoryAlertLog implements AlertLog {
    private final List<List<LogRecord>> partitions = new ArrayList<>();
    private final List<Consumer<LogRecord>> listeners = new CopyOnWriteArrayList<>();
    private StreamPosition ago = StreamPosition.start();
    boolean closed;

    InMemoryAlertLog(int partitions) {
        for (int i = 0; i < partitions; i++) this.partitions.add(new ArrayList<>());
    }

    synchronized LogRecord append(int partition, Alert alert) {
        List<LogRecord> p = partitions.get(partition);
        LogRecord r = new LogRecord(partition, p.size(), alert);
        p.add(r);
        listeners.forEach(l -> l.accept(r));
        return r;
    }

    synchronized StreamPosition end() {
        Map<Integer, Long> m = new TreeMap<>();
        for (int i = 0; i < partitions.size(); i++) m.put(i, (long) partitions.get(i).size());
        return new StreamPosition(m);
    }

    /** Marks the current end as the position {@link #positionAgo} answers. */
    synchronized void markAgo() {
        ago = end();
    }

    @Override
    public synchronized Subscription subscribe(Consumer<LogRecord> listener) {
        listeners.add(listener);
        StreamPosition start = end();
        return new Subscription() {
            @Override public StreamPosition start() { return start; }
            @Override public void close() { listeners.remove(listener); }
        };
    }

    @Override
    public void read(StreamPosition from, StreamPosition until, Consumer<LogRecord> sink, BooleanSupplier stop) {
        List<LogRecord> out = new ArrayList<>();
        synchronized (this) {
            for (int p = 0; p < partitions.size(); p++) {
                for (LogRecord r : partitions.get(p)) {
                    if (r.offset() >= from.next(p) && r.offset() < until.next(p)) out.add(r);
                }
            }
        }
        out.forEach(sink);
    }

    @Override
    public synchronized StreamPosition positionAgo(Duration d) {
        return ago;
    }

    @Override
    public void close() {
        closed = true;
    }
}
