package io.sitrep.sinks.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.query.AlertFilter;
import io.sitrep.model.query.AlertQueries;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API: alerts as JSON. The query side is handed in, so any implementation can back it. */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /** The alerts API alone, with the secure default access control (reads open, writes refused). */
    public static ApiServer start(String host, int port, AlertQueries queries) {
        return start(host, port, AccessControl.readOnly(), List.of(alertsApi(queries)));
    }

    public static ApiServer start(String host, int port, AccessControl access, List<HttpFeature> features) {
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            access.install(cfg);
            features.forEach(f -> f.register(cfg));
            cfg.routes.get("/health", ctx -> json(ctx, 200, "{\"status\":\"UP\"}"));
            cfg.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            cfg.routes.exception(AlertQueries.NotReadyException.class, (e, ctx) -> {
                ctx.header("Retry-After", "1");
                error(ctx, 503, e.getMessage());
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                String where;
                try {
                    where = ctx.method() + " " + ctx.path();
                } catch (RuntimeException gone) {
                    // a streaming request (SSE) whose connection already ended: nothing to answer
                    log.debug("request failed after its connection ended", e);
                    return;
                }
                log.error("HTTP {} failed", where, e);
                error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
            });
        });
        app.start(host, port);
        log.info("HTTP API on http://{}:{}/api/alerts", host, app.port());
        return new ApiServer(app);
    }

    /** GET /api/alerts and /api/alerts/{id}. */
    public static HttpFeature alertsApi(AlertQueries queries) {
        return cfg -> {
            cfg.routes.get("/api/alerts", ctx -> listAlerts(ctx, queries), Role.VIEWER);
            cfg.routes.get("/api/alerts/{id}", ctx -> queries.alert(ctx.pathParam("id")).ifPresentOrElse(
                    a -> json(ctx, 200, AvroJson.toJson(a)),
                    () -> error(ctx, 404, "no alert with id " + ctx.pathParam("id"))), Role.VIEWER);
        };
    }

    public int port() {
        return app.port();
    }

    private static void listAlerts(Context ctx, AlertQueries queries) {
        AlertFilter filter = new AlertFilter(
                set(ctx.queryParam("status"), s -> AlertStatus.valueOf(s.toUpperCase(Locale.ROOT)), "status",
                        Arrays.toString(AlertStatus.values())),
                set(ctx.queryParam("type"), s -> s.toUpperCase(Locale.ROOT), "type", ""),
                ctx.queryParam("region"),
                since(ctx.queryParam("since")),
                limit(ctx.queryParam("limit")));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Alert a : queries.alerts(filter)) out.add(AvroJson.toNode(a));
        json(ctx, 200, AvroJson.write(out));
    }

    private static <T> Set<T> set(String csv, Function<String, T> parse, String name, String allowed) {
        if (csv == null || csv.isBlank()) return Set.of();
        try {
            return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(parse)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad " + name + " '" + csv + "'" + (allowed.isEmpty() ? "" : ": one of " + allowed));
        }
    }

    private static Instant since(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                throw new BadRequest("bad since '" + s + "': an ISO-8601 time such as 2026-01-21T00:00:00Z");
            }
        }
    }

    private static int limit(String s) {
        if (s == null || s.isBlank()) return AlertFilter.DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(s.trim());
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadRequest("bad limit '" + s + "': a positive integer");
    }

    public static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType(JSON).result(body);
    }

    public static void error(Context ctx, int status, String reason) {
        ObjectNode e = JsonNodeFactory.instance.objectNode().put("error", reason);
        json(ctx, status, AvroJson.write(e));
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A request the API cannot answer as asked; the message says why (HTTP 400). */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) { super(message); }
    }
}
