package io.sitrep.streams.escalation;

import io.sitrep.model.avro.Severity;
import java.util.Optional;

/** A window whose count stands out against its baseline, and how far. */
public record Spike(long count, Baseline baseline, double score, Severity severity) {

    /**
     * A spike when {@code count ≥ minCount} and {@code score ≥ k}; severity MEDIUM below 2k, HIGH below 4k,
     * CRITICAL from 4k.
     */
    public static Optional<Spike> of(long count, Baseline baseline, EscalationSettings s) {
        if (count < s.minCount()) return Optional.empty();
        double score = baseline.score(count, s.minDeviation());
        if (score < s.threshold()) return Optional.empty();
        Severity severity = score >= 4 * s.threshold() ? Severity.CRITICAL
                : score >= 2 * s.threshold() ? Severity.HIGH : Severity.MEDIUM;
        return Optional.of(new Spike(count, baseline, score, severity));
    }
}
