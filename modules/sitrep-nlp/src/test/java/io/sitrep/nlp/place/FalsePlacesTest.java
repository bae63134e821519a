package io.sitrep.nlp.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FalsePlacesTest {
    private static final PlaceResolver places = PlaceResolver.standard();

    @ParameterizedTest
    @ValueSource(strings = {
            "Foreign Minister Fuad Hussein met interim President Ahmed Al-Sharaa.",
            "Defense Minister Thabet Mohammad Al-Abbasi and Hamid Al-Shatri attended.",
            "Hussein reaffirmed the plan; Abbasi agreed; Sharaa declined.",
            "Sources told Al Jazeera and Asharq Al-Awsat that the talks failed.",
            "Shafaq News reported the statement.",
            "The Islamic State of Iraq and Syria claimed the attack.",
            "Hayat Tahrir al-Sham fighters withdrew.",
            "Iraqi Foreign Minister: We Are Not Part Of The Axis Of Resistance",
            "Few Roads Hold; Harm Done, Dome And Door Shut, Remedy Sought",
            "he sat in the tall grass at home, al fresco, near the dam",
            "Tall buildings. Home news. Al said hi."})
    void no_place_in(String text) {
        assertThat(places.find(text)).as(text).isEmpty();
    }

    @Test
    void a_place_that_is_also_an_english_word_stays_a_place_when_spelt_as_the_place() {
        assertThat(places.find("Clashes erupted in Hit and Haditha.")).extracting(m -> m.place().name())
                .containsExactly("Hīt", "Ḩadīthah");
        assertThat(places.find("Shelling struck Douma and Homs.")).extracting(PlaceMention::surface)
                .containsExactly("Douma", "Homs");
    }

    @Test
    void a_village_name_inside_a_person_name_is_not_a_place() {
        // Ma'dan is a village of Raqqa; "Ma'dan" stuck to a first name is a surname
        assertThat(places.find("Fighters entered Madan overnight.")).extracting(PlaceMention::surface).containsExactly("Madan");
        assertThat(places.find("The spokesman, Karim Madan, denied it.")).isEmpty();
    }

    @Test
    void stop_names_are_not_places_alone() {
        assertThat(places.lookup("Hussein")).isEmpty();
        assertThat(places.lookup("Al-Abbasi")).isEmpty();
        assertThat(places.lookup("Sharaa")).isEmpty();
        assertThat(places.lookup("Road")).isEmpty();
        assertThat(places.lookup("Tall")).isEmpty();
    }

    @Test
    void lower_case_words_do_not_start_names() {
        assertThat(places.find("the mosul question and the raqqa file")).isEmpty();
    }

    @Test
    void bad_input_gives_a_clean_result() {
        assertThat(places.find(null)).isEmpty();
        assertThat(places.find("")).isEmpty();
        assertThat(places.find("\u0000\u0001\uFFFF\uD800 ' '' - -- ’s 's")).isEmpty();
        assertThat(places.lookup(null)).isEmpty();
        assertThat(places.lookup("   ")).isEmpty();
        String big = "Raqqa and Mosul. ".repeat(300_000); // 5 MB
        assertThat(places.find(big)).hasSize(600_000);
    }
}
