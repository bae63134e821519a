package io.sitrep.sinks.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.json.AvroJson;
import io.sitrep.sinks.cap.CapFeature;
import io.sitrep.sinks.cap.VariedAlerts;
import io.sitrep.sinks.http.AccessControl;
import io.sitrep.sinks.http.ApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GeoJSON and CAP routes next to the alerts API: content types, lon/lat order, omitted alerts, 404s. */
class SinkRoutesTest {
    private static final List<Alert> ALERTS = VariedAlerts.all();
    private static ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        VariedAlerts.Table table = new VariedAlerts.Table(ALERTS);
        // the alerts API first, as the app registers it: the GeoJSON path must still be reachable
        server = ApiServer.start("127.0.0.1", 0, AccessControl.readOnly(),
                List.of(ApiServer.alertsApi(table), new GeoJsonFeature(table), CapFeature.of(table)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void geoJsonIsAFeatureCollectionOfPointsInLonLatOrderCountingTheAlertsWithoutAPlace() throws Exception {
        HttpResponse<String> r = get("/api/alerts.geojson");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode fc = AvroJson.MAPPER.readTree(r.body());
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        long withPlace = ALERTS.stream().filter(a -> a.getPlace() != null).count();
        assertThat(fc.get("features")).hasSize((int) withPlace);
        assertThat(fc.get("sitrep:omitted").asInt()).isEqualTo(ALERTS.size() - (int) withPlace);
        for (JsonNode f : fc.get("features")) {
            Alert a = ALERTS.stream().filter(x -> x.getId().equals(f.get("id").asText())).findFirst().orElseThrow();
            assertThat(f.get("geometry").get("type").asText()).isEqualTo("Point");
            assertThat(f.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(a.getPlace().getLon());
            assertThat(f.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(a.getPlace().getLat());
            assertThat(f.get("properties").get("severity").asText()).isEqualTo(a.getSeverity().name());
            assertThat(f.get("properties").get("headline").asText()).isEqualTo(a.getHeadline());
        }
    }

    @Test
    void capRoutesAnswerWithTheirMediaTypes() throws Exception {
        Alert a = ALERTS.get(3);
        HttpResponse<String> one = get("/api/alerts/" + a.getId() + "/cap");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Type").orElse("")).startsWith("application/cap+xml");
        assertThat(one.body()).contains("<identifier>urn:sitrep:alert:" + a.getId() + ":v" + a.getVersion() + "</identifier>")
                .contains("&lt;script&gt;").doesNotContain("<script>");
        HttpResponse<String> feed = get("/api/cap?limit=5");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        assertThat(feed.body().split("<entry>", -1)).hasSize(6);
        assertThat(get("/api/alerts/no-such-alert/cap").statusCode()).isEqualTo(404);
        assertThat(get("/api/cap?limit=zero").statusCode()).isEqualTo(400);
        assertThat(get("/api/alerts/" + a.getId()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
