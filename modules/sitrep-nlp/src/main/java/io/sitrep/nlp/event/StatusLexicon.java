package io.sitrep.nlp.event;

import io.sitrep.nlp.EventStatus;
import java.util.List;
import java.util.Map;

/**
 * The language of status, shared by every rule (rules/status.yaml): cues that make an event negated, planned,
 * hypothetical or historical, hedges that lower confidence, clause breaks that end a cue's reach, how dates and
 * counts are read.
 *
 * @param historicalAfterDays an event dated more than this before publication is historical
 */
public record StatusLexicon(int historicalAfterDays, List<Cue> cues, List<String> hedges, List<String> clauseBreaks,
                            Map<String, Integer> months, List<String> yearPrefixes, List<String> dateIgnoreAfter,
                            Map<String, Long> numbers, List<String> persons, Map<String, List<String>> quantityVerbs,
                            int quantityWindow, int quantityLookahead) {

    /**
     * A group of cue phrases. It reaches a trigger that follows it within {@code before} tokens or precedes it
     * within {@code after} tokens, with no clause break between, or anywhere in the sentence when
     * {@code sentence}. A strong hypothetical cue outranks a plan; a weak one ("would") yields to it.
     */
    public record Cue(EventStatus status, boolean strong, int before, int after, boolean sentence, List<String> terms) {}
}
