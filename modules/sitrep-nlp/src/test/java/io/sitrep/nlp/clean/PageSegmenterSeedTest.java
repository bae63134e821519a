package io.sitrep.nlp.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageSegmenterSeedTest {
    private final PageSegmenter segmenter = PageSegmenter.standard();

    private List<Segment> seg(String prefix) { return segmenter.segment(SeedPages.page(prefix)); }

    @Test
    void page000IsOneShafaqArticleDatedInTheText() {
        List<Segment> s = seg("000");
        assertThat(s).hasSize(1);
        Segment a = s.get(0);
        assertThat(a.outlet()).isEqualTo("Shafaq News");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2026-01-20T09:00:00Z"));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.body()).startsWith("The Iraqi government is preparing to send a security delegation")
                .endsWith("focused on administrative and military integration mechanisms.")
                .doesNotContain("Read more", "date 2026-01-20");
    }

    @Test
    void page001HoldsTheCrisisCellArticleAndThreeRelatedOnes() {
        List<Segment> s = seg("001");
        assertThat(s).extracting(Segment::headline).containsExactly(
                "Iraq forms crisis cell to secure Syria border",
                "SDF, Asayish on alert in Syria's Raqqa",
                "Syrian energy minister arrives in Baghdad for oil, power talks",
                "SDF delegation arrives in Damascus to resume talks with Syrian government");
        assertThat(s).extracting(Segment::outlet).containsExactly("Shafaq News", "Shafaq News", "Shafaq News", "Rudaw");
        assertThat(s).extracting(Segment::index).containsExactly(0, 1, 2, 3);
        // 20-03-2025 is the page's own day: the page time stands
        assertThat(s.get(0).publishedAt()).isEqualTo(Instant.parse("2025-03-20T12:00:00Z"));
        // "3 hours ago" on a page captured after the quoted post of August 11, 2025
        assertThat(s.subList(1, 4)).allSatisfy(x ->
                assertThat(x.publishedAt()).isBetween(Instant.parse("2025-08-10T00:00:00Z"), Instant.parse("2025-08-12T00:00:00Z")));
        assertThat(s.get(0).body()).startsWith("Iraq has established a national security crisis cell")
                .endsWith("manage refugee movements.");
        assertThat(s.get(1).body()).startsWith("The Syrian Democratic Forces (SDF) and Internal Security Forces (Asayish)");
        assertThat(s.get(2).body()).startsWith("Syrian Energy Minister Mohammad al-Bashir arrived in Baghdad");
        assertThat(s.get(3).body()).startsWith("ERBIL, Kurdistan Region - A delegation");
        String all = String.join("\n", s.stream().map(Segment::body).toList());
        assertThat(all).doesNotContain("Try Our AI Features", "Daily8", "Comments", "No comments yet", "Related Articles",
                "DOWNLOAD THE APP", "app-store", "Orange background", "time3 hours ago", "• Shafaq News", "logo",
                "A+ A-", "Also in Syria", "Updated at", "Source:");
    }

    @Test
    void page002IsTheSameArticleAsTheFirstOf001() {
        List<Segment> s = seg("002");
        assertThat(s).hasSize(1);
        assertThat(s.get(0).headline()).isEqualTo("Iraq forms crisis cell to secure Syria border");
        assertThat(s.get(0).outlet()).isEqualTo("Shafaq News");
        assertThat(s.get(0).publishedAt()).isEqualTo(Instant.parse("2025-03-20T09:00:00Z"));
        String again = seg("001").get(0).body();
        assertThat(s.get(0).body().replace('’', '\'')).isEqualTo(again.replace('’', '\''));
    }

    @Test
    void page003HoldsTwoArticlesWithoutCaptions() {
        List<Segment> s = seg("003");
        assertThat(s).extracting(Segment::headline).containsExactly(
                "Iraq Forms Security Crisis Cell to Coordinate with Syria",
                "Iraqi Foreign Minister: We Are Not Part of the ‘Axis of Resistance’");
        assertThat(s).extracting(Segment::outlet).containsOnly("Asharq Al-Awsat");
        assertThat(s).extracting(Segment::publishedAt).containsOnly(Instant.parse("2025-03-20T15:00:00Z"));
        assertThat(s.get(0).body()).startsWith("Iraq has established a “security crisis cell”")
                .contains("two militants were recently killed").endsWith("along the Syrian border.");
        assertThat(s.get(1).body()).startsWith("A day after Iranian Supreme Leader Ali Khamenei")
                .endsWith("he warned.");
        for (Segment x : s) {
            assertThat(x.body()).doesNotContain("(Security media)", "(Reuters)", "\nTT\n", "\n20\n")
                    .doesNotContain(x.headline());
        }
    }

    @Test
    void page004TakesItsIsoTimeAndDropsWidgets() {
        List<Segment> s = seg("004");
        assertThat(s).hasSize(1);
        Segment a = s.get(0);
        assertThat(a.headline()).isEqualTo("Iraq: Syria border fully fortified as forces remain on high alert");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2026-01-21T21:57:28Z"));
        assertThat(a.outlet()).isEqualTo("Shafaq News");
        assertThat(a.body()).startsWith("Iraq’s security leadership said on Wednesday")
                .contains("US Central Command announced the start of transferring thousands of ISIS detainees")
                .endsWith("repeated escape attempts.")
                .doesNotContain("Read more", "Shafaq Live", "Radio radio icon", "2026-01-21T21:57:28");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000", "001", "002", "003", "004"})
    void bodiesAreParagraphsWithoutHeadlinesOrBlankLines(String prefix) {
        for (Segment x : seg(prefix)) {
            assertThat(x.body()).doesNotContain("\n\n").doesNotStartWith("\n").doesNotEndWith("\n");
            assertThat(x.body().lines()).allSatisfy(l -> assertThat(l).isNotBlank().isEqualTo(l.strip()));
            if (x.headline() != null) assertThat(x.body().lines()).doesNotContain(x.headline());
        }
    }
}
