package io.sitrep.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.nlp.place.PlaceMention;
import io.sitrep.nlp.place.PlaceResolver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a segment's mentions are gathered: one entry per place or entity, in order of first mention. */
class ArticleAnalyzerTest {
    private static final ArticleAnalyzer analyzer = ArticleAnalyzer.standard();
    private static final List<String> CITIES = List.of("Baghdad", "Basra", "Mosul", "Ramadi", "Kirkuk", "Baqubah",
            "Tikrit", "Hillah", "Karbala", "Najaf", "Kut", "Amarah", "Nasiriyah", "Samawah", "Diwaniyah", "Erbil",
            "Duhok", "Sulaymaniyah", "Halabja", "Aleppo", "Idlib", "Raqqa", "Homs");

    private static SegmentAnalysis only(String body) {
        Analysis a = analyzer.analyze(new ArticleText("a", null, body, Instant.parse("2025-03-20T00:00:00Z"), null, null));
        assertThat(a.segments()).hasSize(1);
        return a.segments().get(0);
    }

    @Test
    void manyPlacesNamedTwiceAreListedOnceInOrderOfFirstMention() {
        String visits = String.join(", ", CITIES);
        String body = "The minister visited " + visits + " this week. Officials in " + visits + " welcomed him.";
        SegmentAnalysis s = only(body);

        List<String> expected = new ArrayList<>();
        for (PlaceMention m : PlaceResolver.standard().find(s.text())) {
            if (!expected.contains(m.place().id())) expected.add(m.place().id());
        }
        assertThat(expected).hasSizeGreaterThan(16); // past the linear scan: the hash index is exercised too
        assertThat(s.places()).extracting(PlaceRef::id).containsExactlyElementsOf(expected);
    }

    @Test
    void anEntityNamedSeveralWaysIsOneEntryWithEverySpellingAndTheFirstStatedRole() {
        SegmentAnalysis s = only("Officials met in Baghdad. Defense Minister Thabet Mohammad Al-Abbasi spoke first. "
                + "Later Thabet Muhammad al-Abbasi said the border was secure, and Al-Abbasi left.");
        List<EntityRef> abbasi = s.entities().stream().filter(e -> e.name().contains("Abbasi")).toList();
        assertThat(abbasi).hasSize(1);
        assertThat(abbasi.get(0).role()).isNotNull();
        assertThat(abbasi.get(0).mentions()).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
    }
}
