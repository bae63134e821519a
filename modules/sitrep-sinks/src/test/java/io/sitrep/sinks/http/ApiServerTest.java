package io.sitrep.sinks.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.query.AlertFilter;
import io.sitrep.model.query.AlertQueries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiServerTest {
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final List<Alert> alerts = List.of(
            alert("a-old", "ATTACK", "2025-03-20T10:00:00Z"),
            alert("a-new", "DETAINEE_TRANSFER", "2026-01-21T21:57:28Z"));
    private ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private final AlertQueries queries = new AlertQueries() {
        @Override
        public List<Alert> alerts(AlertFilter f) {
            if (!ready.get()) throw new NotReadyException("alert table not ready (REBALANCING)", null);
            return alerts.stream().filter(f).sorted(Comparator.comparing(Alert::getLastSeen).reversed()).toList();
        }

        @Override
        public Optional<Alert> alert(String id) {
            return alerts.stream().filter(a -> a.getId().equals(id)).findFirst();
        }
    };

    @BeforeEach
    void start() {
        server = ApiServer.start("127.0.0.1", 0, queries);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Alert alert(String id, String type, String at) {
        Instant t = Instant.parse(at);
        return Alert.newBuilder().setId(id).setType(type).setSeverity(Severity.HIGH).setStatus(AlertStatus.OPEN)
                .setHeadline(type + " headline <script>alert(1)</script>")
                .setPlace(Place.newBuilder().setId("p").setName("Al-Hasakah").setLat(36.5).setLon(40.7)
                        .setAdmin1("Al-Hasakah").setCountry("SY").build())
                .setFirstSeen(t).setLastSeen(t).build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsAlertsNewestFirstInTheContractShape() throws Exception {
        HttpResponse<String> r = get("/api/alerts");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = AvroJson.MAPPER.readTree(r.body());
        assertThat(body).hasSize(2);
        JsonNode first = body.get(0);
        assertThat(first.get("id").asText()).isEqualTo("a-new");
        assertThat(first.get("severity").asText()).isEqualTo("HIGH");
        assertThat(first.get("status").asText()).isEqualTo("OPEN");
        assertThat(first.get("firstSeen").asText()).isEqualTo("2026-01-21T21:57:28Z");
        assertThat(first.get("place").get("admin1").asText()).isEqualTo("Al-Hasakah");
        for (String field : List.of("id", "type", "severity", "status", "headline", "place", "actors", "evidence",
                "reports", "independentOutlets", "firstSeen", "lastSeen", "version")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
    }

    @Test
    void filtersAndExplainsBadParameters() throws Exception {
        JsonNode attacks = AvroJson.MAPPER.readTree(get("/api/alerts?type=attack").body());
        assertThat(attacks).singleElement().satisfies(a -> assertThat(a.get("id").asText()).isEqualTo("a-old"));
        assertThat(AvroJson.MAPPER.readTree(get("/api/alerts?since=2026-01-01T00:00:00Z").body())).hasSize(1);

        HttpResponse<String> bad = get("/api/alerts?status=SLEEPING");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("bad status 'SLEEPING'").contains("ACKNOWLEDGED");
        assertThat(get("/api/alerts?since=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void oneAlertOr404() throws Exception {
        assertThat(AvroJson.MAPPER.readTree(get("/api/alerts/a-old").body()).get("type").asText()).isEqualTo("ATTACK");
        HttpResponse<String> missing = get("/api/alerts/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no alert with id nope");
    }

    @Test
    void answers503WhileTheStateIsNotReady() throws Exception {
        ready.set(false);
        HttpResponse<String> r = get("/api/alerts");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("not ready");
    }
}
