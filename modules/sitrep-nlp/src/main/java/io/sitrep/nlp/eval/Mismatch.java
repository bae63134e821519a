package io.sitrep.nlp.eval;

import java.util.List;
import java.util.Set;

/**
 * A text whose alerting types differ from gold. {@code details} says, per missed or extra type, what the analyzer
 * did: the rule, status and evidence of an extra alert, or the status it gave a missed one.
 */
public record Mismatch(String id, int line, Set<String> expected, Set<String> got, List<String> details) {}
