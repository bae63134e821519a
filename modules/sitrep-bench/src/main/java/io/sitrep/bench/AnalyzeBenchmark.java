package io.sitrep.bench;

import io.sitrep.nlp.Analysis;
import io.sitrep.nlp.ArticleAnalyzer;
import io.sitrep.nlp.ArticleText;
import io.sitrep.nlp.DetectedEvent;
import io.sitrep.nlp.clean.PageSegmenter;
import io.sitrep.nlp.clean.Segment;
import io.sitrep.nlp.entity.EntityMention;
import io.sitrep.nlp.entity.EntityRecognizer;
import io.sitrep.nlp.event.EventDetector;
import io.sitrep.nlp.place.PlaceMention;
import io.sitrep.nlp.place.PlaceResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Full enrichment of one seed page (clean → segment → entities → places → events) on one thread, plus the
 * stages alone so a regression can be located. Page 004 is 3.2 KB, the "~3 KB article" of issue 3.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
// C2 finishes compiling the whole pipeline only after ≈ 5 s on an idle 2-core machine (≈ 11 s when it is busy):
// a shorter warm-up measures partly interpreted or C1 code and reports two to three times the steady cost
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 3)
public class AnalyzeBenchmark {
    @Param({"004_bbed36517e631438.txt"})
    public String page;

    private static final List<String> SEED_PAGES = List.of("000_11f2a42c2a3adb3e.txt", "001_55317888a5bb3c98.txt",
            "002_a145f47f9ee940d3.txt", "003_0d0577f8167699f8.txt", "004_bbed36517e631438.txt");

    private ArticleAnalyzer analyzer;
    private PageSegmenter segmenter;
    private EntityRecognizer entities;
    private PlaceResolver places;
    private EventDetector events;
    private ArticleText article;
    private Segment segment;
    private List<EntityMention> entityMentions;
    private List<PlaceMention> placeMentions;
    private List<ArticleText> seedPages;

    @Setup
    public void setUp() {
        analyzer = ArticleAnalyzer.standard();
        segmenter = PageSegmenter.standard();
        entities = EntityRecognizer.standard();
        places = PlaceResolver.standard();
        events = EventDetector.standard();
        String body = read("pages/" + page);
        Instant published = Instant.parse("2026-01-21T21:57:28Z");
        article = new ArticleText(page, null, body, published, "Shafaq News", null);
        segment = new Segment(0, null, body, published, "Shafaq News", "en");
        entityMentions = entities.find(body);
        placeMentions = places.find(body);
        seedPages = SEED_PAGES.stream()
                .map(p -> new ArticleText(p, null, read("pages/" + p), published, "Shafaq News", null)).toList();
        if (analyzer.analyze(article).segments().stream().allMatch(s -> s.events().isEmpty())) {
            throw new IllegalStateException("the benchmark page yields no event: the measurement would be meaningless");
        }
    }

    @Benchmark
    public Analysis fullEnrichment() {
        return analyzer.analyze(article);
    }

    /**
     * The five seed pages in turn (2–10 KB, 4.8 KB on average, 1–3 articles each); the score is per page. One page
     * repeated flatters caches and branch predictors; this is the figure to compare with it.
     */
    @Benchmark
    @OperationsPerInvocation(5)
    public void seedPagesEach(Blackhole sink) {
        for (ArticleText p : seedPages) sink.consume(analyzer.analyze(p));
    }

    @Benchmark
    public List<Segment> segmentationOnly() {
        return segmenter.segment(article);
    }

    @Benchmark
    public List<EntityMention> entitiesOnly() {
        return entities.find(segment.body());
    }

    @Benchmark
    public List<PlaceMention> placesOnly() {
        return places.find(segment.body());
    }

    @Benchmark
    public List<DetectedEvent> eventsOnly() {
        return events.detect(segment, entityMentions, placeMentions);
    }

    private static String read(String resource) {
        try (InputStream in = AnalyzeBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
