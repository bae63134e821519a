package io.sitrep.sinks.situation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.model.avro.Story;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.query.ActorSummary;
import io.sitrep.model.query.AlertQueries;
import io.sitrep.model.query.RegionSummary;
import io.sitrep.model.query.Situation;
import io.sitrep.model.query.SituationQueries;
import io.sitrep.sinks.http.AccessControl;
import io.sitrep.sinks.http.ApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SituationApiTest {
    private static final Instant AS_OF = Instant.parse("2026-01-21T21:57:28Z");
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer server;

    private final SituationQueries queries = new SituationQueries() {
        @Override
        public Situation<RegionSummary> regions() {
            check();
            Map<String, Integer> open = new LinkedHashMap<>();
            open.put("CRITICAL", 0);
            open.put("HIGH", 2);
            open.put("MEDIUM", 1);
            return new Situation<>(AS_OF, List.of(
                    new RegionSummary("Al-Hasakah", "SY", open, new RegionSummary.LastEvent(AS_OF, "DETAINEE_TRANSFER",
                            "detainee-transfer-0123456789abcdef", "Detainee transfer — Al-Hasakah: <b>moved</b>"),
                            new RegionSummary.Counts(3, 1), new RegionSummary.Counts(9, 4)),
                    new RegionSummary("Diyala", "IQ", Map.of("HIGH", 0), null, new RegionSummary.Counts(0, 0),
                            new RegionSummary.Counts(0, 0))));
        }

        @Override
        public Situation<ActorSummary> actors() {
            check();
            return new Situation<>(AS_OF, List.of(new ActorSummary("CENTCOM", 2, 5, AS_OF, List.of("DETAINEE_TRANSFER"),
                    List.of("Al-Hasakah"))));
        }

        @Override
        public Optional<Story> story(String id) {
            check();
            return id.equals("detainee-transfer-0123456789abcdef")
                    ? Optional.of(Story.newBuilder().setId(id).setType("DETAINEE_TRANSFER").setFirstSeen(AS_OF)
                            .setLastSeen(AS_OF).setIndependentOutlets(2).build())
                    : Optional.empty();
        }

        private void check() {
            if (!ready.get()) throw new AlertQueries.NotReadyException("region table not ready (REBALANCING)", null);
        }
    };

    @BeforeEach
    void start() {
        server = ApiServer.start("127.0.0.1", 0, AccessControl.readOnly(), List.of(new SituationApi(queries)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void regionsCarryAsOfAndEveryRegionsStatus() throws Exception {
        HttpResponse<String> r = get("/api/regions");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = AvroJson.MAPPER.readTree(r.body());
        assertThat(body.get("asOf").asText()).isEqualTo("2026-01-21T21:57:28Z");
        assertThat(body.get("asOfMeaning").asText()).contains("event time").contains("not the wall clock");
        JsonNode hasakah = body.get("items").get(0);
        assertThat(hasakah.get("governorate").asText()).isEqualTo("Al-Hasakah");
        assertThat(hasakah.get("openAlerts").get("total").asInt()).isEqualTo(3);
        assertThat(hasakah.get("openAlerts").get("HIGH").asInt()).isEqualTo(2);
        assertThat(hasakah.get("lastEvent").get("alertId").asText()).isEqualTo("detainee-transfer-0123456789abcdef");
        assertThat(hasakah.get("lastEvent").get("headline").asText()).contains("<b>moved</b>");
        assertThat(hasakah.get("last24h").get("events").asInt()).isEqualTo(3);
        assertThat(hasakah.get("last7d").get("alerts").asInt()).isEqualTo(4);
        JsonNode diyala = body.get("items").get(1);
        assertThat(diyala.get("lastEvent").isNull()).isTrue();
        assertThat(diyala.get("openAlerts").get("total").asInt()).isZero();
    }

    @Test
    void actorsListTheirActivity() throws Exception {
        JsonNode body = AvroJson.MAPPER.readTree(get("/api/actors").body());
        assertThat(body.get("asOf").asText()).isEqualTo("2026-01-21T21:57:28Z");
        JsonNode centcom = body.get("items").get(0);
        assertThat(centcom.get("actor").asText()).isEqualTo("CENTCOM");
        assertThat(centcom.get("alerts").asInt()).isEqualTo(2);
        assertThat(centcom.get("reports").asInt()).isEqualTo(5);
        assertThat(centcom.get("lastSeen").asText()).isEqualTo("2026-01-21T21:57:28Z");
        assertThat(centcom.get("types").get(0).asText()).isEqualTo("DETAINEE_TRANSFER");
        assertThat(centcom.get("regions").get(0).asText()).isEqualTo("Al-Hasakah");
    }

    @Test
    void aStoryByIdOr404WithTheReason() throws Exception {
        HttpResponse<String> found = get("/api/stories/detainee-transfer-0123456789abcdef");
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode story = AvroJson.MAPPER.readTree(found.body());
        assertThat(story.get("type").asText()).isEqualTo("DETAINEE_TRANSFER");
        assertThat(story.get("independentOutlets").asInt()).isEqualTo(2);

        HttpResponse<String> missing = get("/api/stories/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(AvroJson.MAPPER.readTree(missing.body()).get("error").asText()).isEqualTo("no story with id nope");
    }

    @Test
    void notReadyIs503WithRetryAfter() throws Exception {
        ready.set(false);
        HttpResponse<String> r = get("/api/regions");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(r.body()).contains("region table not ready");
    }

    @Test
    void anEmptyPictureHasANullAsOf() throws Exception {
        ApiServer empty = ApiServer.start("127.0.0.1", 0, AccessControl.readOnly(), List.of(new SituationApi(new SituationQueries() {
            @Override public Situation<RegionSummary> regions() { return new Situation<>(null, List.of()); }
            @Override public Situation<ActorSummary> actors() { return new Situation<>(null, List.of()); }
            @Override public Optional<Story> story(String id) { return Optional.empty(); }
        })));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + empty.port()
                    + "/api/actors")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = AvroJson.MAPPER.readTree(r.body());
            assertThat(body.get("asOf").isNull()).isTrue();
            assertThat(body.get("items")).isEmpty();
        } finally {
            empty.close();
        }
    }
}
