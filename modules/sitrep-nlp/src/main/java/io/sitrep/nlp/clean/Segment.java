package io.sitrep.nlp.clean;

import java.time.Instant;

/** One article cut out of a page, chrome removed. Null fields were not stated. */
public record Segment(int index, String headline, String body, Instant publishedAt, String outlet, String language) {}
