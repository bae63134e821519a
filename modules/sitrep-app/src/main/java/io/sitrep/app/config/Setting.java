package io.sitrep.app.config;

import java.util.Locale;

/**
 * Every knob of {@link SitrepConfig}: its property name (in {@code sitrep.properties} and as the CLI override key),
 * its default and what it does. The environment variable is derived: {@code SITREP_} + the name in upper case with
 * '_' for '.'.
 */
enum Setting {
    BOOTSTRAP_SERVERS("bootstrap.servers", "", "Kafka cluster to use (host:port,...); empty starts the embedded broker"),
    DATA_DIR("data.dir", "./var", "directory for the embedded broker's data, state stores and markers"),
    BROKER_HOST("broker.host", "127.0.0.1", "address the embedded broker listens on"),
    BROKER_PORT("broker.port", "9092", "port the embedded broker listens on (0: any free port)"),
    HTTP_HOST("http.host", "127.0.0.1", "address the HTTP API listens on (0.0.0.0: every interface)"),
    HTTP_PORT("http.port", "8080", "port the HTTP API listens on (0: any free port)"),
    TOPICS_PARTITIONS("topics.partitions", "6", "partitions of the topics sitrep creates"),
    TOPICS_REPLICATION("topics.replication", "1", "replication factor of the topics sitrep creates (at most the broker count)"),
    APPLICATION_ID("application.id", "sitrep", "Kafka Streams application id: instances with the same id share the work"),
    INSTANCE_ID("instance.id", null, "this instance's name among those sharing the application id (default: the host name)"),
    REPLAY_ENABLED("replay.enabled", "true", "replay the bundled seed stream at start (true|false)"),
    REPLAY_SPEED("replay.speed", "max", "seed replay speed: max, or a factor of real time such as 60"),
    STREAMS_COMMIT_INTERVAL_MS("streams.commit.interval.ms", "100", "Kafka Streams commit interval in ms: latency of each exactly-once hop"),
    STREAMS_THREADS("streams.threads", "1", "Kafka Streams threads of this instance"),
    ALERTMANAGER_URL("alertmanager.url", "", "Alertmanager to push alerts to (e.g. http://localhost:9093); empty: none"),
    WEBHOOK_URL("webhook.url", "", "webhook to POST alerts to; empty: none"),
    WEBHOOK_FORMAT("webhook.format", "json", "webhook payload: json or slack"),
    WEBHOOK_SECRET("webhook.secret", "", "HMAC-SHA256 secret of the webhook's X-Sitrep-Signature header; empty: unsigned");

    final String key;
    /** The default as text, or null when computed at load time. */
    final String defaultValue;
    final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    String environmentVariable() {
        return "SITREP_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static Setting byKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return setting;
            }
        }
        return null;
    }
}
