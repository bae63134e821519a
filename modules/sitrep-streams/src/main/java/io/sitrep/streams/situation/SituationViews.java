package io.sitrep.streams.situation;

import io.sitrep.model.avro.ActorActivity;
import io.sitrep.model.avro.AlertDigest;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.RegionStatus;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.query.ActorSummary;
import io.sitrep.model.query.RegionSummary;
import io.sitrep.model.query.Situation;
import io.sitrep.nlp.place.Governorate;
import io.sitrep.streams.escalation.EscalationArticles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The situation as the API shows it, computed from the region and actor tables at query time against one "now":
 * the latest event time in the table. Pure: the same tables give the same picture on every instance.
 */
public final class SituationViews {
    static final Duration DAY = Duration.ofHours(24);
    static final Duration WEEK = Duration.ofDays(7);

    private static final Comparator<RegionSummary> BUSIEST_FIRST = Comparator
            .comparingInt(RegionSummary::openTotal).reversed()
            .thenComparing((RegionSummary r) -> r.lastEvent() == null ? Instant.MIN : r.lastEvent().at(), Comparator.reverseOrder())
            .thenComparing(RegionSummary::governorate);
    private static final Comparator<ActorSummary> LATEST_FIRST = Comparator
            .comparing(ActorSummary::lastSeen, Comparator.reverseOrder())
            .thenComparing(ActorSummary::alerts, Comparator.reverseOrder())
            .thenComparing(ActorSummary::actor);

    private SituationViews() {}

    /** Every region of the table and every known governorate (those without alerts show zeros). */
    public static Situation<RegionSummary> regions(Collection<RegionStatus> table, List<Governorate> governorates) {
        Instant asOf = table.stream().map(RegionStatus::getAsOf).max(Comparator.naturalOrder()).orElse(null);
        Map<String, RegionSummary> out = new LinkedHashMap<>();
        for (Governorate g : governorates) {
            out.put(g.name(), summary(g.name(), g.country(), List.of(), asOf));
        }
        for (RegionStatus r : table) {
            String country = r.getCountry() != null ? r.getCountry()
                    : out.containsKey(r.getGovernorate()) ? out.get(r.getGovernorate()).country() : null;
            out.put(r.getGovernorate(), summary(r.getGovernorate(), country, r.getAlerts(), asOf));
        }
        List<RegionSummary> items = new ArrayList<>(out.values());
        items.sort(BUSIEST_FIRST);
        return new Situation<>(asOf, items);
    }

    static RegionSummary summary(String governorate, String country, List<AlertDigest> alerts, Instant asOf) {
        Map<String, Integer> open = new LinkedHashMap<>();
        for (Severity s : Severity.values()) open.put(s.name(), 0);
        AlertDigest last = null;
        for (AlertDigest d : alerts) {
            if (d.getStatus() != AlertStatus.RESOLVED) open.merge(d.getSeverity().name(), 1, Integer::sum);
            if (last == null || AlertDigests.LATEST_FIRST.compare(d, last) < 0) last = d;
        }
        RegionSummary.LastEvent lastEvent = last == null ? null
                : new RegionSummary.LastEvent(last.getLastSeen(), last.getType(), last.getId(), last.getHeadline());
        return new RegionSummary(governorate, country, open, lastEvent, counts(alerts, asOf, DAY), counts(alerts, asOf, WEEK));
    }

    /** Over (asOf − span, asOf]: independent reports of events (escalations are not events) and alerts first seen. */
    static RegionSummary.Counts counts(List<AlertDigest> alerts, Instant asOf, Duration span) {
        if (asOf == null) return new RegionSummary.Counts(0, 0);
        Instant from = asOf.minus(span);
        int events = 0;
        int raised = 0;
        for (AlertDigest d : alerts) {
            if (within(d.getFirstSeen(), from, asOf)) raised++;
            if (EscalationArticles.TYPE.equals(d.getType())) continue;
            for (Instant t : d.getReportTimes()) if (within(t, from, asOf)) events++;
        }
        return new RegionSummary.Counts(events, raised);
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return t.isAfter(from) && !t.isAfter(to);
    }

    public static Situation<ActorSummary> actors(Collection<ActorActivity> table) {
        Instant asOf = table.stream().map(ActorActivity::getAsOf).max(Comparator.naturalOrder()).orElse(null);
        List<ActorSummary> items = new ArrayList<>();
        for (ActorActivity a : table) {
            if (a.getAlerts().isEmpty()) continue;
            int reports = 0;
            Instant lastSeen = Instant.MIN;
            for (AlertDigest d : a.getAlerts()) {
                reports += d.getReportTimes().size();
                if (d.getLastSeen().isAfter(lastSeen)) lastSeen = d.getLastSeen();
            }
            items.add(new ActorSummary(a.getActor(), a.getAlerts().size(), reports, lastSeen,
                    mostFrequent(a.getAlerts(), AlertDigest::getType), mostFrequent(a.getAlerts(), AlertDigest::getRegion)));
        }
        items.sort(LATEST_FIRST);
        return new Situation<>(asOf, items);
    }

    /** Distinct non-null values, the most frequent first, then alphabetical. */
    static List<String> mostFrequent(List<AlertDigest> alerts, Function<AlertDigest, String> value) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (AlertDigest d : alerts) {
            String v = value.apply(d);
            if (v != null) n.merge(v, 1, Integer::sum);
        }
        return n.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }
}
