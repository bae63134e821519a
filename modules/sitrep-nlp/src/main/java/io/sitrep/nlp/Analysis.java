package io.sitrep.nlp;

import java.util.List;

/** The analysis of a page: one entry per article segment it holds. */
public record Analysis(String articleId, List<SegmentAnalysis> segments) {}
