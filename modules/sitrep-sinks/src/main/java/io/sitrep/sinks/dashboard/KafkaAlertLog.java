package io.sitrep.sinks.dashboard;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.topic.Topics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sitrep.alerts read by one tail consumer (read_committed, every partition assigned, no consumer group: the feed
 * owns its positions) that fans records out to the connected clients, plus short-lived consumers that re-read a
 * stretch for a client that resumes or catches up. The partitions are those of the topic at start.
 */
final class KafkaAlertLog implements AlertLog {
    private static final Logger log = LoggerFactory.getLogger(KafkaAlertLog.class);
    private static final String TOPIC = Topics.ALERTS.name();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long SAMPLE_EVERY_MS = 1_000;
    private static final int SAMPLES_KEPT = 120;
    private static final long READY_TIMEOUT_S = 30;

    private final String bootstrapServers;
    private final Deserializer<Alert> values = Topics.ALERTS.valueSerde().deserializer();
    private final List<Consumer<LogRecord>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final Deque<Sample> samples = new ArrayDeque<>(); // guarded by lock
    private StreamPosition position; // guarded by lock
    private volatile List<TopicPartition> partitions = List.of();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final KafkaConsumer<byte[], byte[]> tailConsumer;
    private final Thread tail;
    private volatile boolean closed;

    private record Sample(long atMillis, StreamPosition position) {}

    KafkaAlertLog(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.tailConsumer = consumer("sitrep-dashboard-tail");
        this.tail = new Thread(this::runTail, "sitrep-dashboard-alert-tail");
        tail.setDaemon(true);
        tail.start();
    }

    private KafkaConsumer<byte[], byte[]> consumer(String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a resume point compacted or deleted away starts at the oldest record still there
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private void runTail() {
        try (KafkaConsumer<byte[], byte[]> c = tailConsumer) {
            List<TopicPartition> parts = awaitPartitions(c);
            if (parts.isEmpty()) return;
            c.assign(parts);
            c.seekToEnd(parts);
            StreamPosition start = positions(c, parts);
            synchronized (lock) {
                position = start;
                sample();
            }
            partitions = parts;
            ready.countDown();
            log.info("dashboard feed tails {} ({} partitions) from {}", TOPIC, parts.size(), start);
            while (!closed) {
                ConsumerRecords<byte[], byte[]> records = c.poll(POLL);
                StreamPosition reached = positions(c, parts);
                synchronized (lock) {
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        LogRecord rec = decode(r);
                        position = position.after(rec.partition(), rec.offset());
                        for (Consumer<LogRecord> l : listeners) l.accept(rec);
                    }
                    // transaction markers and aborted records move the position without a record
                    position = furthest(position, reached);
                    sample();
                }
            }
        } catch (WakeupException e) {
            if (!closed) log.error("dashboard feed tail woken up unexpectedly", e);
        } catch (RuntimeException e) {
            log.error("dashboard feed tail failed; the live feed stops", e);
        } finally {
            ready.countDown();
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<byte[], byte[]> c) {
        while (!closed) {
            List<org.apache.kafka.common.PartitionInfo> infos;
            try {
                infos = c.partitionsFor(TOPIC, Duration.ofSeconds(10));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                log.warn("no answer from Kafka at {} about {}; retrying", bootstrapServers, TOPIC);
                continue;
            }
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(TOPIC, i.partition()))
                        .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
            }
            log.info("waiting for topic {} to exist", TOPIC);
        }
        return List.of();
    }

    private static StreamPosition positions(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> parts) {
        Map<Integer, Long> m = new TreeMap<>();
        for (TopicPartition tp : parts) m.put(tp.partition(), c.position(tp));
        return new StreamPosition(m);
    }

    private static StreamPosition furthest(StreamPosition a, StreamPosition b) {
        Map<Integer, Long> m = new TreeMap<>(a.next());
        b.next().forEach((p, o) -> m.merge(p, o, Math::max));
        return new StreamPosition(m);
    }

    private LogRecord decode(ConsumerRecord<byte[], byte[]> r) {
        Alert alert = null;
        if (r.value() != null) {
            try {
                alert = values.deserialize(r.topic(), r.value());
            } catch (RuntimeException e) {
                log.warn("skipping undecodable alert at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        return new LogRecord(r.partition(), r.offset(), alert);
    }

    private void sample() {
        long now = System.currentTimeMillis();
        Sample last = samples.peekLast();
        if (last != null && now - last.atMillis() < SAMPLE_EVERY_MS) return;
        samples.addLast(new Sample(now, position));
        while (samples.size() > SAMPLES_KEPT) samples.removeFirst();
    }

    private void awaitReady() {
        try {
            if (!ready.await(READY_TIMEOUT_S, TimeUnit.SECONDS) || position() == null) {
                throw new IllegalStateException("the alerts topic " + TOPIC + " is not reachable at " + bootstrapServers);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the alerts topic", e);
        }
    }

    private StreamPosition position() {
        synchronized (lock) {
            return position;
        }
    }

    @Override
    public Subscription subscribe(Consumer<LogRecord> listener) {
        awaitReady();
        StreamPosition start;
        synchronized (lock) {
            listeners.add(listener);
            start = position;
        }
        return new Subscription() {
            @Override public StreamPosition start() { return start; }
            @Override public void close() { listeners.remove(listener); }
        };
    }

    @Override
    public void read(StreamPosition from, StreamPosition until, Consumer<LogRecord> sink, BooleanSupplier stop) {
        awaitReady();
        List<TopicPartition> parts = partitions.stream().filter(tp -> from.next(tp.partition()) < until.next(tp.partition())).toList();
        if (parts.isEmpty()) return;
        try (KafkaConsumer<byte[], byte[]> c = consumer("sitrep-dashboard-catch-up")) {
            c.assign(parts);
            for (TopicPartition tp : parts) c.seek(tp, from.next(tp.partition()));
            while (!stop.getAsBoolean() && !closed
                    && parts.stream().anyMatch(tp -> c.position(tp) < until.next(tp.partition()))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                    if (r.offset() < until.next(r.partition())) sink.accept(decode(r));
                }
            }
        }
    }

    @Override
    public StreamPosition positionAgo(Duration ago) {
        awaitReady();
        long cutoff = System.currentTimeMillis() - ago.toMillis();
        synchronized (lock) {
            StreamPosition found = samples.peekFirst().position();
            for (Sample s : samples) {
                if (s.atMillis() <= cutoff) found = s.position();
            }
            return found;
        }
    }

    @Override
    public void close() {
        closed = true;
        tailConsumer.wakeup();
        try {
            tail.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
