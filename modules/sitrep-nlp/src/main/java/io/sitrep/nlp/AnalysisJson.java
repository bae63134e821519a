package io.sitrep.nlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON lines of {@code sitrep analyze} (issue 2's contract). Input line:
 * {@code {"id","title","body","publishedAt"?,"source"?,"url"?}} ("text" is accepted for "body"). Output line:
 * {@code {"id","segments":n,"entities":[…],"places":[…],"events":[…],"alerts":[…]}}, entities, places and events
 * flattened over the segments and de-duplicated; or {@code {"id":…,"error":"reason"}} for a line that cannot be
 * read. Events carry, beyond the contract, severity, raisesAlert, quantities, rule, segment and headline.
 */
public final class AnalysisJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalysisJson() {}

    /** An input line read: either an article or the reason it is not one (with the id when it could be read). */
    public record ParsedLine(String id, ArticleText article, String error) {
        public boolean ok() { return article != null; }
    }

    /** Reads, analyzes and renders one input line; never throws. The whole {@code analyze} command is this in a loop. */
    public static String analyzeLine(ArticleAnalyzer analyzer, String line) {
        ParsedLine parsed = parseLine(line);
        if (!parsed.ok()) return error(parsed.id(), parsed.error());
        try {
            return toJson(analyzer.analyze(parsed.article()));
        } catch (RuntimeException e) {
            return error(parsed.id(), "analysis failed: " + e);
        }
    }

    public static ParsedLine parseLine(String line) {
        if (line == null || line.isBlank()) return new ParsedLine(null, null, "empty line");
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new ParsedLine(null, null, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) return new ParsedLine(null, null, "not a JSON object");
        JsonNode idNode = node.get("id");
        String id = idNode != null && (idNode.isTextual() || idNode.isNumber()) ? idNode.asText() : null;
        if (id == null || id.isBlank()) return new ParsedLine(null, null, "missing \"id\" (a string)");
        JsonNode body = node.has("body") ? node.get("body") : node.get("text");
        if (body == null || !body.isTextual()) return new ParsedLine(id, null, "missing \"body\" (a string)");
        String title = text(node, "title");
        if (title == null && node.hasNonNull("title")) return new ParsedLine(id, null, "\"title\" must be a string");
        Instant publishedAt = null;
        if (node.hasNonNull("publishedAt")) {
            JsonNode p = node.get("publishedAt");
            if (!p.isTextual()) return new ParsedLine(id, null, "\"publishedAt\" must be an ISO-8601 string");
            publishedAt = instant(p.asText());
            if (publishedAt == null) return new ParsedLine(id, null, "\"publishedAt\": cannot read '" + p.asText() + "' as an ISO-8601 time");
        }
        return new ParsedLine(id, new ArticleText(id, title, body.asText(), publishedAt, text(node, "source"), text(node, "url")), null);
    }

    public static String error(String id, String reason) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("error", reason == null ? "unknown error" : reason);
        return o.toString();
    }

    public static String toJson(Analysis analysis) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", analysis.articleId());
        root.put("segments", analysis.segments().size());
        ArrayNode entities = root.putArray("entities");
        ArrayNode places = root.putArray("places");
        ArrayNode events = root.putArray("events");
        Map<String, ObjectNode> entityById = new LinkedHashMap<>();
        Set<String> placeIds = new HashSet<>();
        Set<String> eventKeys = new HashSet<>();
        Set<String> alerts = new LinkedHashSet<>();
        for (SegmentAnalysis s : analysis.segments()) {
            for (EntityRef e : s.entities()) {
                ObjectNode o = entityById.get(e.id());
                if (o == null) {
                    o = entities.addObject();
                    o.put("id", e.id());
                    o.put("type", e.type() == null ? null : e.type().name());
                    o.put("name", e.name());
                    if (e.role() != null) o.put("role", e.role());
                    o.putArray("mentions");
                    entityById.put(e.id(), o);
                }
                ArrayNode mentions = (ArrayNode) o.get("mentions");
                for (String m : e.mentions()) if (!contains(mentions, m)) mentions.add(m);
            }
            for (PlaceRef p : s.places()) if (placeIds.add(placeKey(p))) places.add(place(p));
            for (DetectedEvent e : s.events()) {
                if (!eventKeys.add(e.type() + '\u0000' + e.status() + '\u0000' + e.evidence())) continue;
                ObjectNode o = events.addObject();
                o.put("type", e.type());
                o.put("status", e.status().name().toLowerCase(Locale.ROOT));
                o.put("confidence", e.confidence());
                if (e.place() == null) o.putNull("place"); else o.set("place", place(e.place()));
                ArrayNode actors = o.putArray("actors");
                e.actors().forEach(actors::add);
                o.put("evidence", e.evidence());
                o.put("severity", e.severity() == null ? null : e.severity().name());
                o.put("raisesAlert", e.raisesAlert());
                ObjectNode q = o.putObject("quantities");
                e.quantities().forEach(q::put);
                o.put("rule", e.rule());
                o.put("segment", s.index());
                o.put("headline", s.headline());
                if (e.raisesAlert()) alerts.add(e.type());
            }
        }
        ArrayNode a = root.putArray("alerts");
        alerts.forEach(a::add);
        return root.toString();
    }

    private static ObjectNode place(PlaceRef p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", p.id());
        o.put("name", p.name());
        o.put("lat", p.lat());
        o.put("lon", p.lon());
        o.put("admin1", p.admin1());
        o.put("country", p.country());
        o.put("kind", p.kind());
        return o;
    }

    private static String placeKey(PlaceRef p) {
        return p.id() != null ? p.id() : p.name() + '@' + p.lat() + ',' + p.lon();
    }

    private static boolean contains(ArrayNode array, String value) {
        for (JsonNode n : array) if (n.asText().equals(value)) return true;
        return false;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** ISO-8601 instant, offset date-time, local date-time (taken as UTC) or date (midnight UTC). */
    static Instant instant(String s) {
        String t = s.trim();
        try { return Instant.parse(t); } catch (DateTimeParseException ignored) { }
        try { return OffsetDateTime.parse(t).toInstant(); } catch (DateTimeParseException ignored) { }
        try { return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC); } catch (DateTimeParseException ignored) { }
        try { return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant(); } catch (DateTimeParseException ignored) { }
        return null;
    }
}
