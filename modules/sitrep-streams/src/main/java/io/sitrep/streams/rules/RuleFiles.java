package io.sitrep.streams.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sitrep.model.avro.RaiseAlert;
import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.RuleAction;
import io.sitrep.model.avro.RuleMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operator rule files: YAML as people write them → Avro {@link Rule}s. A file holds one rule or several YAML
 * documents separated by {@code ---}. Unknown fields and wrong shapes fail with the file, the rule and the field;
 * what the fields mean is checked by {@link RuleCompiler}.
 */
public final class RuleFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> RULE_FIELDS = Set.of("id", "description", "enabled", "match", "action", "author", "updatedAt");
    private static final Set<String> MATCH_FIELDS = Set.of("scope", "types", "statuses", "regions", "places", "actors",
            "keywords", "patterns", "minSeverity");
    private static final Set<String> ACTION_FIELDS = Set.of("setSeverity", "bumpSeverity", "raiseAlert", "tags");
    private static final Set<String> RAISE_FIELDS = Set.of("type", "severity");

    private RuleFiles() {}

    /** A malformed rule file, naming the file and what is wrong. */
    public static final class RuleFileException extends RuntimeException {
        public RuleFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static List<Rule> read(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new RuleFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), yaml);
    }

    /** @param name what to call the text in messages, e.g. its file name */
    public static List<Rule> parse(String name, String yaml) {
        List<Rule> rules = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int n = 0;
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                n++;
                if (doc == null || doc.isNull() || doc.isMissingNode()) continue;
                String where = name + " (document " + n + (doc.hasNonNull("id") ? ", rule " + doc.get("id").asText() : "") + ")";
                rules.add(rule(where, doc));
            }
        } catch (JsonProcessingException e) {
            throw new RuleFileException(name + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RuleFileException(name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof RuleFileException) throw e;
            throw new RuleFileException(name + ": not valid YAML: " + e.getMessage(), e);
        }
        if (rules.isEmpty()) throw new RuleFileException(name + ": no rule in the file", null);
        return rules;
    }

    private static Rule rule(String where, JsonNode doc) {
        ObjectNode o = object(where, "rule", doc);
        fields(where, "rule", o, RULE_FIELDS);
        ObjectNode match = o.has("match") ? object(where, "match", o.get("match")) : YAML.createObjectNode();
        ObjectNode action = o.has("action") ? object(where, "action", o.get("action")) : YAML.createObjectNode();
        fields(where, "match", match, MATCH_FIELDS);
        fields(where, "action", action, ACTION_FIELDS);
        RaiseAlert raise = null;
        if (action.hasNonNull("raiseAlert")) {
            ObjectNode r = object(where, "action.raiseAlert", action.get("raiseAlert"));
            fields(where, "action.raiseAlert", r, RAISE_FIELDS);
            raise = RaiseAlert.newBuilder()
                    .setType(text(where, "raiseAlert.type", r.get("type"), RuleVocabulary.WATCH))
                    .setSeverity(text(where, "raiseAlert.severity", r.get("severity"), null))
                    .build();
        }
        return Rule.newBuilder()
                .setId(text(where, "id", o.get("id"), ""))
                .setDescription(text(where, "description", o.get("description"), null))
                .setEnabled(bool(where, "enabled", o.get("enabled")))
                .setMatch(RuleMatch.newBuilder()
                        .setScope(text(where, "match.scope", match.get("scope"), null))
                        .setTypes(strings(where, "match.types", match.get("types")))
                        .setStatuses(strings(where, "match.statuses", match.get("statuses")))
                        .setRegions(strings(where, "match.regions", match.get("regions")))
                        .setPlaces(strings(where, "match.places", match.get("places")))
                        .setActors(strings(where, "match.actors", match.get("actors")))
                        .setKeywords(strings(where, "match.keywords", match.get("keywords")))
                        .setPatterns(strings(where, "match.patterns", match.get("patterns")))
                        .setMinSeverity(text(where, "match.minSeverity", match.get("minSeverity"), null))
                        .build())
                .setAction(RuleAction.newBuilder()
                        .setSetSeverity(text(where, "action.setSeverity", action.get("setSeverity"), null))
                        .setBumpSeverity(integer(where, "action.bumpSeverity", action.get("bumpSeverity")))
                        .setRaiseAlert(raise)
                        .setTags(strings(where, "action.tags", action.get("tags")))
                        .build())
                .setAuthor(text(where, "author", o.get("author"), null))
                .setUpdatedAt(instant(where, o.get("updatedAt")))
                .build();
    }

    private static ObjectNode object(String where, String field, JsonNode n) {
        if (n instanceof ObjectNode o) return o;
        throw new RuleFileException(where + ": " + field + " must be a mapping of fields", null);
    }

    private static void fields(String where, String what, ObjectNode o, Set<String> known) {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            String f = it.next().getKey();
            if (!known.contains(f)) {
                throw new RuleFileException(where + ": unknown field '" + f + "' in " + what + " (known: "
                        + known.stream().sorted().toList() + ")", null);
            }
        }
    }

    private static String text(String where, String field, JsonNode n, String absent) {
        if (n == null || n.isNull()) return absent;
        if (!n.isValueNode()) throw new RuleFileException(where + ": " + field + " must be a single value", null);
        return n.asText();
    }

    private static boolean bool(String where, String field, JsonNode n) {
        if (n == null || n.isNull()) return true;
        if (!n.isBoolean()) throw new RuleFileException(where + ": " + field + " must be true or false", null);
        return n.booleanValue();
    }

    private static int integer(String where, String field, JsonNode n) {
        if (n == null || n.isNull()) return 0;
        if (!n.canConvertToInt() || !n.isIntegralNumber()) throw new RuleFileException(where + ": " + field + " must be a whole number", null);
        return n.intValue();
    }

    /** A list of strings; a single string is a list of one. */
    private static List<String> strings(String where, String field, JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isValueNode()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) throw new RuleFileException(where + ": " + field + " must be a list", null);
        for (JsonNode e : n) {
            if (!e.isValueNode() || e.isNull()) throw new RuleFileException(where + ": " + field + " must hold plain values", null);
            out.add(e.asText());
        }
        return out;
    }

    private static Instant instant(String where, JsonNode n) {
        if (n == null || n.isNull()) return null;
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new RuleFileException(where + ": updatedAt must be an ISO-8601 instant such as 2026-02-01T10:00:00Z", e);
        }
    }
}
