package io.sitrep.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitrep.app.config.SitrepConfig;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.topic.Topic;
import io.sitrep.model.topic.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints a topic's records as JSON lines on stdout; nothing else goes to stdout. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print a topic's records as JSON lines (values as JSON; DLQ records with key, headers and bytes).")
public final class TailCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TOPIC", description = "e.g. sitrep.alerts; one of: ${COMPLETION-CANDIDATES}",
            completionCandidates = TopicNames.class)
    String topic;

    @Option(names = "--bootstrap-servers", paramLabel = "S",
            description = "Kafka bootstrap servers (default: $SITREP_BOOTSTRAP_SERVERS or 127.0.0.1:9092)")
    String bootstrapServers;

    @Option(names = "--from-beginning", description = "start at the earliest record instead of the end")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "stop after N records")
    Integer max;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "stop after SECONDS without reaching --max")
    Integer timeoutSeconds;

    static final class TopicNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Topics.ALL.stream().map(Topic::name).iterator();
        }
    }

    @Override
    public Integer call() {
        Topic<?, ?> t = Topics.byName(topic).orElseThrow(() -> new IllegalArgumentException(
                "unknown topic " + topic + "; known: " + Topics.ALL.stream().map(Topic::name).toList()));
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, CliDefaults.bootstrap(bootstrapServers));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sitrep-tail");
        PrintStream out = System.out;
        Instant deadline = timeoutSeconds == null ? Instant.MAX : Instant.now().plusSeconds(timeoutSeconds);
        int printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(t.name(), Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            if (parts.isEmpty()) throw new IllegalStateException("topic " + t.name() + " does not exist");
            consumer.assign(parts);
            if (fromBeginning) consumer.seekToBeginning(parts); else consumer.seekToEnd(parts);
            while ((max == null || printed < max) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.println(render(t, r));
                    out.flush();
                    if (max != null && ++printed >= max) break;
                }
            }
        }
        return 0;
    }

    static String render(Topic<?, ?> t, ConsumerRecord<byte[], byte[]> r) {
        if (r.value() != null && !t.equals(Topics.DLQ)) {
            Object v = t.valueSerde().deserializer().deserialize(t.name(), r.value());
            if (v instanceof IndexedRecord rec) return AvroJson.toJson(rec);
        }
        ObjectNode n = AvroJson.MAPPER.createObjectNode();
        n.put("topic", r.topic()).put("partition", r.partition()).put("offset", r.offset());
        n.put("key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
        ObjectNode headers = n.putObject("headers");
        for (Header h : r.headers()) {
            if (!h.key().endsWith(".stacktrace")) headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        n.put("value", r.value() == null ? null : Base64.getEncoder().encodeToString(r.value()));
        return AvroJson.write(n);
    }
}
