package io.sitrep.streams.alerts;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertAction;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.HistoryEntry;
import io.sitrep.model.avro.Silence;
import io.sitrep.model.silence.SilenceMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an alert's status moves: operator actions, silences and their expiry, resolution after a quiet period,
 * reopening when a resolved event is reported again. Pure functions; each change is a new version with a
 * history entry saying who and when.
 */
public final class AlertLifecycle {
    public static final String SYSTEM = "sitrep";
    static final Duration DEFAULT_SILENCE = Duration.ofHours(24);

    private AlertLifecycle() {}

    /** The alert after an operator action, or empty when the action changes nothing. */
    public static Optional<Alert> apply(Alert a, AlertAction action) {
        Alert.Builder b = Alert.newBuilder(a);
        String detail;
        switch (action.getAction()) {
            case ACKNOWLEDGE -> {
                if (a.getStatus() == AlertStatus.RESOLVED) return Optional.empty();
                b.setStatus(AlertStatus.ACKNOWLEDGED);
                detail = action.getComment();
            }
            case ASSIGN -> {
                b.setAssignee(action.getAssignee());
                detail = "to " + action.getAssignee() + (action.getComment() == null ? "" : ": " + action.getComment());
            }
            case COMMENT -> detail = action.getComment();
            case SILENCE -> {
                if (a.getStatus() == AlertStatus.RESOLVED) return Optional.empty();
                Instant until = action.getUntil() != null ? action.getUntil() : action.getAt().plus(DEFAULT_SILENCE);
                b.setStatus(AlertStatus.SILENCED).setSilencedUntil(until);
                detail = "until " + until + (action.getComment() == null ? "" : ": " + action.getComment());
            }
            case RESOLVE -> {
                if (a.getStatus() == AlertStatus.RESOLVED) return Optional.empty();
                b.setStatus(AlertStatus.RESOLVED).setResolvedAt(action.getAt()).setSilencedUntil(null);
                detail = action.getComment();
            }
            default -> throw new IllegalArgumentException("unknown action " + action.getAction());
        }
        return Optional.of(next(b, a, action.getAt(), action.getActor(), action.getAction().name(), detail,
                List.of(action.getAction().name() + " by " + action.getActor())));
    }

    /** A silence that ran out: the alert is open (or acknowledged, as before) again. */
    public static Optional<Alert> expireSilence(Alert a, Instant now) {
        if (a.getStatus() != AlertStatus.SILENCED || a.getSilencedUntil() == null || a.getSilencedUntil().isAfter(now)) {
            return Optional.empty();
        }
        Alert.Builder b = Alert.newBuilder(a).setStatus(AlertStatus.OPEN).setSilencedUntil(null);
        return Optional.of(next(b, a, now, SYSTEM, "UNSILENCE", "silence expired", List.of("UNSILENCED")));
    }

    /** No new report for the quiet period (event time): the event is over. */
    public static Optional<Alert> resolveIfQuiet(Alert a, Instant streamTime, Duration quietPeriod) {
        if (a.getStatus() == AlertStatus.RESOLVED || a.getLastSeen().plus(quietPeriod).isAfter(streamTime)) {
            return Optional.empty();
        }
        Alert.Builder b = Alert.newBuilder(a).setStatus(AlertStatus.RESOLVED).setResolvedAt(streamTime).setSilencedUntil(null);
        return Optional.of(next(b, a, streamTime, SYSTEM, "AUTO_RESOLVE",
                "no new report for " + quietPeriod.toDays() + " days", List.of("RESOLVED (quiet)")));
    }

    /**
     * The system's own entry for a version raised from reports: RAISED, UPDATED, or REOPENED when a resolved alert
     * gets a new report; a new alert that an active silence matches starts SILENCED. A report that arrives late
     * (a replay, an outlet catching up: reports of several partitions meet out of event-time order) and leaves the
     * event quiet at {@code clock}, the latest report of any alert, is added to a resolved alert without reopening it.
     */
    public static Alert onReport(Alert built, Alert previous, Instant at, Instant clock, Duration quietPeriod,
                                 List<Silence> activeSilences) {
        Alert.Builder b = Alert.newBuilder(built);
        List<HistoryEntry> history = new ArrayList<>(previous == null ? List.of() : previous.getHistory());
        if (previous == null) {
            history.add(entry(at, SYSTEM, "RAISED", built.getSeverity() + " from " + outlets(built)));
            Optional<Silence> silence = activeSilences.stream().filter(s -> SilenceMatcher.matches(s, built, at)).findFirst();
            if (silence.isPresent()) {
                b.setStatus(AlertStatus.SILENCED).setSilencedUntil(silence.get().getEndsAt());
                history.add(entry(at, silence.get().getCreatedBy(), "SILENCE", "by silence " + silence.get().getId()));
            }
        } else if (previous.getStatus() == AlertStatus.RESOLVED && !built.getLastSeen().plus(quietPeriod).isAfter(clock)) {
            history.add(entry(at, SYSTEM, "UPDATED", "late report, still quiet: " + String.join(", ", built.getChanges())));
        } else if (previous.getStatus() == AlertStatus.RESOLVED) {
            b.setStatus(AlertStatus.OPEN).setResolvedAt(null);
            List<String> changes = new ArrayList<>(built.getChanges());
            changes.add("REOPENED");
            b.setChanges(changes);
            history.add(entry(at, SYSTEM, "REOPENED", String.join(", ", built.getChanges())));
        } else {
            history.add(entry(at, SYSTEM, "UPDATED", String.join(", ", built.getChanges())));
        }
        return b.setHistory(history).build();
    }

    private static String outlets(Alert a) {
        return String.join(", ", a.getReports().stream().map(r -> String.valueOf(r.getOutlet())).distinct().toList());
    }

    private static Alert next(Alert.Builder b, Alert previous, Instant at, String actor, String action, String detail,
                              List<String> changes) {
        List<HistoryEntry> history = new ArrayList<>(previous.getHistory());
        history.add(entry(at, actor, action, detail));
        return b.setVersion(previous.getVersion() + 1).setChanges(changes).setHistory(history).build();
    }

    static HistoryEntry entry(Instant at, String actor, String action, String detail) {
        return HistoryEntry.newBuilder().setAt(at).setActor(actor).setAction(action).setDetail(detail).build();
    }

}
