package io.sitrep.streams.rules;

import java.util.List;

/** A rule that cannot be applied, with every problem found (a reader fixes them all at once). */
public final class InvalidRuleException extends RuntimeException {
    private final String ruleId;
    private final List<String> problems;

    public InvalidRuleException(String ruleId, List<String> problems) {
        super("rule " + (ruleId == null || ruleId.isBlank() ? "(no id)" : ruleId) + " is invalid: " + String.join("; ", problems));
        this.ruleId = ruleId;
        this.problems = List.copyOf(problems);
    }

    public String ruleId() { return ruleId; }

    public List<String> problems() { return problems; }

    /** The problems as one line. */
    public String reason() { return String.join("; ", problems); }
}
