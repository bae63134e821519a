package io.sitrep.nlp.event;

import io.sitrep.nlp.EntityType;
import io.sitrep.nlp.EventStatus;
import io.sitrep.nlp.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validated event rule of a pack (see docs/EVENTS.md for the file format).
 *
 * @param triggers      phrases that find the event on their own (roles marked {@code always} still apply)
 * @param weakTriggers  ambiguous phrases that count only when every role marked {@code weak} is filled too
 * @param exclusions    look-alike phrases; a trigger overlapped by one of them is ignored ("energy cooperation")
 * @param vetoes        context phrases that rule the sentence out for this rule ("flood", "world cup")
 * @param quantity      the quantity kind that measures this event (killed, transferred, …) or null
 * @param alert         the statuses that raise an alert and the severity of each; absent statuses never alert
 * @param escalation    asserted severity raised by the {@code quantity} reaching a level, highest level first
 * @param source        the resource the rule came from, for error messages and explanations
 */
public record EventRule(String id, String type, String description, List<String> triggers, List<String> weakTriggers,
                        List<Role> roles, List<String> exclusions, List<String> vetoes, String quantity, Map<EventStatus, Severity> alert,
                        List<Level> escalation, String source) {

    /**
     * When a role must be filled for the trigger to count. ABSENT: the trigger counts only when no term of the role
     * follows it within the window (its object: "killed five soldiers" is no militant killed).
     */
    public enum Requirement { ALWAYS, WEAK, NEVER, ABSENT }

    /**
     * A participant the sentence must (or may) name: terms of the lexicon, or an entity of one of the types.
     * {@code window} > 0 bounds the distance in tokens between trigger and term; 0 = anywhere in the sentence.
     */
    public record Role(String name, Requirement required, List<String> terms, Set<EntityType> entityTypes, int window) {}

    /** Asserted severity when the rule's quantity is at least {@code atLeast}. */
    public record Level(long atLeast, Severity severity) {}

    /** The severity of an event of this rule with the given status and quantity, or null when it raises no alert. */
    public Severity severityFor(EventStatus status, Long quantityValue) {
        Severity base = alert.get(status);
        if (base == null) return null;
        if (quantityValue == null || escalation.isEmpty()) return base;
        Severity asserted = alert.get(EventStatus.ASSERTED);
        for (Level l : escalation) {
            if (quantityValue >= l.atLeast()) {
                if (status == EventStatus.ASSERTED || asserted == null) return l.severity();
                // a non-asserted alerting status keeps its distance below the asserted severity
                int drop = base.ordinal() - asserted.ordinal();
                return Severity.values()[Math.min(Severity.values().length - 1, l.severity().ordinal() + Math.max(0, drop))];
            }
        }
        return base;
    }
}
