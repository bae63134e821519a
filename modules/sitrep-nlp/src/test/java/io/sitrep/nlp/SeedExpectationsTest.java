package io.sitrep.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every must / must-not of the seed stream (seeds README), at the level of one page: the standard analyzer over
 * data/seed-stream/pages with the publication times of the manifest.
 */
class SeedExpectationsTest {
    private static final Logger log = LoggerFactory.getLogger(SeedExpectationsTest.class);
    private static final Map<String, Instant> PUBLISHED = Map.of(
            "000", Instant.parse("2026-01-20T09:00:00Z"),
            "001", Instant.parse("2025-03-20T12:00:00Z"),
            "002", Instant.parse("2025-03-20T09:00:00Z"),
            "003", Instant.parse("2025-03-20T15:00:00Z"),
            "004", Instant.parse("2026-01-21T21:57:28Z"));
    private static final Map<String, String> OUTLET = Map.of(
            "000", "Shafaq News", "001", "Daily8", "002", "Shafaq News", "003", "Asharq Al-Awsat", "004", "Shafaq News");

    private static final ArticleAnalyzer analyzer = ArticleAnalyzer.standard();
    private static Map<String, Analysis> pages;

    @BeforeAll
    static void analyzeSeedPages() throws IOException {
        Path dir = root().resolve("data/seed-stream/pages");
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted()
                    .collect(java.util.stream.Collectors.toMap(p -> p.getFileName().toString().substring(0, 3), p -> {
                        String key = p.getFileName().toString().substring(0, 3);
                        String text = read(p);
                        Analysis a = analyzer.analyze(new ArticleText(p.getFileName().toString(), null, text,
                                PUBLISHED.get(key), OUTLET.get(key), null));
                        log.info("{}: {}", key, AnalysisJson.toJson(a));
                        return a;
                    }));
        }
        assertThat(pages).containsOnlyKeys("000", "001", "002", "003", "004");
    }

    @Test
    void page004RaisesAHighDetaineeTransferWithPlaceActorsAndEvidence() {
        DetectedEvent transfer = alerting("004", "DETAINEE_TRANSFER").get(0);
        assertThat(transfer.status()).isEqualTo(EventStatus.ASSERTED);
        assertThat(transfer.severity()).isEqualTo(Severity.HIGH);
        assertThat(transfer.evidence()).contains("transferring thousands of ISIS detainees");
        assertThat(transfer.place()).isNotNull();
        assertThat(transfer.actors()).isNotEmpty();
        assertThat(transfer.quantities()).containsEntry("transferred", 1000L);
    }

    @Test
    void page004RaisesNoInfiltrationClashPrisonBreakOrMilitantsKilled() {
        assertThat(alertTypes("004")).doesNotContain("BORDER_INFILTRATION", "ARMED_CLASH", "PRISON_BREAK", "MILITANTS_KILLED");
        // the yearly total is still read, as history
        assertThat(events("004", "MILITANTS_KILLED")).allSatisfy(e -> assertThat(e.status()).isEqualTo(EventStatus.HISTORICAL));
    }

    @Test
    void page003DenialsRaiseNoInfiltrationOrClash() {
        assertThat(alertTypes("003")).doesNotContain("BORDER_INFILTRATION", "ARMED_CLASH");
        assertThat(events("003", "ARMED_CLASH")).extracting(DetectedEvent::status).contains(EventStatus.NEGATED);
    }

    @Test
    void page003RaisesTwoMilitantsKilledInAnbar() {
        DetectedEvent killed = alerting("003", "MILITANTS_KILLED").get(0);
        assertThat(killed.status()).isEqualTo(EventStatus.ASSERTED);
        assertThat(killed.quantities()).containsEntry("killed", 2L);
        assertThat(killed.place()).isNotNull();
        assertThat((killed.place().name() + " " + killed.place().admin1()).toLowerCase(Locale.ROOT)).contains("anbar");
    }

    @Test
    void page003RaisesPmfDeploymentAndTheCrisisCell() {
        SegmentAnalysis cell = segmentWith("003", "security crisis cell");
        assertThat(alertTypes(cell)).contains("SECURITY_COORDINATION", "FORCE_DEPLOYMENT");
    }

    @Test
    void theForeignMinisterInterviewRaisesNothing() {
        SegmentAnalysis interview = segmentWith("003", "Axis of Resistance");
        assertThat(interview.text()).doesNotContain("crisis cell");
        assertThat(alertTypes(interview)).isEmpty();
    }

    @Test
    void page001SecondArticleRaisesCeasefireBreachAndForceDeployment() {
        SegmentAnalysis raqqa = segmentWith("001", "Raqqa's entrances");
        assertThat(alertTypes(raqqa)).contains("CEASEFIRE_BREACH", "FORCE_DEPLOYMENT");
    }

    @Test
    void theEnergyMinisterArticleRaisesNothing() {
        SegmentAnalysis energy = segmentWith("001", "Kirkuk–Baniyas oil pipeline");
        assertThat(energy.text()).doesNotContain("Raqqa's entrances");
        assertThat(alertTypes(energy)).isEmpty();
    }

    @Test
    void theCrisisCellRaisesSecurityCoordinationIn001_002_003() {
        for (String page : List.of("001", "002", "003")) {
            assertThat(alertTypes(segmentWith(page, "crisis cell"))).as(page).contains("SECURITY_COORDINATION");
        }
    }

    @Test
    void page000RaisesThePlannedSecurityDelegation() {
        DetectedEvent delegation = alerting("000", "SECURITY_COORDINATION").get(0);
        assertThat(delegation.status()).isEqualTo(EventStatus.PLANNED);
        assertThat(delegation.evidence()).contains("security delegation");
        // the 2025 ceasefire violations are background
        assertThat(events("000", "CEASEFIRE_BREACH")).allSatisfy(e -> assertThat(e.raisesAlert()).isFalse());
    }

    @Test
    void aSegmentHoldsAtMostOneEventPerType() {
        for (Analysis a : pages.values()) {
            for (SegmentAnalysis s : a.segments()) {
                assertThat(s.events()).extracting(DetectedEvent::type).doesNotHaveDuplicates();
            }
        }
    }

    private static List<DetectedEvent> events(String page, String type) {
        return pages.get(page).segments().stream().flatMap(s -> s.events().stream()).filter(e -> e.type().equals(type)).toList();
    }

    private static List<DetectedEvent> alerting(String page, String type) {
        List<DetectedEvent> out = events(page, type).stream().filter(DetectedEvent::raisesAlert).toList();
        assertThat(out).as("%s alert on page %s", type, page).isNotEmpty();
        return out;
    }

    private static List<String> alertTypes(String page) {
        return pages.get(page).segments().stream().flatMap(s -> alertTypes(s).stream()).toList();
    }

    private static List<String> alertTypes(SegmentAnalysis s) {
        return s.events().stream().filter(DetectedEvent::raisesAlert).map(DetectedEvent::type).toList();
    }

    private static SegmentAnalysis segmentWith(String page, String text) {
        return pages.get(page).segments().stream().filter(s -> s.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no segment of page " + page + " holds '" + text + "'"));
    }

    static Path root() {
        String root = System.getProperty("sitrep.root");
        if (root != null && !root.isBlank()) return Path.of(root);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/seed-stream/pages"))) return dir;
        }
        throw new IllegalStateException("cannot find the repository root: set -Dsitrep.root");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
