package io.sitrep.sinks.dashboard;

import static io.sitrep.sinks.dashboard.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.json.AvroJson;
import io.sitrep.sinks.http.AccessControl;
import io.sitrep.sinks.http.ApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardFeatureTest {
    private final InMemoryAlertLog topic = new InMemoryAlertLog(3);
    private final Alerts.Table table = new Alerts.Table();
    private final HttpClient http = HttpClient.newHttpClient();
    private DashboardFeature feature;
    private ApiServer server;

    @BeforeEach
    void start() {
        feature = new DashboardFeature(topic, table, AlertStream.Settings.defaults());
        // the dashboard first: /api/alerts/stream must not be taken for an alert id
        server = ApiServer.start("127.0.0.1", 0, AccessControl.readOnly(), List.of(feature, ApiServer.alertsApi(table)));
    }

    @AfterEach
    void stop() {
        feature.close();
        server.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void publish(int partition, Alert a) {
        topic.append(partition, a);
        table.put(a);
    }

    @Test
    void servesThePageWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElseThrow()).startsWith("text/html").contains("charset=utf-8");
        String csp = page.headers().firstValue("content-security-policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/dashboard/app.js\"></script>")
                .doesNotContain("<style", " style=", "onclick=");
    }

    @Test
    void servesAssetsWithTheirTypesAndCachingPolicies() throws Exception {
        HttpResponse<String> js = get("/dashboard/app.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("content-type").orElseThrow()).startsWith("text/javascript");
        assertThat(js.headers().firstValue("cache-control")).hasValue("no-cache");
        String etag = js.headers().firstValue("etag").orElseThrow();
        assertThat(get("/dashboard/app.js", "If-None-Match", etag).statusCode()).isEqualTo(304);

        assertThat(get("/dashboard/style.css").headers().firstValue("content-type").orElseThrow()).startsWith("text/css");
        HttpResponse<String> geo = get("/dashboard/map/governorates.geojson");
        assertThat(geo.headers().firstValue("content-type").orElseThrow()).startsWith("application/geo+json");
        JsonNode regions = AvroJson.MAPPER.readTree(geo.body()).get("features");
        assertThat(regions.findValuesAsText("region")).contains("Al Hasakah", "Al Anbar", "Nineveh", "Deir ez-Zor");

        HttpResponse<String> leaflet = get("/vendor/leaflet/1.9.4/leaflet-src.esm.js");
        assertThat(leaflet.statusCode()).isEqualTo(200);
        assertThat(leaflet.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        assertThat(leaflet.headers().firstValue("content-type").orElseThrow()).startsWith("text/javascript");
    }

    @Test
    void servesNothingOutsideItsDirectories() throws Exception {
        assertThat(get("/dashboard/../logback-test.xml").statusCode()).isIn(400, 404);
        assertThat(get("/dashboard/%2e%2e/%2e%2e/io/sitrep/sinks/http/ApiServer.class").statusCode()).isIn(400, 404);
        assertThat(get("/dashboard/map/..%2f..%2flogback-test.xml").statusCode()).isIn(400, 404);
        assertThat(get("/dashboard/map/").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard/nope.js").statusCode()).isEqualTo(404);
        assertThat(get("/vendor/leaflet/1.9.4/leaflet-src.esm.js.map").statusCode()).isEqualTo(404); // unknown type
    }

    @Test
    void theStreamSendsTheSnapshotThenEveryNewOrUpdatedAlert() throws Exception {
        publish(0, alert("a", 1, "first <script>alert(1)</script>"));
        topic.markAgo(); // the query side is up to date: no overlap to replay
        try (SseEvents sse = new SseEvents(http, url("/api/alerts/stream"), null)) {
            await().until(() -> !sse.named("ready").isEmpty());
            assertThat(sse.named("alert")).singleElement().satisfies(e -> {
                assertThat(e.id()).isNull();
                assertThat(AvroJson.MAPPER.readTree(e.data()).get("headline").asText()).isEqualTo("first <script>alert(1)</script>");
            });
            publish(2, alert("a", 2, "first, updated"));
            await().until(() -> sse.named("alert").size() == 2);
            SseEvents.Event update = sse.named("alert").get(1);
            assertThat(update.id()).isEqualTo("1.0.1");
            assertThat(AvroJson.MAPPER.readTree(update.data()).get("version").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aReconnectResumesRightAfterTheLastEventId() throws Exception {
        publish(0, alert("a", 1, "x"));
        topic.markAgo();
        String resumeFrom;
        try (SseEvents first = new SseEvents(http, url("/api/alerts/stream"), null)) {
            await().until(() -> !first.named("ready").isEmpty());
            publish(1, alert("b", 1, "x"));
            await().until(() -> first.named("alert").size() == 2);
            resumeFrom = first.lastId();
        }
        publish(1, alert("b", 2, "while away"));
        publish(0, alert("c", 1, "while away"));
        try (SseEvents again = new SseEvents(http, url("/api/alerts/stream"), resumeFrom)) {
            await().until(() -> !again.named("ready").isEmpty());
            assertThat(again.named("alert")).extracting(e -> AvroJson.MAPPER.readTree(e.data()).get("id").asText()
                    + "@" + AvroJson.MAPPER.readTree(e.data()).get("version").asInt())
                    .containsExactlyInAnyOrder("b@2", "c@1");
        }
        // the same through the query parameter a page uses when it has to open a new EventSource
        try (SseEvents again = new SseEvents(http, url("/api/alerts/stream?lastEventId=" + resumeFrom), null)) {
            await().until(() -> !again.named("ready").isEmpty());
            assertThat(again.named("alert")).hasSize(2);
        }
    }

    @Test
    void theStreamIsNotTakenForAnAlertIdAndPlainRequestsStillGetAlerts() throws Exception {
        publish(0, alert("a", 1, "x"));
        assertThat(get("/api/alerts/a").statusCode()).isEqualTo(200);
        try (SseEvents sse = new SseEvents(http, url("/api/alerts/stream"), null)) {
            await().until(() -> !sse.named("ready").isEmpty());
            assertThat(sse.status).isEqualTo(200);
        }
    }
}
