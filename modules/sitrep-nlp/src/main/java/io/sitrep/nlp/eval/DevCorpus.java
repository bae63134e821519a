package io.sitrep.nlp.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.nlp.EventStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The labelled dev corpus (JSON Lines, see data/corpus/README.md), loaded and validated: every line must be a JSON
 * object with a unique id, a text, an ISO publication time, known types and statuses, and gold alerts that agree
 * with its events under {@link LabellingPolicy}. Every broken line is reported, each with its number.
 */
public record DevCorpus(String source, List<LabelledText> texts) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("id", "title", "text", "publishedAt", "alerts", "events", "note");
    private static final int MAX_REPORTED_ERRORS = 25;

    public DevCorpus {
        texts = List.copyOf(texts);
    }

    public static DevCorpus load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DevCorpusException("cannot read dev corpus " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), lines);
    }

    /** Parses the lines of a corpus; {@code source} names it in error messages. Blank lines are skipped. */
    public static DevCorpus parse(String source, List<String> lines) {
        List<LabelledText> texts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> lineOfId = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) continue;
            try {
                LabelledText t = parseLine(lines.get(i), line);
                Integer first = lineOfId.putIfAbsent(t.id(), line);
                if (first != null) throw new IllegalArgumentException("duplicate id '" + t.id() + "' (first on line " + first + ")");
                texts.add(t);
            } catch (IllegalArgumentException e) {
                errors.add(source + ":" + line + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            List<String> shown = errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS));
            String more = errors.size() > shown.size() ? "\n  … and " + (errors.size() - shown.size()) + " more" : "";
            throw new DevCorpusException("invalid dev corpus, " + errors.size() + " error(s):\n  "
                    + String.join("\n  ", shown) + more);
        }
        if (texts.isEmpty()) throw new DevCorpusException("dev corpus " + source + " holds no texts");
        return new DevCorpus(source, texts);
    }

    /** How many texts must raise each type, in taxonomy order (types no text raises count 0). */
    public Map<String, Integer> alertCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        LabellingPolicy.TYPES.forEach(t -> counts.put(t, 0));
        texts.forEach(t -> t.alerts().forEach(a -> counts.merge(a, 1, Integer::sum)));
        return counts;
    }

    /** The texts that must raise no alert at all. */
    public long nonAlertingCount() {
        return texts.stream().filter(t -> t.alerts().isEmpty()).count();
    }

    private static LabelledText parseLine(String json, int line) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) throw new IllegalArgumentException("not a JSON object");
        node.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) throw new IllegalArgumentException("unknown field '" + f + "'");
        });
        String id = requiredString(node, "id");
        String text = requiredString(node, "text");
        String title = optionalString(node, "title");
        String note = optionalString(node, "note");
        Instant publishedAt = instant(requiredString(node, "publishedAt"));
        Set<String> alerts = alerts(node.get("alerts"));
        List<GoldEvent> events = events(node.get("events"));
        Set<String> implied = new TreeSet<>();
        events.stream().filter(e -> LabellingPolicy.raisesAlert(e.type(), e.status())).forEach(e -> implied.add(e.type()));
        if (!implied.equals(new TreeSet<>(alerts))) {
            throw new IllegalArgumentException("alerts " + new TreeSet<>(alerts) + " disagree with the events under the policy, which imply "
                    + implied + " (id " + id + ")");
        }
        return new LabelledText(id, title, text, publishedAt, Collections.unmodifiableSet(alerts), events, note, line);
    }

    private static String requiredString(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("missing '" + field + "'");
        if (!v.isTextual() || v.asText().isBlank()) throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
        return v.asText();
    }

    private static String optionalString(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new IllegalArgumentException("'" + field + "' must be a string");
        return v.asText();
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'publishedAt' is not an ISO-8601 instant: '" + s + "'");
        }
    }

    private static Set<String> alerts(JsonNode v) {
        if (v == null || !v.isArray()) throw new IllegalArgumentException("'alerts' must be an array of types");
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode a : v) {
            String type = type(a, "alerts");
            if (!out.add(type)) throw new IllegalArgumentException("'alerts' lists " + type + " twice");
        }
        return out;
    }

    private static List<GoldEvent> events(JsonNode v) {
        if (v == null || !v.isArray()) throw new IllegalArgumentException("'events' must be an array");
        List<GoldEvent> out = new ArrayList<>();
        Set<GoldEvent> seen = new HashSet<>();
        for (JsonNode e : v) {
            if (!e.isObject()) throw new IllegalArgumentException("each event must be an object {type, status}");
            e.fieldNames().forEachRemaining(f -> {
                if (!f.equals("type") && !f.equals("status")) throw new IllegalArgumentException("unknown event field '" + f + "'");
            });
            GoldEvent event = new GoldEvent(type(e.get("type"), "events"), status(e.get("status")));
            if (!seen.add(event)) throw new IllegalArgumentException("event " + event.type() + "/" + event.status() + " listed twice");
            out.add(event);
        }
        return List.copyOf(out);
    }

    private static String type(JsonNode v, String where) {
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("'" + where + "' holds a type that is not a string");
        if (!LabellingPolicy.isKnownType(v.asText())) {
            throw new IllegalArgumentException("unknown type '" + v.asText() + "' in '" + where + "' (known: " + LabellingPolicy.TYPES + ")");
        }
        return v.asText();
    }

    private static EventStatus status(JsonNode v) {
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("event without a 'status'");
        try {
            return EventStatus.valueOf(v.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown status '" + v.asText() + "' (known: asserted, planned, hypothetical, negated, historical)");
        }
    }
}
