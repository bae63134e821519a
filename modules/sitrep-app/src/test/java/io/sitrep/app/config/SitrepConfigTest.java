package io.sitrep.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitrepConfigTest {
    private static final Map<String, String> HOST_ONLY = Map.of("HOSTNAME", "node-7");

    @TempDir
    Path dir;

    @Test
    void defaultsStartTheEmbeddedBrokerOnLocalhost() throws IOException {
        SitrepConfig config = SitrepConfig.load(emptyFile(), HOST_ONLY, Map.of());

        assertThat(config).isEqualTo(new SitrepConfig("", Path.of("var"), "127.0.0.1", 9092, "127.0.0.1", 8080,
                6, 1, "sitrep", "node-7", true, "max", 100, 1, "", "", "json", "", Map.of()));
        assertThat(config.usesEmbeddedBroker()).isTrue();
        assertThat(config.effectiveBootstrapServers()).isEqualTo(SitrepConfig.defaultBootstrap()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void eachLayerOverridesTheOneBelow() throws IOException {
        Path file = file("http.port=8081\ntopics.partitions=3\nreplay.speed=60\napplication.id=from-file\n");
        Map<String, String> env = Map.of("SITREP_HTTP_PORT", "8082", "SITREP_TOPICS_PARTITIONS", "4",
                "HOSTNAME", "node-7");
        Map<String, String> cli = Map.of("http.port", "8083");

        SitrepConfig config = SitrepConfig.load(file, env, cli);

        assertThat(config.httpPort()).isEqualTo(8083);           // flag over env over file
        assertThat(config.topicsPartitions()).isEqualTo(4);      // env over file
        assertThat(config.replaySpeed()).isEqualTo("60");        // file over default
        assertThat(config.applicationId()).isEqualTo("from-file");
        assertThat(config.streamsThreads()).isEqualTo(1);        // default
    }

    @Test
    void environmentNamesFollowTheKeys() throws IOException {
        Map<String, String> env = Map.ofEntries(
                Map.entry("SITREP_BOOTSTRAP_SERVERS", "kafka-1:9092, kafka-2:9092"),
                Map.entry("SITREP_DATA_DIR", "/var/lib/sitrep"),
                Map.entry("SITREP_BROKER_HOST", "0.0.0.0"),
                Map.entry("SITREP_BROKER_PORT", "19092"),
                Map.entry("SITREP_HTTP_HOST", "0.0.0.0"),
                Map.entry("SITREP_HTTP_PORT", "0"),
                Map.entry("SITREP_TOPICS_PARTITIONS", "12"),
                Map.entry("SITREP_TOPICS_REPLICATION", "3"),
                Map.entry("SITREP_APPLICATION_ID", "sitrep-test"),
                Map.entry("SITREP_INSTANCE_ID", "a-1"),
                Map.entry("SITREP_REPLAY_ENABLED", "FALSE"),
                Map.entry("SITREP_REPLAY_SPEED", "MAX"),
                Map.entry("SITREP_STREAMS_COMMIT_INTERVAL_MS", "20"),
                Map.entry("SITREP_STREAMS_THREADS", "2"),
                Map.entry("SITREP_ALERTMANAGER_URL", "http://alertmanager:9093"),
                Map.entry("SITREP_WEBHOOK_URL", "https://hooks.example.org/sitrep"),
                Map.entry("SITREP_WEBHOOK_FORMAT", "slack"),
                Map.entry("SITREP_WEBHOOK_SECRET", "s3cret"));

        SitrepConfig config = SitrepConfig.load(emptyFile(), env, Map.of());

        assertThat(config).isEqualTo(new SitrepConfig("kafka-1:9092,kafka-2:9092", Path.of("/var/lib/sitrep"),
                "0.0.0.0", 19092, "0.0.0.0", 0, 12, 3, "sitrep-test", "a-1", false, "max", 20, 2,
                "http://alertmanager:9093", "https://hooks.example.org/sitrep", "slack", "s3cret", Map.of()));
        assertThat(config.usesEmbeddedBroker()).isFalse();
        assertThat(config.effectiveBootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(SitrepConfig.environmentVariables().values()).containsExactlyInAnyOrderElementsOf(env.keySet());
    }

    @Test
    void aBlankValueDoesNotHideTheLayerBelow() throws IOException {
        SitrepConfig config = SitrepConfig.load(file("http.port=8081\n"), Map.of("SITREP_HTTP_PORT", " "), Map.of());

        assertThat(config.httpPort()).isEqualTo(8081);
    }

    @Test
    void anInvalidEnvironmentValueNamesKeyValueAndVariable() {
        assertThatThrownBy(() -> SitrepConfig.load(emptyFile(), Map.of("SITREP_HTTP_PORT", "eighty"), Map.of()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("http.port");
                    assertThat(e.source()).isEqualTo("environment variable SITREP_HTTP_PORT");
                })
                .hasMessage("invalid http.port 'eighty' (from environment variable SITREP_HTTP_PORT): not a port number (0-65535)");
    }

    @Test
    void anInvalidFileValueNamesTheFile() throws IOException {
        Path file = file("topics.replication=0\n");

        assertThatThrownBy(() -> SitrepConfig.load(file, HOST_ONLY, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("invalid topics.replication '0' (from file " + file + ")");
    }

    @Test
    void anInvalidFlagNamesTheCommandLine() {
        assertThatThrownBy(() -> SitrepConfig.load(emptyFile(), HOST_ONLY, Map.of("replay.speed", "fast")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("invalid replay.speed 'fast' (from command line): not 'max' nor a positive factor such as 60");
    }

    @Test
    void valuesAreCheckedBeyondTheirType() {
        assertInvalid("replay.speed", "0");
        assertInvalid("replay.speed", "-2");
        assertInvalid("replay.enabled", "yes");
        assertInvalid("broker.port", "65536");
        assertInvalid("streams.threads", "0");
        assertInvalid("streams.commit.interval.ms", "-1");
        assertInvalid("application.id", "sit rep");
        assertInvalid("bootstrap.servers", "kafka-1");
        assertInvalid("bootstrap.servers", "kafka-1:9092,:9093");
        assertInvalid("bootstrap.servers", "kafka-1:0");
        assertInvalid("http.host", "http://localhost");
    }

    @Test
    void anUnknownKeyInTheFileIsAnErrorListingTheKnownOnes() throws IOException {
        Path file = file("http.prot=8081\n");

        assertThatThrownBy(() -> SitrepConfig.load(file, HOST_ONLY, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("unknown key 'http.prot'")
                .hasMessageContaining("http.port");
    }

    @Test
    void unknownEnvironmentVariablesAreNotConfiguration() {
        SitrepConfig config = SitrepConfig.load(emptyFile(), Map.of("SITREP_JAVA_OPTS", "-Xmx1g", "HOSTNAME", "h"), Map.of());

        assertThat(config.instanceId()).isEqualTo("h");
    }

    @Test
    void aMissingConfigFileIsAnError() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> SitrepConfig.load(missing, HOST_ONLY, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("configuration file " + missing + " not found");
    }

    @Test
    void anUnknownOverrideKeyIsAProgrammingError() {
        assertThatThrownBy(() -> SitrepConfig.load(emptyFile(), HOST_ONLY, Map.of("http.prot", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http.prot");
    }

    @Test
    void theInstanceIdDefaultsToTheHostNameMadeValid() {
        SitrepConfig config = SitrepConfig.load(emptyFile(), Map.of("HOSTNAME", "Ops Laptop (2)"), Map.of());

        assertThat(config.instanceId()).isEqualTo("ops-laptop-2");
    }

    @Test
    void describeListsEveryKeyWithItsVariableAndDefault() {
        assertThat(SitrepConfig.describe()).containsOnlyKeys(SitrepConfig.environmentVariables().keySet());
        assertThat(SitrepConfig.describe().get("broker.port")).contains("SITREP_BROKER_PORT").contains("default 9092");
        assertThat(SitrepConfig.describe().get("bootstrap.servers")).contains("default empty");
    }

    @Test
    void asPropertiesRoundTripsThroughTheFileLayer() throws IOException {
        SitrepConfig config = SitrepConfig.load(emptyFile(), Map.of("SITREP_REPLAY_SPEED", "2.5", "HOSTNAME", "h"),
                Map.of("data.dir", "/tmp/x"));
        StringBuilder text = new StringBuilder();
        config.asProperties().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));

        assertThat(SitrepConfig.load(file(text.toString()), Map.of(), Map.of())).isEqualTo(config);
    }

    private void assertInvalid(String key, String value) {
        assertThatThrownBy(() -> SitrepConfig.load(emptyFile(), HOST_ONLY, Map.of(key, value)))
                .as("%s=%s", key, value)
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith("invalid " + key + " '" + value + "' (from command line): ");
    }

    private Path emptyFile() {
        try {
            return file("");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String content) throws IOException {
        Path file = Files.createTempFile(dir, "sitrep", ".properties");
        Files.writeString(file, content);
        return file;
    }
}
