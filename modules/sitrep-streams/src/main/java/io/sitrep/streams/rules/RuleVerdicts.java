package io.sitrep.streams.rules;

import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.RuleStatus;
import io.sitrep.model.avro.RuleVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The verdict on a new version of a rule, given the previous status of that rule id. Pure. */
public final class RuleVerdicts {
    private final RuleCompiler compiler;

    public RuleVerdicts(RuleCompiler compiler) {
        this.compiler = compiler;
    }

    /**
     * @param key the record key (the rule id as the producer meant it)
     * @param previous the status before, or null for a new rule
     */
    public RuleStatus judge(String key, Rule rule, RuleStatus previous, Instant at) {
        List<String> problems;
        try {
            compiler.compile(rule);
            problems = List.of();
        } catch (InvalidRuleException e) {
            problems = e.problems();
        }
        if (rule != null && !key.equals(rule.getId())) {
            problems = new java.util.ArrayList<>(problems);
            problems.add("the record key '" + key + "' differs from the rule id '" + rule.getId() + "'");
        }
        boolean accepted = problems.isEmpty();
        int version = previous == null ? 1
                : sameContent(previous.getSubmitted(), rule) ? previous.getVersion() : previous.getVersion() + 1;
        RuleStatus.Builder s = RuleStatus.newBuilder()
                .setRuleId(key)
                .setStatus(accepted ? RuleVerdict.ACCEPTED : RuleVerdict.REJECTED)
                .setReason(accepted ? null : String.join("; ", problems))
                .setProblems(problems)
                .setVersion(version)
                .setAt(at)
                .setSubmitted(rule);
        if (accepted) return s.setActive(rule).setActiveVersion(version).build();
        return s.setActive(previous == null ? null : previous.getActive())
                .setActiveVersion(previous == null ? null : previous.getActiveVersion()).build();
    }

    /** Same rule but for when it was written: re-applying a file is not a new version. */
    static boolean sameContent(Rule a, Rule b) {
        if (a == null || b == null) return a == b;
        return Objects.equals(Rule.newBuilder(a).setUpdatedAt(null).build(), Rule.newBuilder(b).setUpdatedAt(null).build());
    }
}
