package io.sitrep.nlp.eval;

import io.sitrep.nlp.EventStatus;

/**
 * How often the analyzer gave a gold event its gold status, counted over the gold events with this status whose
 * type the analyzer found in the text ({@code found}); {@code correct} of them carry the gold status.
 */
public record StatusAgreement(EventStatus status, int found, int correct) {

    public double accuracy() {
        return TypeScore.ratio(correct, found);
    }
}
