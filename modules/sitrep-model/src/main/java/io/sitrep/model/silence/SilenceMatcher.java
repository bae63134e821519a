package io.sitrep.model.silence;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.Matcher;
import io.sitrep.model.avro.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Alertmanager's matcher semantics over an alert's labels: type (alertname), severity, region, place, country, actor, id. */
public final class SilenceMatcher {
    public static final List<String> LABELS = List.of("type", "alertname", "severity", "region", "place", "country", "actor", "id");

    private SilenceMatcher() {}

    public static boolean active(Silence s, Instant at) {
        return !at.isBefore(s.getStartsAt()) && at.isBefore(s.getEndsAt());
    }

    public static boolean matches(Silence s, Alert a, Instant at) {
        if (!active(s, at) || s.getMatchers().isEmpty()) return false;
        for (Matcher m : s.getMatchers()) {
            if (!matches(m, a)) return false;
        }
        return true;
    }

    /** Why a matcher cannot be used, or null when it is fine. */
    public static String problem(Matcher m) {
        if (!LABELS.contains(m.getName())) return "unknown label '" + m.getName() + "': one of " + LABELS;
        if (m.getIsRegex()) {
            try {
                Pattern.compile(m.getValue());
            } catch (PatternSyntaxException e) {
                return "bad regex for " + m.getName() + ": " + e.getDescription();
            }
        }
        return null;
    }

    static boolean matches(Matcher m, Alert a) {
        boolean any = values(m.getName(), a).stream().anyMatch(v -> test(m, v));
        return m.getIsEqual() == any;
    }

    private static boolean test(Matcher m, String value) {
        if (value == null) return false;
        if (m.getIsRegex()) return Pattern.compile(m.getValue(), Pattern.CASE_INSENSITIVE).matcher(value).matches();
        return m.getValue().equalsIgnoreCase(value);
    }

    private static List<String> values(String label, Alert a) {
        switch (label.toLowerCase(Locale.ROOT)) {
            case "type", "alertname": return List.of(a.getType());
            case "severity": return List.of(a.getSeverity().name());
            case "id": return List.of(a.getId());
            case "actor": return a.getActors();
            case "region": return a.getPlace() == null || a.getPlace().getAdmin1() == null ? List.of() : List.of(a.getPlace().getAdmin1());
            case "place": return a.getPlace() == null ? List.of() : List.of(a.getPlace().getName());
            case "country": return a.getPlace() == null || a.getPlace().getCountry() == null ? List.of() : List.of(a.getPlace().getCountry());
            default: return List.of();
        }
    }
}
