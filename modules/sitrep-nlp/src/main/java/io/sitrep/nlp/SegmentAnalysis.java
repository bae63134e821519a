package io.sitrep.nlp;

import java.time.Instant;
import java.util.List;

/** One article of a page, understood. {@code outlet} is the original outlet when the text states it. */
public record SegmentAnalysis(int index, String headline, String text, Instant publishedAt, String outlet,
                              String language, List<EntityRef> entities, List<PlaceRef> places,
                              List<DetectedEvent> events) {}
