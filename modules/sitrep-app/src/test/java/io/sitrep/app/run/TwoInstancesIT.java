package io.sitrep.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.app.config.SitrepConfig;
import io.sitrep.model.json.AvroJson;
import io.sitrep.streams.situation.SituationStreams;
import io.sitrep.testkit.KafkaFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Two instances of one application on one broker share the work and answer the same, whichever is asked. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {
    private static KafkaFixture kafka;
    private static SitrepInstance first;
    private static SitrepInstance second;
    @TempDir static Path firstDir;
    @TempDir static Path secondDir;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        kafka = KafkaFixture.start();
        first = SitrepInstance.start(config(firstDir, "one", true), Map.of());
        second = SitrepInstance.start(config(secondDir, "two", false), Map.of());
    }

    private static SitrepConfig config(Path dir, String instance, boolean replay) {
        return SitrepConfig.load(null, Map.of(), Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "data.dir", dir.toString(), "http.port", "0", "topics.partitions", "4", "instance.id", instance,
                "replay.enabled", Boolean.toString(replay)));
    }

    @AfterAll
    static void stop() {
        if (second != null) second.close();
        if (first != null) first.close();
        if (kafka != null) kafka.close();
    }

    @Test
    @Order(1)
    void bothInstancesAnswerTheSameAlertsAndRegions() {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode one = get(first, "/api/alerts");
            assertThat(one.findValuesAsText("type")).contains("DETAINEE_TRANSFER", "SECURITY_COORDINATION");
            assertThat(get(second, "/api/alerts")).isEqualTo(one);
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get(second, "/api/regions")).isEqualTo(get(first, "/api/regions")));
        // the work is shared: both instances run stream tasks of the one application (once the group has settled:
        // the alerts can be served before the second instance's tasks are handed over)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(first.streams().metadataForLocalThreads()).anySatisfy(t -> assertThat(t.activeTasks()).isNotEmpty());
            assertThat(second.streams().metadataForLocalThreads()).anySatisfy(t -> assertThat(t.activeTasks()).isNotEmpty());
        });
    }

    /**
     * A stopped instance leaves its consumer groups, so the others take its partitions over (and it may restart)
     * at once; staying in them, as Streams does by default, held its partitions until the 45 s session timeout.
     */
    @Test
    @Order(2)
    void anInstanceThatStopsLeavesItsConsumerGroups() {
        String applicationId = config(firstDir, "one", true).applicationId();
        List<String> groups = List.of(applicationId, applicationId + SituationStreams.SUFFIX);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(memberClientIds(admin, groups)).anyMatch(id -> id.startsWith(applicationId + "-two")));
            second.close();
            second = null;
            // well inside the session timeout: only a member that left is gone by then
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(memberClientIds(admin, groups))
                    .isNotEmpty().allMatch(id -> id.startsWith(applicationId + "-one")));
        }
    }

    private static List<String> memberClientIds(Admin admin, List<String> groups) throws Exception {
        return admin.describeConsumerGroups(groups).all().get().values().stream()
                .flatMap(g -> g.members().stream()).map(MemberDescription::clientId).toList();
    }

    private JsonNode get(SitrepInstance s, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return AvroJson.MAPPER.readTree(r.body());
    }
}
