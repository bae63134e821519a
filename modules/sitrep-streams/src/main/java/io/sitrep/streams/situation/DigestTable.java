package io.sitrep.streams.situation;

import io.sitrep.model.avro.ActorActivity;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertDigest;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.RegionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A table of alert digests per key (a region, an actor): which alerts belong to a key, how its record is built,
 * and which digests it keeps.
 */
interface DigestTable<V> {
    Set<String> keysOf(Alert alert);

    List<AlertDigest> alerts(V value);

    Instant asOf(V value);

    /** The key's record holding these digests, or null (a tombstone) when there are none. */
    V build(String key, V previous, Alert latest, List<AlertDigest> alerts, Instant asOf);

    /** Whether a digest is still worth keeping at {@code asOf}. */
    boolean keep(AlertDigest digest, Instant asOf);

    static DigestTable<RegionStatus> regions(Duration retention) {
        return new DigestTable<>() {
            @Override public Set<String> keysOf(Alert a) { return AlertDigests.regionKeys(a); }
            @Override public List<AlertDigest> alerts(RegionStatus v) { return v.getAlerts(); }
            @Override public Instant asOf(RegionStatus v) { return v.getAsOf(); }

            @Override
            public RegionStatus build(String key, RegionStatus previous, Alert latest, List<AlertDigest> alerts, Instant asOf) {
                if (alerts.isEmpty()) return null;
                String country = previous != null && previous.getCountry() != null ? previous.getCountry()
                        : latest.getPlace() != null && key.equals(latest.getPlace().getAdmin1()) ? latest.getPlace().getCountry() : null;
                return RegionStatus.newBuilder().setGovernorate(key).setCountry(country).setAsOf(asOf).setAlerts(alerts).build();
            }

            /** Open alerts stay whatever their age: they are the region's open count. */
            @Override
            public boolean keep(AlertDigest d, Instant asOf) {
                return d.getStatus() != AlertStatus.RESOLVED || d.getLastSeen().isAfter(asOf.minus(retention));
            }
        };
    }

    static DigestTable<ActorActivity> actors(Duration retention) {
        return new DigestTable<>() {
            @Override public Set<String> keysOf(Alert a) { return AlertDigests.actorKeys(a); }
            @Override public List<AlertDigest> alerts(ActorActivity v) { return v.getAlerts(); }
            @Override public Instant asOf(ActorActivity v) { return v.getAsOf(); }

            @Override
            public ActorActivity build(String key, ActorActivity previous, Alert latest, List<AlertDigest> alerts, Instant asOf) {
                return alerts.isEmpty() ? null
                        : ActorActivity.newBuilder().setActor(key).setAsOf(asOf).setAlerts(alerts).build();
            }

            @Override
            public boolean keep(AlertDigest d, Instant asOf) {
                return d.getLastSeen().isAfter(asOf.minus(retention));
            }
        };
    }
}
