package io.sitrep.nlp.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceDataLoadingTest {
    private static final String GOOD = "site:test-base\tTest Base\tCamp Test\t33.5\t42.0\tbase\tIQ\tnotes";

    private static PlaceResolver withSupplement(String content) {
        Gazetteer.Source extra = new Gazetteer.Source("extra-supplement.tsv", () -> new StringReader(content));
        return PlaceResolver.load(Gazetteer.Sources.standard().withSupplement(extra));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', value = {
            "site:x\tX\t\t33.5\t42.0\tbase\tIQ;expected 8 tab-separated columns",
            "site:x\tX\t\tnorth\t42.0\tbase\tIQ\tn;latitude 'north' is not a number",
            "site:x\tX\t\t133.5\t42.0\tbase\tIQ\tn;latitude 133.5 is outside",
            "site:x\tX\t\t33.5\t42.0\tcastle\tIQ\tn;kind 'castle' is not one of",
            "site:x\tX\t\t33.5\t42.0\tbase\tXX\tn;country 'XX' is not one of",
            "site:x\t\t\t33.5\t42.0\tbase\tIQ\tn;name is empty",
            "x\tX\t\t33.5\t42.0\tbase\tIQ\tn;must look like site:some-name",
            "site:x\tX\t\t31.95\t35.91\tbase\tIQ\tn;is not in IQ",
            "site:x\tX\t\t36.2\t37.16\tcity\tJO\tn;lies inside Aleppo, SY",
            "site:al-hol-camp\tX\t\t36.4\t41.1\tcamp\tSY\tn;duplicate id site:al-hol-camp",
            "country:SY\tX\t\t36.4\t41.1\tbase\tSY\tn;a country's id is country:"})
    void a_malformed_supplement_line_is_an_error_naming_file_and_line(String badLine, String reason) {
        String content = "# a comment\n" + GOOD + "\n" + badLine.replace("\\t", "\t") + "\n";
        assertThatThrownBy(() -> withSupplement(content))
                .isInstanceOf(PlaceDataException.class)
                .hasMessageStartingWith("extra-supplement.tsv:3: ")
                .hasMessageContaining(reason);
    }

    @Test
    void a_good_supplement_line_adds_a_place_with_its_governorate() {
        PlaceResolver r = withSupplement(GOOD + "\n");
        assertThat(r.lookup("Camp Test")).get().satisfies(p -> {
            assertThat(p.id()).isEqualTo("site:test-base");
            assertThat(p.admin1()).isEqualTo("Al Anbar");
            assertThat(p.kind()).isEqualTo("base");
        });
    }

    @Test
    void an_operator_supplement_file_is_loaded_and_validated(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("sites.tsv"), GOOD + "\n");
        assertThat(PlaceResolver.withSupplement(good).find("Drones struck Test Base."))
                .extracting(m -> m.place().id()).containsExactly("site:test-base");
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "site:y\tY\n");
        assertThatThrownBy(() -> PlaceResolver.withSupplement(bad))
                .isInstanceOf(PlaceDataException.class).hasMessageStartingWith(bad + ":1: ");
    }

    @Test
    void the_shipped_data_is_consistent() {
        PlaceResolver r = PlaceResolver.standard();
        assertThat(r.byId("gov:IQ.AN")).get().satisfies(p -> assertThat(p.name()).isEqualTo("Al Anbar"));
        assertThat(r.byId("country:TR")).isPresent();
        assertThat(r.byId("site:tishreen-dam")).get().satisfies(p -> assertThat(p.admin1()).isEqualTo("Aleppo"));
    }
}
