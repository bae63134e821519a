package io.sitrep.nlp.event;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sitrep.nlp.EntityType;
import io.sitrep.nlp.EventStatus;
import io.sitrep.nlp.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The event rules and the status lexicon, read from YAML and validated as a whole: a pack that loads is a pack
 * the detector can run. Layout (classpath or directory): {@code rules/status.yaml}, {@code rules/events/index.txt}
 * listing one rule file per line, {@code rules/events/<file>.yaml} holding one rule each.
 */
public record RulePack(StatusLexicon status, List<EventRule> rules) {
    public static final String STATUS = "rules/status.yaml";
    public static final String INDEX = "rules/events/index.txt";

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    // the file formats, as written by people
    record RuleSpec(String id, String type, String description, List<String> triggers, List<String> weakTriggers,
                    Map<String, RoleSpec> roles, List<String> exclusions, List<String> vetoes, String quantity, Map<String, String> alert,
                    List<LevelSpec> escalation) {}

    record RoleSpec(String required, List<String> terms, List<String> entityTypes, Integer window) {}

    record LevelSpec(Long atLeast, String severity) {}

    record StatusSpec(Integer historicalAfterDays, List<CueSpec> cues, List<String> hedges, List<String> clauseBreaks,
                      DatesSpec dates, QuantitiesSpec quantities) {}

    record CueSpec(String status, String strength, Integer before, Integer after, Boolean sentence, List<String> terms) {}

    record DatesSpec(Map<String, Integer> months, List<String> yearPrefixes, List<String> ignoreAfter) {}

    record QuantitiesSpec(Integer window, Integer lookahead, Map<String, Long> numbers, List<String> persons,
                          Map<String, List<String>> verbs) {}

    /** The default packs shipped in the jar. */
    public static RulePack loadDefault() {
        return fromClasspath(RulePack.class.getClassLoader());
    }

    public static RulePack fromClasspath(ClassLoader loader) {
        String index = resource(loader, INDEX);
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : indexEntries(index)) files.put("rules/events/" + name, resource(loader, "rules/events/" + name));
        return of(STATUS, resource(loader, STATUS), files);
    }

    /** A pack from a directory laid out like {@code rules/} (the directory itself is the {@code rules} one). */
    public static RulePack fromDirectory(Path rulesDir) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : indexEntries(read(rulesDir.resolve("events/index.txt")))) {
            files.put(rulesDir.resolve("events").resolve(name).toString(), read(rulesDir.resolve("events").resolve(name)));
        }
        return of(rulesDir.resolve("status.yaml").toString(), read(rulesDir.resolve("status.yaml")), files);
    }

    /** A pack from texts: the status lexicon and rule files by name (names appear in error messages). */
    public static RulePack of(String statusName, String statusYaml, Map<String, String> ruleFiles) {
        StatusLexicon status = parseStatus(statusName, statusYaml);
        List<EventRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, String> f : ruleFiles.entrySet()) {
            EventRule r = parseRule(f.getKey(), f.getValue(), status);
            if (!ids.add(r.id())) throw new RulePackException(f.getKey() + ": rule '" + r.id() + "': id already used by another rule");
            rules.add(r);
        }
        if (rules.isEmpty()) throw new RulePackException("the rule index lists no rule files");
        return new RulePack(status, List.copyOf(rules));
    }

    static EventRule parseRule(String file, String yaml, StatusLexicon status) {
        RuleSpec s;
        try {
            s = YAML.readValue(yaml, RuleSpec.class);
        } catch (IOException e) {
            throw new RulePackException(file + ": not a valid rule file: " + firstLine(e.getMessage()), e);
        }
        if (s == null) throw new RulePackException(file + ": empty rule file");
        String name = s.id() == null ? "?" : s.id();
        Checker c = new Checker(file + ": rule '" + name + "'");
        c.check(s.id() != null && ID.matcher(s.id()).matches(), "id must be lower-case letters, digits and '-'");
        c.check(s.type() != null && TYPE.matcher(s.type()).matches(), "type must be an UPPER_CASE name, got " + s.type());
        List<String> triggers = c.phrases("triggers", s.triggers());
        List<String> weak = c.phrases("weakTriggers", s.weakTriggers());
        c.check(!triggers.isEmpty() || !weak.isEmpty(), "needs at least one trigger");
        List<EventRule.Role> roles = new ArrayList<>();
        if (s.roles() != null) {
            s.roles().forEach((roleName, r) -> roles.add(c.role(roleName, r)));
        }
        c.check(weak.isEmpty() || roles.stream().anyMatch(r -> r.required() != EventRule.Requirement.NEVER),
                "weakTriggers need a role with 'required: weak' (or always) to confirm them");
        List<String> exclusions = c.phrases("exclusions", s.exclusions());
        List<String> vetoes = c.phrases("vetoes", s.vetoes());
        c.check(s.quantity() == null || status.quantityVerbs().containsKey(s.quantity()),
                "quantity '" + s.quantity() + "' is not a kind of rules/status.yaml quantities.verbs " + status.quantityVerbs().keySet());
        Map<EventStatus, Severity> alert = new EnumMap<>(EventStatus.class);
        if (s.alert() != null) {
            s.alert().forEach((st, sev) -> {
                EventStatus es = c.status("alert", st);
                c.check(es == EventStatus.ASSERTED || es == EventStatus.PLANNED,
                        "alert: status '" + st + "' never raises an alert (only asserted and planned may)");
                alert.put(es, c.severity("alert." + st, sev));
            });
        }
        c.check(alert.containsKey(EventStatus.ASSERTED), "alert must give the severity of an asserted event");
        List<EventRule.Level> levels = new ArrayList<>();
        if (s.escalation() != null) {
            c.check(s.quantity() != null, "escalation needs a quantity");
            for (LevelSpec l : s.escalation()) {
                c.check(l != null && l.atLeast() != null && l.atLeast() > 0, "escalation: atLeast must be a positive number");
                levels.add(new EventRule.Level(l.atLeast(), c.severity("escalation", l.severity())));
            }
            levels.sort(Comparator.comparingLong(EventRule.Level::atLeast).reversed());
        }
        return new EventRule(s.id(), s.type(), s.description() == null ? "" : s.description().trim(), triggers, weak,
                List.copyOf(roles), exclusions, vetoes, s.quantity(), Map.copyOf(alert), List.copyOf(levels), file);
    }

    static StatusLexicon parseStatus(String file, String yaml) {
        StatusSpec s;
        try {
            s = YAML.readValue(yaml, StatusSpec.class);
        } catch (IOException e) {
            throw new RulePackException(file + ": not a valid status file: " + firstLine(e.getMessage()), e);
        }
        if (s == null) throw new RulePackException(file + ": empty status file");
        Checker c = new Checker(file);
        List<StatusLexicon.Cue> cues = new ArrayList<>();
        c.check(s.cues() != null && !s.cues().isEmpty(), "cues: at least one cue group");
        int i = 0;
        for (CueSpec cs : s.cues()) {
            Checker cc = new Checker(file + ": cues[" + i++ + "]");
            cc.check(cs != null && cs.status() != null, "status is required");
            EventStatus st = cc.status("status", cs.status());
            cc.check(st != EventStatus.ASSERTED, "asserted is what remains when no cue applies; it has no cues");
            String strength = cs.strength() == null ? "strong" : cs.strength().toLowerCase(Locale.ROOT);
            cc.check(strength.equals("strong") || strength.equals("weak"), "strength is strong or weak, got " + cs.strength());
            int before = cs.before() == null ? 0 : cs.before();
            int after = cs.after() == null ? 0 : cs.after();
            boolean sentence = Boolean.TRUE.equals(cs.sentence());
            cc.check(before >= 0 && after >= 0, "before/after are token counts >= 0");
            cc.check(sentence || before + after > 0, "give before, after or sentence: true, or the cue reaches nothing");
            cues.add(new StatusLexicon.Cue(st, strength.equals("strong"), before, after, sentence, cc.phrases("terms", cs.terms())));
        }
        DatesSpec d = s.dates();
        c.check(d != null && d.months() != null && !d.months().isEmpty(), "dates.months is required");
        Map<String, Integer> months = new LinkedHashMap<>();
        d.months().forEach((m, v) -> {
            c.check(v != null && v >= 1 && v <= 12, "dates.months." + m + " must be 1..12");
            c.check(Lexicon.words(m).size() == 1, "dates.months." + m + " must be one word");
            months.put(m, v);
        });
        QuantitiesSpec q = s.quantities();
        c.check(q != null && q.verbs() != null && !q.verbs().isEmpty(), "quantities.verbs is required");
        Map<String, List<String>> verbs = new LinkedHashMap<>();
        q.verbs().forEach((k, v) -> verbs.put(k, c.phrases("quantities.verbs." + k, v)));
        Map<String, Long> numbers = q.numbers() == null ? Map.of() : new LinkedHashMap<>(q.numbers());
        numbers.forEach((k, v) -> {
            c.check(v != null && v > 0, "quantities.numbers." + k + " must be positive");
            c.phrases("quantities.numbers", List.of(k));
        });
        int days = s.historicalAfterDays() == null ? 30 : s.historicalAfterDays();
        c.check(days > 0, "historicalAfterDays must be positive");
        return new StatusLexicon(days, List.copyOf(cues), c.phrases("hedges", s.hedges()),
                c.phrases("clauseBreaks", s.clauseBreaks()), Map.copyOf(months), c.phrases("dates.yearPrefixes", d.yearPrefixes()),
                c.phrases("dates.ignoreAfter", d.ignoreAfter()), Map.copyOf(numbers),
                c.phrases("quantities.persons", q.persons()), Map.copyOf(verbs),
                q.window() == null ? 10 : q.window(), q.lookahead() == null ? 4 : q.lookahead());
    }

    /** Collects the context of an error so that every message names file and rule. */
    private record Checker(String where) {
        void check(boolean ok, String message) {
            if (!ok) throw new RulePackException(where + ": " + message);
        }

        List<String> phrases(String field, List<String> values) {
            if (values == null) return List.of();
            List<String> out = new ArrayList<>();
            for (String v : values) {
                try {
                    Lexicon.words(v);
                } catch (IllegalArgumentException e) {
                    throw new RulePackException(where + ": " + field + ": " + e.getMessage());
                }
                out.add(v.trim());
            }
            return List.copyOf(out);
        }

        EventStatus status(String field, String value) {
            try {
                return EventStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new RulePackException(where + ": " + field + ": unknown status '" + value + "'");
            }
        }

        Severity severity(String field, String value) {
            try {
                return Severity.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new RulePackException(where + ": " + field + ": unknown severity '" + value + "'");
            }
        }

        EventRule.Role role(String name, RoleSpec r) {
            check(r != null, "role '" + name + "' is empty");
            EventRule.Requirement req;
            try {
                req = r.required() == null ? EventRule.Requirement.NEVER
                        : EventRule.Requirement.valueOf(r.required().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RulePackException(where + ": role '" + name + "': required is always, weak or never, got " + r.required());
            }
            Set<EntityType> types = EnumSet.noneOf(EntityType.class);
            if (r.entityTypes() != null) {
                for (String t : r.entityTypes()) {
                    try {
                        types.add(EntityType.valueOf(t.trim().toUpperCase(Locale.ROOT)));
                    } catch (RuntimeException e) {
                        throw new RulePackException(where + ": role '" + name + "': unknown entity type '" + t + "'");
                    }
                }
            }
            List<String> terms = phrases("roles." + name + ".terms", r.terms());
            check(!terms.isEmpty() || !types.isEmpty(), "role '" + name + "' needs terms or entityTypes");
            int window = r.window() == null ? 0 : r.window();
            check(window >= 0, "role '" + name + "': window must be >= 0");
            return new EventRule.Role(name, req, terms, Set.copyOf(types), window);
        }
    }

    private static List<String> indexEntries(String index) {
        List<String> out = new ArrayList<>();
        for (String line : index.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (l.contains("..") || l.startsWith("/")) throw new RulePackException(INDEX + ": '" + l + "' must be a file name under rules/events/");
            out.add(l);
        }
        return out;
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) throw new RulePackException(name + ": not found on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulePackException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulePackException(p + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
