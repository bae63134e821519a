package io.sitrep.app.run;

import io.sitrep.ingest.replay.ArticleReplayer;
import io.sitrep.model.avro.AlertAction;
import io.sitrep.model.avro.Silence;
import io.sitrep.model.command.CommandPublisher;
import io.sitrep.model.topic.Topics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Operator commands to their topics with an idempotent, acks=all producer; each call waits for the write. */
final class KafkaCommandPublisher implements CommandPublisher, AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    KafkaCommandPublisher(String bootstrapServers, String clientId) {
        this.producer = new KafkaProducer<>(ArticleReplayer.producerConfig(bootstrapServers, clientId),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void publish(AlertAction action) {
        send(Topics.ALERT_ACTIONS.name(), action.getAlertId(),
                Topics.ALERT_ACTIONS.valueSerde().serializer().serialize(Topics.ALERT_ACTIONS.name(), action));
    }

    @Override
    public void publish(Silence silence) {
        send(Topics.SILENCES.name(), silence.getId(),
                Topics.SILENCES.valueSerde().serializer().serialize(Topics.SILENCES.name(), silence));
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
