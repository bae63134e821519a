package io.sitrep.sinks.delivery;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery engine every push sink shares. One thread consumes sitrep.alerts in the sink's own consumer group
 * (read_committed, no auto-commit) and hands each record, in partition order, to the {@link AlertTarget}; the
 * record's offset is committed only once the target took it (or it was dead-lettered, or deliberately not
 * notified). While the target is down the same record is retried with capped exponential backoff, the partitions
 * paused so the group membership stays alive; nothing behind it is delivered first and nothing is skipped. A
 * restart resumes from the committed offsets: at-least-once, and exactly once unless a crash falls between a
 * delivery and its commit (the idempotency key lets receivers drop that copy).
 *
 * <p>SILENCED versions are recorded (logged, counted) and committed without a notification. A refusal (4xx other
 * than 408/429) is logged with the alert id and the response and written to {@code sitrep.dlq} with headers saying
 * why, then committed. Tombstones are committed silently.
 */
public final class AlertDelivery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);
    private static final String TOPIC = Topics.ALERTS.name();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long DLQ_TIMEOUT_S = 30;
    /** Header names on dead-lettered records. */
    public static final String H_SINK = "sitrep.sink.name";
    public static final String H_REASON = "sitrep.sink.reason";
    public static final String H_STATUS = "sitrep.sink.http-status";
    public static final String H_RESPONSE = "sitrep.sink.response";
    public static final String H_ALERT_ID = "sitrep.sink.alert-id";
    public static final String H_SOURCE = "sitrep.sink.source";

    private final AlertTarget target;
    private final DeliverySettings settings;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> dlq;
    private final Deserializer<Alert> values = Topics.ALERTS.valueSerde().deserializer();
    private final Thread thread;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong silenced = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean closed;
    /** Set by the rebalance listener (on the consumer thread): the batch in hand may no longer be ours. */
    private boolean rebalanced;

    private AlertDelivery(String bootstrapServers, AlertTarget target, DeliverySettings settings) {
        this.target = target;
        this.settings = settings;
        this.consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers, settings.groupId()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.dlq = new KafkaProducer<>(producerProperties(bootstrapServers, settings.groupId()),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::run, settings.groupId());
    }

    /** Starts delivering to {@code target} on a thread of its own; {@link #close()} stops it and closes the target. */
    public static AlertDelivery start(String bootstrapServers, AlertTarget target, DeliverySettings settings) {
        AlertDelivery d = new AlertDelivery(bootstrapServers, target, settings);
        d.thread.start();
        log.info("sink {} delivers {} in consumer group {}", target.name(), TOPIC, settings.groupId());
        return d;
    }

    public DeliveryStats stats() {
        return new DeliveryStats(delivered.get(), failedAttempts.get(), silenced.get(), deadLettered.get());
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    private static Properties consumerProperties(String bootstrapServers, String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a new sink delivers what the topic still holds: nothing published before its first start is lost
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        return p;
    }

    private static Properties producerProperties(String bootstrapServers, String groupId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, groupId + "-dlq");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return p;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
                @Override public void onPartitionsRevoked(Collection<TopicPartition> partitions) { rebalanced = true; }
                @Override public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    rebalanced = true;
                    log.info("sink {} owns {}", target.name(), partitions);
                }
            });
            while (!closed) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                rebalanced = false;
                if (!records.isEmpty()) handle(records);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("sink {} stopped: {}", target.name(), e.toString(), e);
        } finally {
            closeQuietly();
        }
    }

    /** Handles a batch partition by partition, in order; stops at the first record it cannot finish. */
    private void handle(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        Map<TopicPartition, Long> unhandled = new HashMap<>();
        for (TopicPartition tp : records.partitions()) unhandled.put(tp, records.records(tp).get(0).offset());
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                if (closed || rebalanced || !handle(r)) {
                    rewind(unhandled);
                    return;
                }
                try {
                    consumer.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
                } catch (KafkaException e) {
                    // the group moved on (rebalance): the new owner delivers from the last commit, at least once
                    log.warn("sink {}: commit of {}@{} failed ({}); the record may be delivered again",
                            target.name(), tp, r.offset(), e.toString());
                    unhandled.put(tp, r.offset() + 1);
                    rewind(unhandled);
                    return;
                }
                unhandled.put(tp, r.offset() + 1);
            }
        }
    }

    /** Sets every partition still ours back to its first record not handled, so the next poll starts there. */
    private void rewind(Map<TopicPartition, Long> unhandled) {
        unhandled.forEach((tp, offset) -> {
            if (consumer.assignment().contains(tp)) consumer.seek(tp, offset);
        });
    }

    /** @return true once the record is done with (delivered, dead-lettered, or not to notify); false if abandoned */
    private boolean handle(ConsumerRecord<byte[], byte[]> r) throws InterruptedException {
        if (r.value() == null) return true; // a tombstone: nothing to notify
        Alert alert;
        try {
            alert = values.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            log.error("sink {}: undecodable alert at {}-{}@{}: {}", target.name(), r.topic(), r.partition(), r.offset(),
                    e.toString());
            return deadLetter(r, "UNDECODABLE", null, e.toString(), null);
        }
        if (alert.getStatus() == AlertStatus.SILENCED) {
            silenced.incrementAndGet();
            log.info("sink {}: {} v{} is silenced until {}: recorded, not notified", target.name(), alert.getId(),
                    alert.getVersion(), alert.getSilencedUntil());
            return true;
        }
        Notification n = Notification.of(alert);
        for (int attempt = 1; ; attempt++) {
            Delivery d;
            try {
                d = target.deliver(n);
            } catch (RuntimeException e) {
                d = new Delivery.Retry(e.toString());
            }
            if (d instanceof Delivery.Delivered) {
                delivered.incrementAndGet();
                log.debug("sink {}: delivered {} ({})", target.name(), n.idempotencyKey(), n.event());
                return true;
            }
            if (d instanceof Delivery.Rejected rejected) {
                log.error("sink {}: target refused {} with HTTP {}: {}; written to {}", target.name(),
                        n.idempotencyKey(), rejected.status(), rejected.response(), Topics.DLQ.name());
                return deadLetter(r, "REJECTED", rejected.status(), rejected.response(), alert.getId());
            } else if (d instanceof Delivery.Retry retry) {
                failedAttempts.incrementAndGet();
                Duration wait = settings.backoff().delay(attempt);
                if (attempt == 1 || attempt % 10 == 0) {
                    log.warn("sink {}: {} not delivered (attempt {}): {}; retrying in {} ms", target.name(),
                            n.idempotencyKey(), attempt, retry.reason(), wait.toMillis());
                }
                if (!waitKeepingMembership(wait, new TopicPartition(r.topic(), r.partition()))) return false;
            }
        }
    }

    /**
     * Waits with every partition paused, polling so the group keeps us. Records a newly assigned partition yields
     * meanwhile are put back. @return false if the wait ended because of shutdown or the partition in hand is lost
     */
    private boolean waitKeepingMembership(Duration wait, TopicPartition inHand) {
        long until = System.nanoTime() + wait.toNanos();
        consumer.pause(consumer.assignment());
        try {
            while (!closed) {
                long left = until - System.nanoTime();
                if (left <= 0) break;
                ConsumerRecords<byte[], byte[]> extra = consumer.poll(Duration.ofNanos(Math.min(left, POLL.toNanos())));
                for (TopicPartition tp : extra.partitions()) consumer.seek(tp, extra.records(tp).get(0).offset());
                consumer.pause(consumer.assignment());
                if (!consumer.assignment().contains(inHand)) return false;
            }
        } finally {
            consumer.resume(consumer.paused());
        }
        return !closed;
    }

    /** Writes the record to the DLQ, retrying with backoff until Kafka takes it. @return false if abandoned */
    private boolean deadLetter(ConsumerRecord<byte[], byte[]> r, String reason, Integer status, String response,
                               String alertId) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : r.headers()) headers.add(h);
        headers.add(H_SINK, bytes(target.name()));
        headers.add(H_REASON, bytes(reason));
        if (status != null) headers.add(H_STATUS, bytes(String.valueOf(status)));
        if (response != null) headers.add(H_RESPONSE, bytes(response));
        if (alertId != null) headers.add(H_ALERT_ID, bytes(alertId));
        headers.add(H_SOURCE, bytes(r.topic() + "-" + r.partition() + "@" + r.offset()));
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(Topics.DLQ.name(), null, r.key(), r.value(), headers);
        for (int attempt = 1; ; attempt++) {
            try {
                dlq.send(out).get(DLQ_TIMEOUT_S, TimeUnit.SECONDS);
                deadLettered.incrementAndGet();
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                // recorded nowhere yet: the record stays uncommitted until the DLQ takes it
                log.error("sink {}: could not write {}-{}@{} to {}: {}", target.name(), r.topic(), r.partition(),
                        r.offset(), Topics.DLQ.name(), e.toString());
                failedAttempts.incrementAndGet();
                if (!waitKeepingMembership(settings.backoff().delay(attempt), new TopicPartition(r.topic(), r.partition()))) {
                    return false;
                }
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Stops after the attempt in flight (a delivered record is still committed); closes the target. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) log.warn("sink {} did not stop within 30 s", target.name());
    }

    private void closeQuietly() {
        try {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            log.warn("sink {}: closing the consumer: {}", target.name(), e.toString());
        }
        try {
            dlq.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.warn("sink {}: closing the DLQ producer: {}", target.name(), e.toString());
        }
        try {
            target.close();
        } catch (Exception e) {
            log.warn("sink {}: closing the target: {}", target.name(), e.toString());
        }
        log.info("sink {} stopped ({})", target.name(), stats());
    }
}
