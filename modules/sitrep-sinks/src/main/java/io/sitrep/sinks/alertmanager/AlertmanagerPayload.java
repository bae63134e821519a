package io.sitrep.sinks.alertmanager;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Report;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One alert version as Alertmanager v2 {@code postableAlert}s. The mapping is documented in docs/SINKS.md. */
public final class AlertmanagerPayload {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int SOURCES_MAX = 10;

    private AlertmanagerPayload() {}

    /**
     * The labels that identify the alert in Alertmanager: alertname, type, severity, alert_id and, with a place,
     * region, place and country.
     */
    public static Map<String, String> labels(Alert a) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("alertname", alertname(a.getType()));
        l.put("type", a.getType());
        l.put("severity", a.getSeverity().name().toLowerCase(Locale.ROOT));
        l.put("alert_id", a.getId());
        Place p = a.getPlace();
        if (p != null) {
            if (p.getAdmin1() != null) l.put("region", p.getAdmin1());
            l.put("place", p.getName());
            if (p.getCountry() != null) l.put("country", p.getCountry());
        }
        return l;
    }

    /** {@code ARMED_CLASH} becomes {@code SitrepArmedClash}. */
    static String alertname(String type) {
        StringBuilder b = new StringBuilder("Sitrep");
        for (String part : type.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    /** The alert itself: resolved alerts end at {@code resolvedAt}, open ones {@code openFor} after {@code now}. */
    public static ObjectNode alert(Alert a, AlertmanagerSettings settings, Instant now) {
        Instant startsAt = a.getFirstSeen();
        Instant endsAt = a.getStatus() == AlertStatus.RESOLVED
                ? (a.getResolvedAt() != null ? a.getResolvedAt() : now)
                : now.plus(settings.openFor());
        if (endsAt.isBefore(startsAt)) endsAt = startsAt;
        ObjectNode o = postable(labels(a), startsAt, endsAt);
        ObjectNode ann = o.putObject("annotations");
        ann.put("summary", a.getHeadline());
        if (a.getSummary() != null) ann.put("description", a.getSummary());
        ann.put("evidence", String.join("\n", a.getEvidence()));
        ann.put("sources", sources(a));
        ann.put("status", a.getStatus().name());
        ann.put("version", String.valueOf(a.getVersion()));
        ann.put("independent_outlets", String.valueOf(a.getIndependentOutlets()));
        if (a.getAssignee() != null) ann.put("assignee", a.getAssignee());
        if (settings.generatorBase() != null) {
            String base = settings.generatorBase().toString().replaceAll("/+$", "");
            o.put("generatorURL", base + "/api/alerts/" + encode(a.getId()));
        }
        return o;
    }

    /** An earlier label set of the same alert (severity or place changed), ended now so it does not linger. */
    public static ObjectNode ended(Map<String, String> labels, Instant startsAt, Instant now) {
        return postable(labels, startsAt, now.isBefore(startsAt) ? startsAt : now);
    }

    public static ArrayNode array(Iterable<ObjectNode> alerts) {
        ArrayNode a = F.arrayNode();
        alerts.forEach(a::add);
        return a;
    }

    private static ObjectNode postable(Map<String, String> labels, Instant startsAt, Instant endsAt) {
        ObjectNode o = F.objectNode();
        ObjectNode l = o.putObject("labels");
        labels.forEach(l::put);
        o.put("startsAt", startsAt.truncatedTo(ChronoUnit.MILLIS).toString());
        o.put("endsAt", endsAt.truncatedTo(ChronoUnit.MILLIS).toString());
        return o;
    }

    private static String sources(Alert a) {
        return a.getReports().stream().filter(r -> r.getDuplicateOf() == null).limit(SOURCES_MAX)
                .map(AlertmanagerPayload::source).collect(Collectors.joining("\n"));
    }

    private static String source(Report r) {
        String outlet = r.getOutlet() != null ? r.getOutlet() : r.getArticleId();
        return r.getUrl() != null ? outlet + " " + r.getUrl() : outlet;
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
