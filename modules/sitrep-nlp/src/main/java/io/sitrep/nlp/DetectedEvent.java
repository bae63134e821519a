package io.sitrep.nlp;

import java.util.List;
import java.util.Map;

/**
 * An event found in one sentence. {@code raisesAlert} follows the rule pack's status policy;
 * {@code severity} is the rule's severity for this status; {@code rule} names the rule that fired.
 */
public record DetectedEvent(String type, EventStatus status, double confidence, PlaceRef place, List<String> actors,
                            String evidence, Map<String, Long> quantities, boolean raisesAlert, Severity severity,
                            String rule) {}
