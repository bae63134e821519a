package io.sitrep.streams.situation;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertDigest;
import io.sitrep.model.avro.Report;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where an alert belongs in the situation picture, and what is kept of it. */
final class AlertDigests {
    /** Latest first; the id breaks ties so that every instance writes the same list. */
    static final Comparator<AlertDigest> LATEST_FIRST = Comparator.comparing(AlertDigest::getLastSeen).reversed()
            .thenComparing(AlertDigest::getId);

    private AlertDigests() {}

    /** The governorate of the alert's place, or null when it has none. */
    static String regionOf(Alert a) {
        return a.getPlace() == null ? null : a.getPlace().getAdmin1();
    }

    static Set<String> regionKeys(Alert a) {
        String r = regionOf(a);
        return r == null || r.isBlank() ? Set.of() : Set.of(r);
    }

    static Set<String> actorKeys(Alert a) {
        Set<String> out = new LinkedHashSet<>();
        for (String actor : a.getActors()) if (actor != null && !actor.isBlank()) out.add(actor);
        return out;
    }

    static AlertDigest of(Alert a) {
        List<Instant> reportTimes = a.getReports().stream().filter(r -> r.getDuplicateOf() == null)
                .map(Report::getPublishedAt).sorted().toList();
        return AlertDigest.newBuilder()
                .setId(a.getId())
                .setType(a.getType())
                .setSeverity(a.getSeverity())
                .setStatus(a.getStatus())
                .setHeadline(a.getHeadline())
                .setRegion(regionOf(a))
                .setFirstSeen(a.getFirstSeen())
                .setLastSeen(a.getLastSeen())
                .setReportTimes(reportTimes)
                .build();
    }
}
