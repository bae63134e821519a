package io.sitrep.sinks.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.query.AlertQueries;
import io.sitrep.sinks.http.HttpFeature;
import io.sitrep.sinks.http.Role;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations dashboard: the page at {@code /}, its assets under {@code /dashboard/}, Leaflet under
 * {@code /vendor/leaflet/1.9.4/}, and the live alert feed {@code GET /api/alerts/stream} (Server-Sent Events).
 *
 * <p>The feed sends {@code event: alert} with the alert JSON for every new or updated alert, {@code event: ready}
 * when the initial load is done, and a keep-alive comment when idle. Each alert event's id is its position in
 * sitrep.alerts ({@link StreamPosition}), so a reconnecting EventSource resumes exactly after the last alert it got,
 * across server restarts. Register this feature before the alerts API so {@code /api/alerts/stream} is not taken
 * for an alert id.
 */
public final class DashboardFeature implements HttpFeature, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DashboardFeature.class);
    static final String LEAFLET_VERSION = "1.9.4";
    static final int MAX_CLIENTS = 64;

    /** Everything from this origin only; no inline script or style, no eval, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; media-src 'none'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final AlertLog alertLog;
    private final AlertQueries queries;
    private final AlertStream.Settings settings;
    private final StaticAssets page = new StaticAssets("dashboard", StaticAssets.REVALIDATE);
    private final StaticAssets leaflet = new StaticAssets(
            "META-INF/resources/webjars/leaflet/" + LEAFLET_VERSION + "/dist", StaticAssets.IMMUTABLE);
    private final Semaphore clients = new Semaphore(MAX_CLIENTS);
    private volatile boolean closing;

    /** Starts the tail consumer of sitrep.alerts on the given cluster. */
    public DashboardFeature(String bootstrapServers, AlertQueries queries) {
        this(new KafkaAlertLog(bootstrapServers), queries, AlertStream.Settings.defaults());
    }

    DashboardFeature(AlertLog alertLog, AlertQueries queries, AlertStream.Settings settings) {
        this.alertLog = alertLog;
        this.queries = queries;
        this.settings = settings;
    }

    @Override
    public void register(JavalinConfig cfg) {
        cfg.routes.sse("/api/alerts/stream", this::stream, Role.VIEWER);
        cfg.routes.get("/", ctx -> page(ctx, page, "index.html"), Role.VIEWER);
        cfg.routes.get("/dashboard/<path>", ctx -> page(ctx, page, ctx.pathParam("path")), Role.VIEWER);
        cfg.routes.get("/vendor/leaflet/" + LEAFLET_VERSION + "/<path>",
                ctx -> page(ctx, leaflet, ctx.pathParam("path")), Role.VIEWER);
    }

    private static void page(Context ctx, StaticAssets assets, String path) {
        ctx.header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("X-Frame-Options", "DENY");
        assets.serve(ctx, path);
    }

    private void stream(SseClient client) {
        if (closing || !clients.tryAcquire()) {
            // returning ends the response; the EventSource retries later
            client.sendComment(closing ? "shutting down" : "too many clients; retry later");
            return;
        }
        try {
            // the header from a reconnecting EventSource; the parameter from a page that had to open a new one
            String id = client.ctx().header("Last-Event-ID");
            if (id == null) id = client.ctx().queryParam("lastEventId");
            Optional<StreamPosition> lastEventId = StreamPosition.decode(id);
            new AlertStream(alertLog, queries, settings, new ClientSink(client)).run(lastEventId, () -> closing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("alert stream to {} ended: {}", client.ctx().ip(), e.toString());
        } finally {
            // the response ends when this handler returns (no keepAlive): closing it here too would complete it twice
            clients.release();
        }
    }

    /** Events onto one SSE connection. */
    private record ClientSink(SseClient client) implements AlertStream.Sink {
        @Override
        public void alert(Alert alert, String id) {
            if (id == null) client.sendEvent("alert", AvroJson.toJson(alert));
            else client.sendEvent("alert", AvroJson.toJson(alert), id);
        }

        @Override
        public void ready(int snapshotSize, String id) {
            client.sendEvent("ready", "{\"snapshot\":" + snapshotSize + "}", id);
        }

        @Override
        public void keepAlive() {
            client.sendComment("keep-alive");
        }

        @Override
        public boolean open() {
            return !client.terminated();
        }
    }

    /**
     * Stops the feed: open streams end (their EventSources reconnect elsewhere or later) and the tail closes. Close
     * it before the HTTP server, so no stream is still writing when the server goes.
     */
    @Override
    public void close() {
        closing = true;
        try {
            if (clients.tryAcquire(MAX_CLIENTS, 5, TimeUnit.SECONDS)) clients.release(MAX_CLIENTS);
            else log.warn("{} alert streams still open after 5 s", MAX_CLIENTS - clients.availablePermits());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        alertLog.close();
    }
}
