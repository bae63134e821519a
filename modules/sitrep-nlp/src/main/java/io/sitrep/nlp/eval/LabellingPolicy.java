package io.sitrep.nlp.eval;

import io.sitrep.nlp.EventStatus;
import java.util.List;
import java.util.Set;

/**
 * The gold labelling policy of the dev corpus: the taxonomy and which statuses raise an alert.
 * It mirrors issue 3 (asserted always; planned for coordination, deployment and detainee transfers; never
 * hypothetical, negated or historical) and is kept apart from the rule packs on purpose: the corpus judges the
 * rules, so it must not take its policy from them.
 */
public final class LabellingPolicy {
    /** The event types, in the order reports list them. */
    public static final List<String> TYPES = List.of("DETAINEE_TRANSFER", "CEASEFIRE_BREACH", "ARMED_CLASH", "ATTACK",
            "MILITANTS_KILLED", "BORDER_INFILTRATION", "PRISON_BREAK", "FORCE_DEPLOYMENT", "SECURITY_COORDINATION");

    private static final Set<String> PLANS_ALERT = Set.of("SECURITY_COORDINATION", "FORCE_DEPLOYMENT", "DETAINEE_TRANSFER");

    private LabellingPolicy() {}

    public static boolean isKnownType(String type) {
        return TYPES.contains(type);
    }

    public static boolean raisesAlert(String type, EventStatus status) {
        return status == EventStatus.ASSERTED || (status == EventStatus.PLANNED && PLANS_ALERT.contains(type));
    }
}
