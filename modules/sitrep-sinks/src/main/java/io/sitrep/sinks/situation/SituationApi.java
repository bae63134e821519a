package io.sitrep.sinks.situation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.query.ActorSummary;
import io.sitrep.model.query.RegionSummary;
import io.sitrep.model.query.Situation;
import io.sitrep.model.query.SituationQueries;
import io.sitrep.sinks.http.ApiServer;
import io.sitrep.sinks.http.HttpFeature;
import io.sitrep.sinks.http.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /api/regions, /api/actors and /api/stories/{id}. Regions and actors come as
 * {@code {"asOf": ..., "asOfMeaning": ..., "items": [...]}}: the 24 h and 7 d counts run back from {@code asOf},
 * the latest event time seen, not from the wall clock.
 */
public final class SituationApi implements HttpFeature {
    static final String AS_OF_MEANING = "latest event time seen (publication time of the newest report), not the wall clock;"
            + " last24h and last7d count back from it";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final SituationQueries queries;

    public SituationApi(SituationQueries queries) {
        this.queries = queries;
    }

    @Override
    public void register(JavalinConfig cfg) {
        cfg.routes.get("/api/regions", ctx -> ApiServer.json(ctx, 200, AvroJson.write(regions(queries.regions()))), Role.VIEWER);
        cfg.routes.get("/api/actors", ctx -> ApiServer.json(ctx, 200, AvroJson.write(actors(queries.actors()))), Role.VIEWER);
        cfg.routes.get("/api/stories/{id}", this::story, Role.VIEWER);
    }

    private void story(Context ctx) {
        String id = ctx.pathParam("id");
        queries.story(id).ifPresentOrElse(s -> ApiServer.json(ctx, 200, AvroJson.toJson(s)),
                () -> ApiServer.error(ctx, 404, "no story with id " + id));
    }

    static ObjectNode regions(Situation<RegionSummary> s) {
        ObjectNode out = envelope(s.asOf());
        ArrayNode items = out.putArray("items");
        for (RegionSummary r : s.items()) {
            ObjectNode n = items.addObject().put("governorate", r.governorate()).put("country", r.country());
            ObjectNode open = n.putObject("openAlerts").put("total", r.openTotal());
            for (Map.Entry<String, Integer> e : r.openAlerts().entrySet()) open.put(e.getKey(), e.getValue());
            if (r.lastEvent() == null) {
                n.putNull("lastEvent");
            } else {
                n.putObject("lastEvent").put("at", r.lastEvent().at().toString()).put("type", r.lastEvent().type())
                        .put("alertId", r.lastEvent().alertId()).put("headline", r.lastEvent().headline());
            }
            counts(n.putObject("last24h"), r.last24h());
            counts(n.putObject("last7d"), r.last7d());
        }
        return out;
    }

    static ObjectNode actors(Situation<ActorSummary> s) {
        ObjectNode out = envelope(s.asOf());
        ArrayNode items = out.putArray("items");
        for (ActorSummary a : s.items()) {
            ObjectNode n = items.addObject().put("actor", a.actor()).put("alerts", a.alerts()).put("reports", a.reports())
                    .put("lastSeen", a.lastSeen().toString());
            strings(n.putArray("types"), a.types());
            strings(n.putArray("regions"), a.regions());
        }
        return out;
    }

    private static ObjectNode envelope(Instant asOf) {
        ObjectNode out = F.objectNode();
        if (asOf == null) out.putNull("asOf");
        else out.put("asOf", asOf.toString());
        out.put("asOfMeaning", AS_OF_MEANING);
        return out;
    }

    private static void counts(ObjectNode n, RegionSummary.Counts c) {
        n.put("events", c.events()).put("alerts", c.alerts());
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
