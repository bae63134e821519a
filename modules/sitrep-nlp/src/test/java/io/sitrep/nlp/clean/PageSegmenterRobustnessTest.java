package io.sitrep.nlp.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.nlp.ArticleText;
import io.sitrep.nlp.text.DataFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageSegmenterRobustnessTest {
    private static final Instant T = Instant.parse("2025-08-12T10:00:00Z");
    private final PageSegmenter segmenter = PageSegmenter.standard();

    private List<Segment> seg(String body) { return segmenter.segment(new ArticleText("x", "Title", body, T, "Reuters", null)); }

    @Test
    void emptyAndNullBodiesGiveNoSegment() {
        assertThat(seg("")).isEmpty();
        assertThat(seg(null)).isEmpty();
        assertThat(seg(" \n\n \t ")).isEmpty();
        assertThat(segmenter.segment(null)).isEmpty();
    }

    @Test
    void binaryGarbageGivesNoSegment() {
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        assertThat(seg(new String(bytes, StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(seg(new String(bytes, StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void fiveMegabytesOfTextAreCappedNotFatal() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 5_000_000; i++) {
            big.append("Iraqi forces deployed reinforcements along the border with Syria on day ").append(i).append(", officials said.\n");
        }
        List<Segment> s = seg(big.toString());
        assertThat(s).hasSize(1);
        assertThat(s.get(0).body().length()).isLessThanOrEqualTo(PageSegmenter.MAX_CHARS);
        // the same paragraph a million times is the same text once
        assertThat(seg("Iraqi forces deployed reinforcements along the border, officials said. Nothing more happened.\n".repeat(60_000)))
                .singleElement().extracting(Segment::body).isEqualTo("Iraqi forces deployed reinforcements along the border, officials said. Nothing more happened.");
        // one huge line without line breaks, and a chrome trigger inside it
        String line = "Also in Syria " + "word ".repeat(1_000_000) + " A+ A- end.";
        assertThat(seg(line)).hasSize(1);
    }

    @Test
    void brokenHtmlIsReadAndItsFurnitureDropped() {
        String html = "<html><head><title>Two militants killed in Anbar</title><script>var x = 1;</script></head><body>"
                + "<nav>Home | World | Iraq</nav><div class=story><h1>Two militants killed in Anbar"
                + "<p>Iraqi forces killed two militants in a preemptive operation in Anbar, a local official said."
                + "<p>The operation took place near the Syrian border.<aside>Read more: other news</aside>"
                + "<footer>© Outlet</footer><div><div><span>unclosed";
        List<Segment> s = segmenter.segment(new ArticleText("h", null, html, T, "Reuters", null));
        assertThat(s).hasSize(1);
        assertThat(s.get(0).headline()).isEqualTo("Two militants killed in Anbar");
        assertThat(s.get(0).body()).contains("Iraqi forces killed two militants", "near the Syrian border.")
                .doesNotContain("var x", "Home | World", "Read more", "©");
    }

    @Test
    void mixedScriptsAndArabicAreDetected() {
        String ar = "قالت خلية الإعلام الأمني إن القوات العراقية عززت انتشارها على الحدود مع سوريا في محافظة الأنبار.";
        List<Segment> s = seg(ar);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).language()).isEqualTo("ar");
        List<Segment> mixed = seg("The Security Media Cell (خلية الإعلام الأمني) said forces were deployed near the border with Syria.\u200B\u0007");
        assertThat(mixed).hasSize(1);
        assertThat(mixed.get(0).language()).isEqualTo("en");
        assertThat(mixed.get(0).body()).doesNotContain("\u0007", "\u200B");
    }

    @Test
    void plainTextWithoutHeaderIsOneSegmentUnderThePageTitleAndTime() {
        List<Segment> s = seg("Iraqi forces deployed reinforcements along the border with Syria.");
        assertThat(s).singleElement().satisfies(x -> {
            assertThat(x.headline()).isEqualTo("Title");
            assertThat(x.publishedAt()).isEqualTo(T);
            assertThat(x.outlet()).isEqualTo("Reuters");
            assertThat(x.body()).isEqualTo("Iraqi forces deployed reinforcements along the border with Syria.");
        });
    }

    @Test
    void statedTimesInEveryForm() {
        assertThat(PublicationTimes.inHeader("2026-01-21T21:57:28+00:00").instant()).isEqualTo(Instant.parse("2026-01-21T21:57:28Z"));
        assertThat(PublicationTimes.inHeader("2026-01-21T23:57:28+0200").instant()).isEqualTo(Instant.parse("2026-01-21T21:57:28Z"));
        var glued = PublicationTimes.inHeader("Shafaq News20-03-2025");
        assertThat(glued.date()).hasToString("2025-03-20");
        assertThat(glued.rest()).isEqualTo("Shafaq News");
        var dated = PublicationTimes.inHeader("date 2026-01-20 Shafaq News– Baghdad");
        assertThat(dated.date()).hasToString("2026-01-20");
        assertThat(dated.rest()).isEqualTo("Shafaq News– Baghdad");
        assertThat(PublicationTimes.inHeader("August 11, 2025").date()).hasToString("2025-08-11");
        assertThat(PublicationTimes.inHeader("11 Aug 2025").date()).hasToString("2025-08-11");
        assertThat(PublicationTimes.inHeader("time3 hours ago").ago()).isEqualTo(Duration.ofHours(3));
        assertThat(PublicationTimes.inHeader("an hour ago").ago()).isEqualTo(Duration.ofHours(1));
        assertThat(PublicationTimes.inHeader("2 days ago").ago()).isEqualTo(Duration.ofDays(2));
        assertThat(PublicationTimes.inHeader("31-02-2025").found()).isFalse();
        assertThat(PublicationTimes.latestQuotedDate("on March 10, 2025 and — (@SDF) August 11, 2025 ...")).hasToString("2025-08-11");
    }

    @Test
    void relativeTimeCountsBackFromThePageTime() {
        String page = "Forces on alert in Raqqa\nShafaq News\ntime3 hours ago\nForces placed checkpoints on high alert, sources said.";
        assertThat(seg(page)).singleElement().satisfies(x -> {
            assertThat(x.headline()).isEqualTo("Forces on alert in Raqqa");
            assertThat(x.publishedAt()).isEqualTo(T.minus(Duration.ofHours(3)));
            assertThat(x.outlet()).isEqualTo("Shafaq News");
        });
    }

    @Test
    void badRuleFilesNameTheFileAndLine() {
        var unknown = DataFile.read("rules.txt", new ByteArrayInputStream("# c\nline\tlogo\nblock\tx\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new ChromeRules(unknown)).hasMessageContaining("rules.txt:3").hasMessageContaining("unknown rule kind");
        var badRegex = DataFile.read("rules.txt", new ByteArrayInputStream("regex\t(unclosed\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new ChromeRules(badRegex)).hasMessageContaining("rules.txt:1").hasMessageContaining("bad regex");
        var badOutlet = DataFile.read("outlets.tsv", new ByteArrayInputStream("A\tB\tmaybe\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new Outlets(badOutlet)).hasMessageContaining("outlets.tsv:1").hasMessageContaining("aggregator");
    }

    @Test
    void aRegexWithALiteralIsOnlyTriedOnLinesHoldingIt() {
        var rules = DataFile.read("rules.txt", new ByteArrayInputStream(
                "regex\t(\t.{1,40}\\((AFP|Reuters)\\)\nregex\tLive\n".getBytes(StandardCharsets.UTF_8)));
        ChromeRules chrome = new ChromeRules(rules);
        assertThat(chrome.isChrome("Smoke over the city (AFP)")).isTrue();
        assertThat(chrome.isChrome("Smoke over the city AFP")).isFalse();
        assertThat(chrome.isChrome("Live")).isTrue();
        var blank = DataFile.read("rules.txt", new ByteArrayInputStream("regex\t(\t \n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new ChromeRules(blank)).hasMessageContaining("rules.txt:1").hasMessageContaining("LITERAL");
    }

    @Test
    void outletsAreFoundAtTheStartOfALineInAnyCase() {
        Outlets o = Outlets.standard();
        assertThat(o.at("SHAFAQ NEWS20-03-2025", 0)).get().satisfies(m -> {
            assertThat(m.outlet().name()).isEqualTo("Shafaq News");
            assertThat(m.end()).isEqualTo(11);
        });
        assertThat(o.at("Rudaw Net – Erbil", 0)).get().extracting(Outlets.Match::end).isEqualTo(9);
        assertThat(o.at("Shafaq Newsroom", 0)).get().extracting(Outlets.Match::end).isEqualTo(6); // the alias "Shafaq"
        assertThat(o.at("Shafaqi", 0)).isEmpty();
        assertThat(o.at("", 0)).isEmpty();
        assertThat(o.at("\uD835\uDC00 News", 0)).isEmpty();
    }

    @Test
    void outletDirectoryKnowsAggregators() {
        Outlets o = Outlets.standard();
        assertThat(o.isAggregator("Daily8")).isTrue();
        assertThat(o.isAggregator("shafaq news")).isFalse();
        assertThat(o.resolve("Rudaw Net")).get().extracting(Outlet::name).isEqualTo("Rudaw");
        assertThat(o.resolve("nobody")).isEmpty();
    }
}
