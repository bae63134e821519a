package io.sitrep.nlp.place;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.nlp.PlaceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisambiguationTest {
    private static final PlaceResolver places = PlaceResolver.standard();

    private static PlaceRef only(String text, String surface) {
        List<PlaceMention> found = places.find(text).stream().filter(m -> m.surface().equals(surface)).toList();
        assertThat(found).as("mentions of %s in: %s", surface, text).isNotEmpty();
        assertThat(found).extracting(PlaceMention::place).as("one reading per text").containsOnly(found.get(0).place());
        return found.get(0).place();
    }

    @Test
    void without_context_the_larger_place_wins() {
        // Sinjar is an Iraqi district seat and a Syrian village of Idlib
        assertThat(only("Yazidis returned to Sinjar this week.", "Sinjar").country()).isEqualTo("IQ");
        assertThat(places.lookup("Sinjar")).get().extracting(PlaceRef::admin1).isEqualTo("Nineveh");
    }

    @Test
    void a_mentioned_governorate_wins_over_importance() {
        PlaceRef sinjar = only("Shelling hit Sinjar, a village in the Idlib countryside.", "Sinjar");
        assertThat(sinjar.country()).isEqualTo("SY");
        assertThat(sinjar.admin1()).isEqualTo("Idlib");
        assertThat(only("Forces in Nineveh secured Sinjar.", "Sinjar").admin1()).isEqualTo("Nineveh");
    }

    @Test
    void a_mentioned_country_wins_when_no_governorate_is() {
        // Rabia: the Iraqi border town (curated) and a Syrian village of Latakia
        assertThat(only("Trucks queued at Rabia on Monday.", "Rabia").country()).isEqualTo("IQ");
        assertThat(only("In Syria, a shell fell on Rabia.", "Rabia").country()).isEqualTo("SY");
        assertThat(only("Syrian forces shelled Rabia.", "Rabia").country()).as("a demonym is context too").isEqualTo("SY");
    }

    @Test
    void a_neighbourhood_shared_by_two_cities_follows_the_city_mentioned() {
        assertThat(only("Drones flew over Ashrafieh in Aleppo.", "Ashrafieh").country()).isEqualTo("SY");
        assertThat(only("A blast shook Ashrafieh, in Beirut.", "Ashrafieh").country()).isEqualTo("LB");
        assertThat(only("A blast shook Ashrafieh.", "Ashrafieh").country()).as("the theatre wins a tie").isEqualTo("SY");
    }

    @Test
    void a_name_of_city_and_governorate_means_the_city_unless_called_a_province() {
        PlaceRef city = only("Talks resumed in Hasakah.", "Hasakah");
        assertThat(city.kind()).isEqualTo("city");
        assertThat(city.admin1()).isEqualTo("Al Hasakah");
        PlaceRef province = only("Clashes spread across Hasakah province.", "Hasakah province");
        assertThat(province.kind()).isEqualTo("governorate");
        assertThat(province.admin1()).isEqualTo("Al Hasakah");
        assertThat(places.lookup("Nineveh")).get().extracting(PlaceRef::kind).isEqualTo("governorate");
    }

    @Test
    void the_longest_name_wins() {
        assertThat(only("Engineers inspected Mosul Dam.", "Mosul Dam").kind()).isEqualTo("dam");
        assertThat(only("Police in Mosul arrested two men.", "Mosul").kind()).isEqualTo("city");
        assertThat(only("Troops left Tal Afar.", "Tal Afar").admin1()).isEqualTo("Nineveh");
        assertThat(only("The convoy reached Deir ez-Zor.", "Deir ez-Zor").country()).isEqualTo("SY");
        assertThat(only("The convoy reached Dayr az Zawr.", "Dayr az Zawr").admin1()).isEqualTo("Deir ez-Zor");
        assertThat(only("Units moved to the al-Qaim border crossing.", "al-Qaim border crossing").kind()).isEqualTo("crossing");
    }

    @Test
    void spelling_variants_meet() {
        assertThat(places.lookup("Ain al-Asad")).isEqualTo(places.lookup("Ayn al-Asad"));
        assertThat(places.lookup("Al-Anbar")).isEqualTo(places.lookup("Anbar"));
        assertThat(places.lookup("Türkiye")).isEqualTo(places.lookup("Turkey")).isEqualTo(places.lookup("Turkiye"));
        assertThat(places.lookup("Deir Hafer")).isEqualTo(places.lookup("Dayr Hafir"));
        assertThat(places.lookup("Tall ‘Afar")).isEqualTo(places.lookup("Tal Afar"));
        assertThat(places.lookup("Raqqa")).isEqualTo(places.lookup("Ar-Raqqah"));
    }

    @Test
    void arabic_script_names_resolve_with_and_without_proclitics() {
        assertThat(only("وصل الوفد إلى الموصل أمس", "الموصل").name()).isEqualTo("Mosul");
        assertThat(only("انفجار بالموصل", "بالموصل").name()).isEqualTo("Mosul");
        assertThat(only("اشتباكات في محافظة الأنبار", "محافظة الأنبار").admin1()).isEqualTo("Al Anbar");
        assertThat(places.lookup("عين الأسد")).get().extracting(PlaceRef::id).isEqualTo("site:ain-al-asad");
    }

    @Test
    void the_surface_keeps_a_written_article_and_offsets_match_the_text() {
        String text = "Detainees were held at al-Hol and then in Al-Hasakah.";
        List<PlaceMention> found = places.find(text);
        assertThat(found).extracting(PlaceMention::surface).containsExactly("al-Hol", "Al-Hasakah");
        for (PlaceMention m : found) assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
    }

    @Test
    void every_entry_carries_its_governorate_from_the_polygons() {
        PlaceRef tanf = places.lookup("al-Tanf").orElseThrow();
        assertThat(tanf.admin1()).isEqualTo("Homs");
        PlaceRef akashat = places.lookup("Akashat").orElseThrow();
        assertThat(akashat.admin1()).isEqualTo("Al Anbar");
        assertThat(places.lookup("Amman")).get().extracting(PlaceRef::admin1).isNull();
        assertThat(places.lookup("Syria")).get().extracting(PlaceRef::kind, PlaceRef::admin1).containsExactly("country", null);
    }
}
