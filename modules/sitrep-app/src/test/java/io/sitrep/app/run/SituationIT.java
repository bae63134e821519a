package io.sitrep.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.app.config.SitrepConfig;
import io.sitrep.model.json.AvroJson;
import io.sitrep.testkit.KafkaFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed stream through a real broker: the situation picture (regions, actors, stories) in the HTTP API. */
class SituationIT {
    private static KafkaFixture kafka;
    private static SitrepInstance sitrep;
    @TempDir static Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        kafka = KafkaFixture.start();
        SitrepConfig config = SitrepConfig.load(null, Map.of(), Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "data.dir", dataDir.toString(),
                "http.port", "0",
                "topics.partitions", "3",
                "instance.id", "situation-it"));
        sitrep = SitrepInstance.start(config, Map.of("SITREP_ADMIN_PASSWORD", "it-admin-password"));
    }

    @AfterAll
    static void stop() {
        if (sitrep != null) sitrep.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void theSeedStreamShowsInRegionsActorsAndStories() throws Exception {
        // the picture agrees with the alerts: asOf is the latest lastSeen of a placed alert, each in its region
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode alerts = json("/api/alerts");
            assertThat(alerts.size()).isPositive();
            JsonNode regions = json("/api/regions");
            String latest = null;
            for (JsonNode a : alerts) {
                JsonNode admin1 = a.path("place").path("admin1");
                if (admin1.isMissingNode() || admin1.isNull()) continue;
                if (latest == null || a.get("lastSeen").asText().compareTo(latest) > 0) latest = a.get("lastSeen").asText();
                if (a.get("status").asText().equals("RESOLVED")) continue;
                assertThat(region(regions, admin1.asText()).get("openAlerts").get("total").asInt())
                        .as("open alerts in %s", admin1.asText()).isPositive();
            }
            assertThat(latest).as("the seed stream places some alerts in a governorate").isNotNull();
            assertThat(regions.get("asOf").asText()).as("event time, not the wall clock").isEqualTo(latest);
        });
        JsonNode regions = json("/api/regions");
        assertThat(regions.get("items").size()).as("every governorate of Iraq and Syria").isGreaterThanOrEqualTo(30);
        assertThat(regions.get("items").get(0).get("lastEvent").isNull()).as("the busiest region first").isFalse();

        String alertId = json("/api/alerts").get(0).get("id").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> story = get("/api/stories/" + alertId);
            assertThat(story.statusCode()).isEqualTo(200);
            assertThat(AvroJson.MAPPER.readTree(story.body()).get("id").asText()).isEqualTo(alertId);
        });
        assertThat(get("/api/stories/no-such-story").statusCode()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode alerts = json("/api/alerts");
            JsonNode actors = json("/api/actors");
            for (JsonNode a : alerts) {
                for (JsonNode actor : a.get("actors")) {
                    assertThat(actors.get("items").findValuesAsText("actor")).contains(actor.asText());
                }
            }
        });
    }

    private static JsonNode region(JsonNode regions, String name) {
        for (JsonNode r : regions.get("items")) if (r.get("governorate").asText().equals(name)) return r;
        throw new AssertionError("no region " + name + " in " + regions);
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
        return AvroJson.MAPPER.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sitrep.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
