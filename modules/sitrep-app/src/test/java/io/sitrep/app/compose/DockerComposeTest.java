package io.sitrep.app.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sitrep.app.config.SitrepConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose.yml cannot run here (no Docker engine): check that its pieces fit together instead. */
class DockerComposeTest {
    private static Path root;
    private static JsonNode services;

    @TempDir
    Path emptyDir;

    @BeforeAll
    static void parse() throws IOException {
        root = Path.of(System.getProperty("sitrep.root", "../..")).toAbsolutePath().normalize();
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile());
        services = compose.path("services");
    }

    @Test
    void threeKafkaNodesAndSitrep() {
        assertThat(kafkaServices()).containsExactly("kafka-1", "kafka-2", "kafka-3");
        assertThat(services.has("sitrep")).isTrue();
        kafkaServices().forEach(name ->
                assertThat(services.path(name).path("image").asText()).startsWith("apache/kafka:"));
    }

    @Test
    void kafkaNodesFormOneKraftQuorum() {
        Set<String> nodeIds = new HashSet<>();
        Set<String> clusterIds = new HashSet<>();
        Set<String> voters = new HashSet<>();
        for (String name : kafkaServices()) {
            Map<String, String> env = environment(name);
            assertThat(env.get("KAFKA_PROCESS_ROLES")).as(name).isEqualTo("broker,controller");
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            clusterIds.add(env.get("CLUSTER_ID"));
            voters.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));

            Map<String, String> listeners = listeners(env.get("KAFKA_LISTENERS"));
            Map<String, String> advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS"));
            String controllerListener = env.get("KAFKA_CONTROLLER_LISTENER_NAMES");
            assertThat(listeners).as(name).containsKey(controllerListener).doesNotContainKey(null);
            assertThat(advertised).as(name + ": controllers are not advertised").doesNotContainKey(controllerListener);
            assertThat(listeners(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").replace(":", "://")))
                    .as(name + ": every listener has a security protocol").containsKeys(listeners.keySet().toArray(String[]::new));
            String interBroker = env.get("KAFKA_INTER_BROKER_LISTENER_NAME");
            assertThat(advertised.get(interBroker)).as(name).isEqualTo(name + ":" + port(listeners.get(interBroker)));
            String voter = env.get("KAFKA_NODE_ID") + "@" + name + ":" + port(listeners.get(controllerListener));
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")).as(name).contains(voter);
        }
        assertThat(nodeIds).hasSize(kafkaServices().size());
        assertThat(clusterIds).hasSize(1);
        assertThat(Uuid.fromString(clusterIds.iterator().next())).isNotEqualTo(Uuid.ZERO_UUID);
        assertThat(voters).hasSize(1);
        assertThat(voters.iterator().next().split(",")).hasSize(kafkaServices().size());
    }

    @Test
    void internalTopicsSurviveALostBroker() {
        int brokers = kafkaServices().size();
        for (String name : kafkaServices()) {
            Map<String, String> env = environment(name);
            for (String prefix : List.of("KAFKA_OFFSETS_TOPIC", "KAFKA_TRANSACTION_STATE_LOG", "KAFKA_SHARE_COORDINATOR_STATE_TOPIC")) {
                assertThat(Integer.parseInt(env.get(prefix + "_REPLICATION_FACTOR"))).as(name + " " + prefix).isEqualTo(brokers);
            }
            assertThat(Integer.parseInt(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"))).isLessThan(brokers);
            assertThat(Integer.parseInt(env.get("KAFKA_MIN_INSYNC_REPLICAS"))).isLessThan(brokers);
        }
    }

    @Test
    void sitrepIsConfiguredOnlyWithSettingsItKnowsAndTheyAreValid() {
        Map<String, String> env = environment("sitrep");
        assertThat(env.keySet()).isNotEmpty()
                .allSatisfy(name -> assertThat(SitrepConfig.environmentVariables()).containsValue(name));

        SitrepConfig config = config(env);
        assertThat(config.usesEmbeddedBroker()).isFalse();
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
    }

    @Test
    void sitrepConnectsToEveryBrokerOnItsInternalListener() {
        SitrepConfig config = config(environment("sitrep"));
        List<String> internal = new ArrayList<>();
        for (String name : kafkaServices()) {
            Map<String, String> env = environment(name);
            internal.add(listeners(env.get("KAFKA_ADVERTISED_LISTENERS")).get(env.get("KAFKA_INTER_BROKER_LISTENER_NAME")));
        }
        assertThat(config.bootstrapServers().split(",")).containsExactlyInAnyOrderElementsOf(internal);
        assertThat(config.topicsReplication()).isBetween(1, kafkaServices().size());
        assertThat(services.path("sitrep").path("depends_on").fieldNames()).toIterable()
                .containsExactlyInAnyOrderElementsOf(kafkaServices());
    }

    @Test
    void sitrepPublishesItsHttpPortAndKeepsItsDataInAVolume() {
        SitrepConfig config = config(environment("sitrep"));
        JsonNode sitrep = services.path("sitrep");
        List<String> ports = new ArrayList<>();
        sitrep.path("ports").forEach(port -> ports.add(port.asText()));
        assertThat(ports).containsExactly("8080:" + config.httpPort());

        List<String> volumes = new ArrayList<>();
        sitrep.path("volumes").forEach(volume -> volumes.add(volume.asText()));
        assertThat(volumes).anySatisfy(volume -> assertThat(volume).endsWith(":" + config.dataDir()));
    }

    @Test
    void theImageRunsTheShadedJarOnJava17() throws IOException {
        assertThat(services.path("sitrep").path("build").asText()).isEqualTo(".");
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre")
                .contains("COPY modules/sitrep-app/target/sitrep.jar ")
                .contains("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.sitrep");
        assertThat(Files.readString(root.resolve(".dockerignore"))).contains("!modules/sitrep-app/target/sitrep.jar");
    }

    private SitrepConfig config(Map<String, String> env) {
        Path noFile = emptyDir.resolve("none.properties");
        try {
            Files.writeString(noFile, "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return SitrepConfig.load(noFile, env, Map.of());
    }

    private static List<String> kafkaServices() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("kafka")) {
                names.add(name);
            }
        });
        return names;
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new TreeMap<>();
        services.path(service).path("environment").fields()
                .forEachRemaining(entry -> env.put(entry.getKey(), entry.getValue().asText()));
        return env;
    }

    /** {@code NAME://host:port,...} to name → host:port (host may be empty). */
    private static Map<String, String> listeners(String spec) {
        Map<String, String> byName = new LinkedHashMap<>();
        Arrays.stream(spec.split(",")).map(String::strip).forEach(entry -> {
            int separator = entry.indexOf("://");
            byName.put(entry.substring(0, separator), entry.substring(separator + 3));
        });
        return byName;
    }

    private static String port(String hostPort) {
        return hostPort.substring(hostPort.lastIndexOf(':') + 1);
    }
}
