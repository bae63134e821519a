package io.sitrep.nlp;

/** How the text presents an event. */
public enum EventStatus { ASSERTED, PLANNED, HYPOTHETICAL, NEGATED, HISTORICAL }
