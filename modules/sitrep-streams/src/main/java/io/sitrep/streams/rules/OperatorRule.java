package io.sitrep.streams.rules;

import io.sitrep.model.avro.EventStatus;
import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.Severity;
import java.util.List;
import java.util.Set;

/**
 * A validated operator rule, ready to match: names folded, governorates canonical, patterns compiled.
 * Built by {@link RuleCompiler}; applied by {@link SegmentAdjuster}.
 */
public record OperatorRule(
        Rule source,
        String id,
        boolean enabled,
        Scope scope,
        Set<String> types,
        Set<EventStatus> statuses,
        Set<String> governorates,
        Set<String> countries,
        Set<String> placeIds,
        List<FoldedPhrase> placeNames,
        Set<String> actorIds,
        List<FoldedPhrase> actorNames,
        List<FoldedPhrase> keywords,
        List<BoundedPattern> patterns,
        Severity minSeverity,
        Severity setSeverity,
        int bumpSeverity,
        String raiseType,
        Severity raiseSeverity,
        List<String> tags) {

    /** What a rule looks at. */
    public enum Scope {
        /** each event the detector found in a segment */
        EVENTS,
        /** the segment as a whole: its sentences, places and entities */
        SEGMENT
    }

    /** How the rule shows in an event's rule trail. */
    public String trailName() {
        return "operator:" + id;
    }

    boolean changesSeverity() {
        return setSeverity != null || bumpSeverity > 0;
    }

    boolean raisesAlert() {
        return raiseSeverity != null;
    }
}
