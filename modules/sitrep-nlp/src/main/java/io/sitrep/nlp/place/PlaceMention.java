package io.sitrep.nlp.place;

import io.sitrep.nlp.PlaceRef;

/** One mention of a place in a text, with its character offsets [start, end). */
public record PlaceMention(PlaceRef place, String surface, int start, int end) {}
