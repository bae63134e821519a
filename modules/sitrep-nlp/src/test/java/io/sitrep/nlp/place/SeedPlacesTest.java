package io.sitrep.nlp.place;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.nlp.PlaceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every place seeds/README lists resolves to coordinates and its governorate: alone, and where the pages name it. */
class SeedPlacesTest {
    private static final PlaceResolver places = PlaceResolver.standard();

    @ParameterizedTest(name = "{0} -> {1}, {2}")
    @CsvSource(delimiter = ';', value = {
            "Nineveh;Nineveh;IQ", "Anbar;Al Anbar;IQ", "Al-Anbar;Al Anbar;IQ", "Hasakah;Al Hasakah;SY",
            "Raqqa;Raqqa;SY", "Aleppo;Aleppo;SY", "Deir Hafer;Aleppo;SY", "Tishreen Dam;Aleppo;SY",
            "Sheikh Maqsoud;Aleppo;SY", "al-Hol;Al Hasakah;SY", "Al-Hol;Al Hasakah;SY", "Ayn al-Asad;Al Anbar;IQ",
            "Ain al-Asad;Al Anbar;IQ", "Damascus;Damascus;SY", "Baghdad;Baghdad;IQ", "Diyala;Diyala;IQ",
            "Kirkuk;Kirkuk;IQ", "Saladin;Saladin;IQ"})
    void seed_place_resolves_alone(String name, String admin1, String country) {
        Optional<PlaceRef> place = places.lookup(name);
        assertThat(place).as(name).isPresent();
        assertPlace(place.get(), admin1, country);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "000_11f2a42c2a3adb3e.txt;Nineveh;Nineveh", "000_11f2a42c2a3adb3e.txt;Hasakah;Al Hasakah",
            "000_11f2a42c2a3adb3e.txt;Damascus;Damascus", "000_11f2a42c2a3adb3e.txt;Baghdad;Baghdad",
            "001_55317888a5bb3c98.txt;Raqqa;Raqqa", "001_55317888a5bb3c98.txt;Aleppo;Aleppo",
            "001_55317888a5bb3c98.txt;Tishreen Dam;Aleppo", "001_55317888a5bb3c98.txt;Deir Hafer;Aleppo",
            "001_55317888a5bb3c98.txt;Sheikh Maqsoud;Aleppo", "001_55317888a5bb3c98.txt;Hasakah;Al Hasakah",
            "001_55317888a5bb3c98.txt;Hasaka;Al Hasakah", "001_55317888a5bb3c98.txt;Kirkuk;Kirkuk",
            "003_0d0577f8167699f8.txt;Anbar;Al Anbar", "004_bbed36517e631438.txt;Al-Anbar;Al Anbar",
            "004_bbed36517e631438.txt;Ayn al-Asad;Al Anbar", "004_bbed36517e631438.txt;Ain al-Asad;Al Anbar",
            "004_bbed36517e631438.txt;Al-Hol;Al Hasakah", "004_bbed36517e631438.txt;Diyala;Diyala",
            "004_bbed36517e631438.txt;Kirkuk;Kirkuk", "004_bbed36517e631438.txt;Saladin;Saladin",
            "004_bbed36517e631438.txt;Baghdad;Baghdad"})
    void seed_place_is_found_in_its_page(String page, String surface, String admin1) throws IOException {
        String text = Files.readString(seedPages().resolve(page));
        List<PlaceMention> mentions = places.find(text);
        assertThat(mentions).as("%s in %s", surface, page).anySatisfy(m -> {
            assertThat(m.surface()).isEqualTo(surface);
            assertThat(text.substring(m.start(), m.end())).isEqualTo(surface);
            assertThat(m.place().admin1()).isEqualTo(admin1);
            assertThat(m.place().lat()).isBetween(29.0, 38.0);
            assertThat(m.place().lon()).isBetween(35.0, 49.0);
        });
    }

    @ParameterizedTest
    @CsvSource({"000_11f2a42c2a3adb3e.txt", "001_55317888a5bb3c98.txt", "002_a145f47f9ee940d3.txt",
            "003_0d0577f8167699f8.txt", "004_bbed36517e631438.txt"})
    void the_persons_and_outlets_of_the_seed_pages_are_not_places(String page) throws IOException {
        List<PlaceMention> mentions = places.find(Files.readString(seedPages().resolve(page)));
        assertThat(mentions).extracting(PlaceMention::surface).noneMatch(s -> s.matches(
                "(?i).*(Hussein|Abbasi|Sharaa|Sudani|Shatri|Khanjar|Hujay?mi|Jazeera|Awsat|Shafaq|Maan|Khafaji|Abdi|Are).*"));
    }

    private static void assertPlace(PlaceRef p, String admin1, String country) {
        assertThat(p.admin1()).isEqualTo(admin1);
        assertThat(p.country()).isEqualTo(country);
        assertThat(Governorates.standard().admin1At(p.lat(), p.lon())).contains(admin1);
    }

    private static Path seedPages() {
        String root = System.getProperty("sitrep.root");
        assertThat(root).as("system property sitrep.root").isNotBlank();
        return Path.of(root, "data", "seed-stream", "pages");
    }
}
