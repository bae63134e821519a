package io.sitrep.sinks.geojson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.Place;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.query.AlertFilter;
import io.sitrep.model.query.AlertQueries;
import io.sitrep.sinks.http.HttpFeature;
import io.sitrep.sinks.http.Role;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/alerts.geojson} (VIEWER): the alerts (latest version each) as a GeoJSON FeatureCollection of
 * Points at their place, coordinates in [lon, lat] order (RFC 7946). Alerts without a place cannot be drawn: they
 * are left out and counted in the foreign member {@code sitrep:omitted}. The path has no {@code /} after
 * {@code alerts}, so it never matches {@code /api/alerts/{id}}.
 */
public final class GeoJsonFeature implements HttpFeature {
    public static final String PATH = "/api/alerts.geojson";
    public static final String MEDIA_TYPE = "application/geo+json";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final AlertQueries queries;

    public GeoJsonFeature(AlertQueries queries) {
        this.queries = queries;
    }

    @Override
    public void register(JavalinConfig cfg) {
        cfg.routes.get(PATH, this::get, Role.VIEWER);
    }

    private void get(Context ctx) {
        List<Alert> alerts = queries.alerts(new AlertFilter(Set.of(), Set.of(), null, null, AlertFilter.DEFAULT_LIMIT));
        ctx.status(200).contentType(MEDIA_TYPE + "; charset=utf-8").result(AvroJson.write(collection(alerts)));
    }

    public static ObjectNode collection(List<Alert> alerts) {
        ObjectNode fc = F.objectNode().put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        int omitted = 0;
        for (Alert a : alerts) {
            if (a.getPlace() == null) {
                omitted++;
            } else {
                features.add(feature(a));
            }
        }
        fc.put("sitrep:omitted", omitted);
        return fc;
    }

    static ObjectNode feature(Alert a) {
        Place p = a.getPlace();
        ObjectNode f = F.objectNode().put("type", "Feature").put("id", a.getId());
        ObjectNode g = f.putObject("geometry").put("type", "Point");
        g.putArray("coordinates").add(p.getLon()).add(p.getLat());
        ObjectNode props = f.putObject("properties");
        props.put("id", a.getId());
        props.put("type", a.getType());
        props.put("severity", a.getSeverity().name());
        props.put("status", a.getStatus().name());
        props.put("headline", a.getHeadline());
        props.put("version", a.getVersion());
        props.put("eventStatus", a.getEventStatus().name());
        props.put("confidence", a.getConfidence());
        props.put("independentOutlets", a.getIndependentOutlets());
        props.put("firstSeen", a.getFirstSeen().toString());
        props.put("lastSeen", a.getLastSeen().toString());
        props.put("place", p.getName());
        props.put("placeId", p.getId());
        if (p.getAdmin1() != null) props.put("region", p.getAdmin1());
        if (p.getCountry() != null) props.put("country", p.getCountry());
        if (a.getAssignee() != null) props.put("assignee", a.getAssignee());
        ArrayNode actors = props.putArray("actors");
        a.getActors().forEach(actors::add);
        return f;
    }
}
