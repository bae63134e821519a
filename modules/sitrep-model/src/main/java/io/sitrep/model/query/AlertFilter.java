package io.sitrep.model.query;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Which alerts a query wants. Empty sets and nulls mean "any". */
public record AlertFilter(Set<AlertStatus> statuses, Set<String> types, String region, Instant since, int limit)
        implements Predicate<Alert> {
    public static final int DEFAULT_LIMIT = 500;

    public static AlertFilter all() {
        return new AlertFilter(Set.of(), Set.of(), null, null, DEFAULT_LIMIT);
    }

    public AlertFilter withLimit(int n) {
        return new AlertFilter(statuses, types, region, since, n);
    }

    @Override
    public boolean test(Alert a) {
        if (!statuses.isEmpty() && !statuses.contains(a.getStatus())) return false;
        if (!types.isEmpty() && !types.contains(a.getType())) return false;
        if (since != null && a.getLastSeen().isBefore(since)) return false;
        if (region != null && !region.isBlank()) {
            if (a.getPlace() == null) return false;
            String r = region.toLowerCase(Locale.ROOT);
            boolean match = r.equalsIgnoreCase(String.valueOf(a.getPlace().getAdmin1()))
                    || r.equalsIgnoreCase(a.getPlace().getName())
                    || r.equalsIgnoreCase(String.valueOf(a.getPlace().getCountry()));
            if (!match) return false;
        }
        return true;
    }
}
