package io.sitrep.app.sinks;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.topic.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Alerts for the sink tests, and a transactional producer of them to sitrep.alerts. */
final class TestAlerts implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-01-21T21:57:28Z");

    private final KafkaProducer<String, Alert> producer;

    TestAlerts(String bootstrapServers, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        producer = new KafkaProducer<>(p, new StringSerializer(), Topics.ALERTS.valueSerde().serializer());
        producer.initTransactions();
    }

    static Alert alert(String id, int version, AlertStatus status, Severity severity) {
        Instant first = T0;
        Instant last = T0.plusSeconds(60L * version);
        return Alert.newBuilder().setId(id).setType("ARMED_CLASH").setSeverity(severity).setStatus(status)
                .setHeadline("Armed clash — Al-Hasakah: fighting near <Ghweiran> & the prison (" + id + ")")
                .setSummary("Clashes broke out near the prison.")
                .setPlace(Place.newBuilder().setId("geonames:173814").setName("Al-Hasakah").setLat(36.50237)
                        .setLon(40.74772).setAdmin1("Al-Hasakah").setCountry("SY").setKind("city").build())
                .setActors(List.of("sdf", "isis")).setEvidence(List.of("Clashes broke out near the prison."))
                .setIndependentOutlets(2).setFirstSeen(first).setLastSeen(last).setVersion(version)
                .setResolvedAt(status == AlertStatus.RESOLVED ? last : null)
                .setSilencedUntil(status == AlertStatus.SILENCED ? last.plusSeconds(3600) : null)
                .build();
    }

    static Alert alert(String id, int version) {
        return alert(id, version, AlertStatus.OPEN, Severity.HIGH);
    }

    /** Publishes the alerts in one committed transaction. */
    void publish(List<Alert> alerts) {
        producer.beginTransaction();
        for (Alert a : alerts) producer.send(new ProducerRecord<>(Topics.ALERTS.name(), a.getId(), a));
        producer.commitTransaction();
    }

    /** Publishes the alerts in a transaction that is then aborted: read_committed consumers never see them. */
    void publishAborted(List<Alert> alerts) {
        producer.beginTransaction();
        for (Alert a : alerts) producer.send(new ProducerRecord<>(Topics.ALERTS.name(), a.getId(), a));
        producer.flush();
        producer.abortTransaction();
    }

    @Override
    public void close() {
        producer.close();
    }
}
