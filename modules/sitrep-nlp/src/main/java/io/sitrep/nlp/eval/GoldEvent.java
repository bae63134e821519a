package io.sitrep.nlp.eval;

import io.sitrep.nlp.EventStatus;

/** An event a labelled text reports, alerting or not, with the status the text gives it. */
public record GoldEvent(String type, EventStatus status) {}
