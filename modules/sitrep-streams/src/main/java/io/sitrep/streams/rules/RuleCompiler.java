package io.sitrep.streams.rules;

import io.sitrep.model.avro.EventStatus;
import io.sitrep.model.avro.RaiseAlert;
import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.RuleAction;
import io.sitrep.model.avro.RuleMatch;
import io.sitrep.model.avro.Severity;
import io.sitrep.streams.rules.OperatorRule.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a {@link Rule} and compiles it to an {@link OperatorRule}. Every problem is collected, with a reason an
 * operator can act on (unknown type, empty match, bad severity, regex too costly, …); never throws anything else.
 */
public final class RuleCompiler {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,39}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final int MAX_ENTRIES = 200;
    private static final int MAX_PATTERNS = 10;

    private final RuleVocabulary vocabulary;

    public RuleCompiler(RuleVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public static RuleCompiler standard() {
        return new RuleCompiler(RuleVocabulary.standard());
    }

    /** The compiled rule; {@link InvalidRuleException} with every problem when it is invalid. */
    public OperatorRule compile(Rule rule) {
        List<String> problems = new ArrayList<>();
        try {
            OperatorRule r = compile(rule, problems);
            if (problems.isEmpty()) return r;
        } catch (RuntimeException e) {
            // a rule from the topic may hold anything; a surprise is a rejection, not a crash
            problems.add("cannot read the rule: " + e);
        }
        throw new InvalidRuleException(rule == null ? null : rule.getId(), problems);
    }

    private OperatorRule compile(Rule rule, List<String> problems) {
        if (rule == null) {
            problems.add("no rule");
            return null;
        }
        String id = rule.getId();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("bad id '" + id + "': 2-64 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        RuleMatch m = rule.getMatch();
        RuleAction a = rule.getAction();
        if (m == null) {
            problems.add("no match");
            return null;
        }
        if (a == null) {
            problems.add("no action");
            return null;
        }

        Set<String> types = new LinkedHashSet<>();
        for (String t : list(m.getTypes(), "types", problems)) {
            String u = t.strip().toUpperCase(Locale.ROOT);
            if (vocabulary.eventTypes().contains(u)) types.add(u);
            else problems.add("unknown type '" + t + "': one of " + vocabulary.eventTypes());
        }
        Set<EventStatus> statuses = new LinkedHashSet<>();
        for (String s : list(m.getStatuses(), "statuses", problems)) {
            EventStatus st = enumValue(EventStatus.class, s);
            if (st != null) statuses.add(st);
            else problems.add("unknown status '" + s + "': one of " + Arrays.toString(EventStatus.values()));
        }
        Set<String> governorates = new LinkedHashSet<>();
        Set<String> countries = new LinkedHashSet<>();
        for (String r : list(m.getRegions(), "regions", problems)) {
            String s = r.strip();
            if (COUNTRY.matcher(s).matches()) countries.add(s);
            else vocabulary.governorate(s).ifPresentOrElse(governorates::add,
                    () -> problems.add("unknown region '" + r + "': a governorate of Iraq or Syria (any usual spelling) or an ISO country code such as IQ"));
        }
        Set<String> placeIds = new LinkedHashSet<>();
        List<FoldedPhrase> placeNames = new ArrayList<>();
        for (String p : list(m.getPlaces(), "places", problems)) {
            if (isId(p)) placeIds.add(p.strip());
            else phrase(p, "place", problems, placeNames);
        }
        Set<String> actorIds = new LinkedHashSet<>();
        List<FoldedPhrase> actorNames = new ArrayList<>();
        for (String p : list(m.getActors(), "actors", problems)) {
            if (isId(p)) actorIds.add(p.strip());
            else phrase(p, "actor", problems, actorNames);
        }
        List<FoldedPhrase> keywords = new ArrayList<>();
        for (String k : list(m.getKeywords(), "keywords", problems)) phrase(k, "keyword", problems, keywords);
        List<BoundedPattern> patterns = new ArrayList<>();
        List<String> writtenPatterns = list(m.getPatterns(), "patterns", problems);
        if (writtenPatterns.size() > MAX_PATTERNS) problems.add("more than " + MAX_PATTERNS + " patterns (too costly)");
        else for (String p : writtenPatterns) {
            BoundedPattern.Result r = BoundedPattern.compile(p);
            if (r.problem() != null) problems.add(r.problem());
            else patterns.add(r.pattern());
        }
        Severity minSeverity = severity(m.getMinSeverity(), "minSeverity", problems);

        Severity setSeverity = severity(a.getSetSeverity(), "setSeverity", problems);
        int bump = a.getBumpSeverity();
        if (bump < 0 || bump > 4) problems.add("bumpSeverity " + bump + " out of range: 0 to 4 levels");
        if (setSeverity != null && bump > 0) problems.add("give setSeverity or bumpSeverity, not both");
        String raiseType = null;
        Severity raiseSeverity = null;
        RaiseAlert raise = a.getRaiseAlert();
        if (raise != null) {
            raiseType = raise.getType() == null ? RuleVocabulary.WATCH : raise.getType().strip().toUpperCase(Locale.ROOT);
            if (!raiseType.equals(RuleVocabulary.WATCH)) {
                problems.add("raiseAlert type '" + raise.getType() + "': operator rules raise " + RuleVocabulary.WATCH + " alerts only");
            }
            if (raise.getSeverity() == null || raise.getSeverity().isBlank()) {
                problems.add("raiseAlert needs a severity");
            } else {
                raiseSeverity = severity(raise.getSeverity(), "raiseAlert severity", problems);
                if (raiseSeverity == Severity.INFO) {
                    problems.add("raiseAlert severity INFO raises nothing: LOW, MEDIUM, HIGH or CRITICAL");
                }
            }
        }
        List<String> tags = new ArrayList<>();
        for (String t : list(a.getTags(), "tags", problems)) {
            if (TAG.matcher(t).matches()) tags.add(t);
            else problems.add("bad tag '" + t + "': lower-case letters, digits and . _ : -, at most 40");
        }

        boolean eventCriteria = !types.isEmpty() || !statuses.isEmpty() || minSeverity != null;
        boolean anyCriterion = eventCriteria || !governorates.isEmpty() || !countries.isEmpty() || !placeIds.isEmpty()
                || !placeNames.isEmpty() || !actorIds.isEmpty() || !actorNames.isEmpty() || !keywords.isEmpty() || !patterns.isEmpty();
        if (!anyCriterion && isEmpty(m)) {
            problems.add("empty match: give at least one of types, statuses, regions, places, actors, keywords, patterns, minSeverity");
        }
        boolean changes = setSeverity != null || bump > 0;
        if (a.getSetSeverity() == null && bump == 0 && raise == null && a.getTags().isEmpty()) {
            problems.add("empty action: give setSeverity, bumpSeverity, raiseAlert or tags");
        }
        Scope scope;
        if (m.getScope() == null || m.getScope().isBlank()) {
            scope = eventCriteria || changes ? Scope.EVENTS : Scope.SEGMENT;
        } else {
            scope = enumValue(Scope.class, m.getScope());
            if (scope == null) {
                problems.add("unknown scope '" + m.getScope() + "': EVENTS or SEGMENT");
            } else if (scope == Scope.SEGMENT && eventCriteria) {
                problems.add("types, statuses and minSeverity look at events: use scope EVENTS");
            } else if (scope == Scope.SEGMENT && changes) {
                problems.add("setSeverity and bumpSeverity change events: use scope EVENTS");
            }
        }
        if (!problems.isEmpty()) return null;
        return new OperatorRule(rule, id, rule.getEnabled(), scope, Set.copyOf(types), Set.copyOf(statuses),
                Set.copyOf(governorates), Set.copyOf(countries), Set.copyOf(placeIds), List.copyOf(placeNames),
                Set.copyOf(actorIds), List.copyOf(actorNames), List.copyOf(keywords), List.copyOf(patterns),
                minSeverity, setSeverity, bump, raiseType, raiseSeverity, List.copyOf(tags));
    }

    private static boolean isEmpty(RuleMatch m) {
        return m.getTypes().isEmpty() && m.getStatuses().isEmpty() && m.getRegions().isEmpty() && m.getPlaces().isEmpty()
                && m.getActors().isEmpty() && m.getKeywords().isEmpty() && m.getPatterns().isEmpty() && m.getMinSeverity() == null;
    }

    /** Entries of a list, blank ones reported; null when the list itself is absent. */
    private static List<String> list(List<String> values, String field, List<String> problems) {
        if (values == null) return List.of();
        if (values.size() > MAX_ENTRIES) {
            problems.add(field + ": more than " + MAX_ENTRIES + " entries");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) problems.add(field + ": an empty entry");
            else out.add(v);
        }
        return out;
    }

    private static void phrase(String written, String what, List<String> problems, List<FoldedPhrase> into) {
        FoldedPhrase p = FoldedPhrase.of(written);
        if (p.key().length() < FoldedPhrase.MIN_KEY_LENGTH) {
            problems.add(what + " '" + written + "' is too short to match safely (at least "
                    + FoldedPhrase.MIN_KEY_LENGTH + " letters besides articles)");
        } else {
            into.add(p);
        }
    }

    /** Gazetteer and entity ids look like {@code geonames:99072} or {@code org:pmf}. */
    private static boolean isId(String s) {
        String t = s.strip();
        int colon = t.indexOf(':');
        return colon > 0 && colon < t.length() - 1 && t.indexOf(' ') < 0;
    }

    private static Severity severity(String written, String field, List<String> problems) {
        if (written == null || written.isBlank()) return null;
        Severity s = enumValue(Severity.class, written);
        if (s == null) problems.add("bad severity '" + written + "' in " + field + ": one of " + Arrays.toString(Severity.values()));
        return s;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String written) {
        String u = written.strip().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) if (e.name().equals(u)) return e;
        return null;
    }
}
