package io.sitrep.sinks.cap;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.EventStatus;
import io.sitrep.model.avro.HistoryEntry;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Report;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.query.AlertFilter;
import io.sitrep.model.query.AlertQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Alerts of every type, status, severity and event status, with and without a place, with hostile text. */
public final class VariedAlerts {
    public static final String HOSTILE = "<script>alert(1)</script> & <img src=x onerror=alert(2)> \"q\" ]]>";
    static final List<String> TYPES = List.of("DETAINEE_TRANSFER", "CEASEFIRE_BREACH", "ARMED_CLASH", "ATTACK",
            "MILITANTS_KILLED", "BORDER_INFILTRATION", "PRISON_BREAK", "FORCE_DEPLOYMENT", "SECURITY_COORDINATION",
            "ESCALATION", "SOME_NEW_TYPE");
    private static final String[] KINDS = {"city", "governorate", "country", "prison", null, "unlisted-kind"};
    private static final Instant T0 = Instant.parse("2026-01-21T21:57:28.123Z");

    private VariedAlerts() {}

    public static List<Alert> all() {
        List<Alert> out = new ArrayList<>();
        int i = 0;
        for (String type : TYPES) {
            for (AlertStatus status : AlertStatus.values()) {
                for (boolean withPlace : new boolean[] {true, false}) {
                    for (int version : new int[] {1, 3}) {
                        out.add(alert(i++, type, status, withPlace, version));
                    }
                }
            }
        }
        return out;
    }

    static Alert alert(int i, String type, AlertStatus status, boolean withPlace, int version) {
        Severity severity = Severity.values()[i % Severity.values().length];
        EventStatus eventStatus = EventStatus.values()[i % EventStatus.values().length];
        Instant first = T0.plusSeconds(i);
        Instant last = first.plusSeconds(3600L * version);
        Alert.Builder b = Alert.newBuilder().setId(type.toLowerCase().replace('_', '-') + "-" + String.format("%016x", i))
                .setType(type).setSeverity(severity).setStatus(status).setEventStatus(eventStatus)
                .setHeadline("Headline " + i + " " + HOSTILE + " \u0001bell")
                .setSummary(i % 3 == 0 ? null : "Summary " + HOSTILE)
                .setConfidence(0.5 + (i % 5) / 10.0).setIndependentOutlets(i % 4)
                .setActors(i % 2 == 0 ? List.of("isis", "sdf") : List.of())
                .setEvidence(List.of("Evidence sentence " + HOSTILE))
                .setReports(List.of(Report.newBuilder().setArticleId("a" + i).setOutlet("Rudaw")
                        .setUrl("https://example.org/a?x=1&y=2").setPublishedAt(first).build()))
                .setFirstSeen(first).setLastSeen(last).setVersion(version)
                .setChanges(version == 1 ? List.of("NEW") : List.of("REPORT Rudaw", "SEVERITY " + severity));
        if (withPlace) {
            b.setPlace(Place.newBuilder().setId("geonames:" + (1000 + i)).setName(i % 2 == 0 ? "Al-Hasakah" : "Qamishli & <Co>")
                    .setLat(36.5 - i * 0.01).setLon(40.7 + i * 0.01).setAdmin1(i % 3 == 0 ? null : "Al-Hasakah")
                    .setCountry(i % 4 == 0 ? null : "SY").setKind(KINDS[i % KINDS.length]).build());
        }
        if (status == AlertStatus.RESOLVED) b.setResolvedAt(last.plusSeconds(60));
        if (status == AlertStatus.SILENCED) b.setSilencedUntil(last.plusSeconds(7200));
        if (status == AlertStatus.ACKNOWLEDGED) {
            b.setAssignee("op-" + i).setHistory(List.of(HistoryEntry.newBuilder().setAt(last.plusSeconds(30))
                    .setActor("operator").setAction("ACKNOWLEDGE").setDetail("seen <b>").build()));
        }
        return b.build();
    }

    /** The latest version of each alert, as the global store serves them. */
    public static final class Table implements AlertQueries {
        private final Map<String, Alert> alerts = new ConcurrentHashMap<>();

        public Table(List<Alert> alerts) {
            alerts.forEach(a -> this.alerts.put(a.getId(), a));
        }

        @Override
        public List<Alert> alerts(AlertFilter filter) {
            return alerts.values().stream().filter(filter)
                    .sorted(Comparator.comparing(Alert::getLastSeen).reversed()).limit(filter.limit()).toList();
        }

        @Override
        public Optional<Alert> alert(String id) {
            return Optional.ofNullable(alerts.get(id));
        }
    }
}
