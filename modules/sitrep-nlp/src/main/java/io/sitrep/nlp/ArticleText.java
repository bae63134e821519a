package io.sitrep.nlp;

import java.time.Instant;

/** What the analyzer reads: one page or article as a producer captured it. Only {@code body} is required. */
public record ArticleText(String id, String title, String body, Instant publishedAt, String source, String url) {}
