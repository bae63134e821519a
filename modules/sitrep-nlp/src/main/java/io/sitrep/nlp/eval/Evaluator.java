package io.sitrep.nlp.eval;

import io.sitrep.nlp.Analysis;
import io.sitrep.nlp.ArticleAnalyzer;
import io.sitrep.nlp.ArticleText;
import io.sitrep.nlp.DetectedEvent;
import io.sitrep.nlp.EventStatus;
import io.sitrep.nlp.SegmentAnalysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores an analyzer against the labelled dev corpus. For each text, the predicted alerts are the types of the
 * events (over all segments) that {@link DetectedEvent#raisesAlert()}; they are compared with the gold alerts as sets,
 * giving per-type TP/FP/FN. Status agreement is measured on the gold events whose type the analyzer found in the
 * text, alerting or not.
 */
public final class Evaluator {
    private static final Logger log = LoggerFactory.getLogger(Evaluator.class);

    private final Function<ArticleText, Analysis> analyzer;

    public Evaluator(Function<ArticleText, Analysis> analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /** Loads and validates the corpus, then scores {@link ArticleAnalyzer#standard()} on it. */
    public static EvaluationReport evaluate(Path file) {
        DevCorpus corpus = DevCorpus.load(file);
        return new Evaluator(ArticleAnalyzer.standard()::analyze).evaluate(corpus);
    }

    public EvaluationReport evaluate(DevCorpus corpus) {
        Map<String, int[]> counts = new LinkedHashMap<>(); // type -> {support, tp, fp, fn}
        LabellingPolicy.TYPES.forEach(t -> counts.put(t, new int[4]));
        Map<EventStatus, int[]> status = new EnumMap<>(EventStatus.class); // status -> {found, correct}
        for (EventStatus s : EventStatus.values()) status.put(s, new int[2]);
        List<Mismatch> mismatches = new ArrayList<>();
        int exact = 0;

        for (LabelledText text : corpus.texts()) {
            List<DetectedEvent> events;
            String failure = null;
            try {
                events = events(analyzer.apply(text.toArticle()));
            } catch (RuntimeException e) {
                // the library promises never to throw; if it does, score the text as "nothing found" and say why
                log.warn("analyzer failed on {} (line {})", text.id(), text.line(), e);
                events = List.of();
                failure = "analyzer failed: " + e;
            }
            Set<String> got = new TreeSet<>();
            events.stream().filter(DetectedEvent::raisesAlert).forEach(e -> got.add(e.type()));
            Set<String> expected = new TreeSet<>(text.alerts());

            for (String type : expected) {
                int[] c = counts.computeIfAbsent(type, k -> new int[4]);
                c[0]++;
                if (got.contains(type)) c[1]++;
                else c[3]++;
            }
            for (String type : got) {
                if (!expected.contains(type)) counts.computeIfAbsent(type, k -> new int[4])[2]++;
            }
            for (GoldEvent gold : text.events()) {
                List<DetectedEvent> sameType = events.stream().filter(e -> e.type().equals(gold.type())).toList();
                if (sameType.isEmpty()) continue;
                int[] s = status.get(gold.status());
                s[0]++;
                if (sameType.stream().anyMatch(e -> e.status() == gold.status())) s[1]++;
            }
            if (expected.equals(got) && failure == null) {
                exact++;
            } else {
                mismatches.add(new Mismatch(text.id(), text.line(), expected, got, details(expected, got, events, failure)));
            }
        }

        List<TypeScore> types = new ArrayList<>();
        counts.forEach((type, c) -> {
            if (c[0] > 0 || c[2] > 0 || LabellingPolicy.isKnownType(type)) types.add(new TypeScore(type, c[0], c[1], c[2], c[3]));
        });
        List<StatusAgreement> statuses = new ArrayList<>();
        status.forEach((s, c) -> statuses.add(new StatusAgreement(s, c[0], c[1])));
        EvaluationReport report = new EvaluationReport(corpus.source(), corpus.texts().size(), types, exact, statuses, mismatches);
        log.info("evaluated {} texts of {}: macro-F1 {}", corpus.texts().size(), corpus.source(),
                String.format(Locale.ROOT, "%.3f", report.macroF1()));
        return report;
    }

    private static List<DetectedEvent> events(Analysis analysis) {
        List<DetectedEvent> out = new ArrayList<>();
        if (analysis == null || analysis.segments() == null) return out;
        for (SegmentAnalysis s : analysis.segments()) {
            if (s.events() != null) out.addAll(s.events());
        }
        return out;
    }

    private static List<String> details(Set<String> expected, Set<String> got, List<DetectedEvent> events, String failure) {
        List<String> out = new ArrayList<>();
        if (failure != null) out.add(failure);
        for (String type : expected) {
            if (got.contains(type)) continue;
            Set<String> seen = new LinkedHashSet<>();
            events.stream().filter(e -> e.type().equals(type))
                    .forEach(e -> seen.add(e.status().name().toLowerCase(Locale.ROOT) + " by " + e.rule()));
            out.add("missed " + type + (seen.isEmpty() ? ": not detected" : ": detected as " + String.join(", ", seen)));
        }
        for (String type : got) {
            if (expected.contains(type)) continue;
            events.stream().filter(e -> e.raisesAlert() && e.type().equals(type)).forEach(e -> out.add(
                    "extra " + type + " (" + e.status().name().toLowerCase(Locale.ROOT) + ", rule " + e.rule() + "): "
                            + e.evidence()));
        }
        return out;
    }
}
