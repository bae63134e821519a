package io.sitrep.streams.rules;

import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.RuleStatus;
import io.sitrep.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What {@code sitrep rules apply|list|delete} does, usable from tests and other tools: publish a rule (validated
 * here first, so an operator sees the reason at once), delete one with a tombstone, read the verdicts.
 */
public final class RuleClient implements AutoCloseable {
    private final String bootstrapServers;
    private final RuleCompiler compiler;
    private final KafkaProducer<String, Rule> producer;

    public RuleClient(String bootstrapServers, String clientId) {
        this(bootstrapServers, clientId, RuleCompiler.standard());
    }

    RuleClient(String bootstrapServers, String clientId, RuleCompiler compiler) {
        this.bootstrapServers = bootstrapServers;
        this.compiler = compiler;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        producer = new KafkaProducer<>(p, Topics.RULES.keySerde().serializer(), Topics.RULES.valueSerde().serializer());
    }

    /** Where a published rule landed, to wait for its verdict from. */
    public record Submitted(String ruleId, int partition, long offset, Instant at) {}

    /**
     * Validates the rule and publishes it to sitrep.rules, stamped with {@code updatedAt} (and the author, when it
     * has none). @throws InvalidRuleException with every problem, before anything is published
     */
    public Submitted apply(Rule rule, String author) {
        compiler.compile(rule);
        Instant now = Instant.now();
        Rule stamped = Rule.newBuilder(rule)
                .setUpdatedAt(rule.getUpdatedAt() == null ? now : rule.getUpdatedAt())
                .setAuthor(rule.getAuthor() == null ? author : rule.getAuthor())
                .build();
        var meta = send(new ProducerRecord<>(Topics.RULES.name(), stamped.getId(), stamped));
        return new Submitted(stamped.getId(), meta.partition(), meta.offset(), now);
    }

    /** Publishes a tombstone: the rule stops applying and leaves {@code rules list}. */
    public void delete(String ruleId) {
        if (ruleId == null || !RuleCompiler.ID.matcher(ruleId).matches()) {
            throw new IllegalArgumentException("bad rule id '" + ruleId + "'");
        }
        send(new ProducerRecord<>(Topics.RULES.name(), ruleId, null));
    }

    private RecordMetadata send(ProducerRecord<String, Rule> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + Topics.RULES.name() + " at " + bootstrapServers + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from Kafka at " + bootstrapServers + " within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The verdict on a rule submitted at or after {@code since}, waiting up to {@code timeout}; empty if none came. */
    public Optional<RuleStatus> awaitVerdict(String ruleId, Instant since, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        do {
            RuleStatus s = list().get(ruleId);
            if (s != null && !s.getAt().isBefore(since.minusSeconds(1))) return Optional.of(s);
            sleepQuietly();
        } while (Instant.now().isBefore(deadline));
        return Optional.empty();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The latest verdict per rule id (deleted rules absent), read from sitrep.rules-status to its end. */
    public Map<String, RuleStatus> list() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, RuleStatus> latest = new HashMap<>();
        try (KafkaConsumer<String, RuleStatus> c = new KafkaConsumer<>(p, Topics.RULES_STATUS.keySerde().deserializer(),
                Topics.RULES_STATUS.valueSerde().deserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            c.partitionsFor(Topics.RULES_STATUS.name(), Duration.ofSeconds(30))
                    .forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, RuleStatus> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) latest.remove(r.key());
                    else latest.put(r.key(), r.value());
                }
            }
        }
        return new TreeMap<>(latest);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
