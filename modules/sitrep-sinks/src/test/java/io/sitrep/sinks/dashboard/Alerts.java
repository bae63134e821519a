package io.sitrep.sinks.dashboard;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.query.AlertFilter;
import io.sitrep.model.query.AlertQueries;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test alerts and a query side over a map. */
final class Alerts {
    private Alerts() {}

    static Alert alert(String id, int version, String headline) {
        Instant t = Instant.parse("2026-01-21T21:57:28Z").plusSeconds(version);
        return Alert.newBuilder().setId(id).setType("ATTACK").setSeverity(Severity.HIGH).setStatus(AlertStatus.OPEN)
                .setHeadline(headline).setVersion(version)
                .setPlace(Place.newBuilder().setId("p").setName("Al-Hasakah").setLat(36.5).setLon(40.7)
                        .setAdmin1("Al Hasakah").setCountry("SY").build())
                .setFirstSeen(t).setLastSeen(t).build();
    }

    /** The latest version of each alert, as the global store holds them. */
    static final class Table implements AlertQueries {
        final Map<String, Alert> alerts = new ConcurrentHashMap<>();
        volatile boolean ready = true;

        void put(Alert a) {
            alerts.put(a.getId(), a);
        }

        @Override
        public List<Alert> alerts(AlertFilter filter) {
            if (!ready) throw new NotReadyException("restoring", null);
            return alerts.values().stream().filter(filter)
                    .sorted(Comparator.comparing(Alert::getLastSeen).reversed()).limit(filter.limit()).toList();
        }

        @Override
        public Optional<Alert> alert(String id) {
            return Optional.ofNullable(alerts.get(id));
        }
    }
}
