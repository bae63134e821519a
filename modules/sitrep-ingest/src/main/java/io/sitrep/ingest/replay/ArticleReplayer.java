package io.sitrep.ingest.replay;

import io.sitrep.model.avro.Article;
import io.sitrep.model.topic.Topic;
import io.sitrep.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to {@code sitrep.articles.raw} in event-time order: record timestamp = publication time,
 * key = article id, idempotent producer with {@code acks=all}. Replaying twice publishes the same keys again;
 * the topologies recognise articles they have already counted.
 */
public final class ArticleReplayer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArticleReplayer.class);
    private static final Topic<String, Article> TOPIC = Topics.ARTICLES_RAW;

    private final KafkaProducer<String, Article> producer;

    public ArticleReplayer(String bootstrapServers, String clientId) {
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers, clientId),
                TOPIC.keySerde().serializer(), TOPIC.valueSerde().serializer());
    }

    public static Properties producerConfig(String bootstrapServers, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return p;
    }

    /** Publishes all articles, waiting between them as the speed says; returns how many were published. */
    public int replay(List<Article> articles, ReplaySpeed speed, BooleanSupplier stopRequested) throws InterruptedException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Instant previous = null;
        int sent = 0;
        for (Article a : articles) {
            if (stopRequested.getAsBoolean()) break;
            if (previous != null) {
                Duration wait = speed.wait(Duration.between(previous, a.getPublishedAt()));
                if (!wait.isZero()) {
                    producer.flush();
                    Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
                }
            }
            previous = a.getPublishedAt();
            producer.send(new ProducerRecord<>(TOPIC.name(), null, a.getPublishedAt().toEpochMilli(), a.getId(), a),
                    (md, e) -> {
                        if (e != null) {
                            log.error("replay: article {} not published: {}", a.getId(), e.toString());
                            failure.compareAndSet(null, e);
                        }
                    });
            sent++;
        }
        producer.flush();
        Exception e = failure.get();
        if (e != null) throw new IllegalStateException("replay failed: " + e.getMessage(), e);
        log.info("replay: published {} articles to {} at speed {}", sent, TOPIC.name(), speed);
        return sent;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
