package io.sitrep.nlp.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GovernoratesTest {
    private final Governorates governorates = Governorates.standard();

    @Test
    void cities_lie_in_their_governorates() {
        assertThat(governorates.admin1At(36.335, 43.119)).contains("Nineveh");      // Mosul
        assertThat(governorates.admin1At(33.421, 43.308)).contains("Al Anbar");     // Ramadi
        assertThat(governorates.admin1At(36.201, 37.161)).contains("Aleppo");
        assertThat(governorates.admin1At(35.953, 39.008)).contains("Raqqa");
        assertThat(governorates.admin1At(36.502, 40.748)).contains("Al Hasakah");
        assertThat(governorates.admin1At(35.336, 40.140)).contains("Deir ez-Zor");
        assertThat(governorates.admin1At(33.510, 36.291)).contains("Damascus");
        assertThat(governorates.admin1At(33.341, 44.401)).contains("Baghdad");
        assertThat(governorates.admin1At(35.468, 44.392)).contains("Kirkuk");
        assertThat(governorates.admin1At(34.607, 43.678)).contains("Saladin");     // Tikrit
        assertThat(governorates.admin1At(33.746, 44.606)).contains("Diyala");      // Baqubah
    }

    @Test
    void country_comes_with_the_governorate() {
        assertThat(governorates.countryAt(36.335, 43.119)).contains("IQ");
        assertThat(governorates.countryAt(36.201, 37.161)).contains("SY");
    }

    @Test
    void points_outside_iraq_and_syria_have_no_governorate() {
        assertThat(governorates.admin1At(31.954, 35.911)).isEmpty(); // Amman
        assertThat(governorates.admin1At(35.689, 51.389)).isEmpty(); // Tehran
        assertThat(governorates.admin1At(0, 0)).isEmpty();
    }

    @Test
    void all_thirty_two_governorates_have_distinct_names_and_a_label_point_inside() {
        assertThat(governorates.all()).hasSize(32);
        assertThat(governorates.all()).extracting(Governorate::name).doesNotHaveDuplicates();
        assertThat(governorates.all()).filteredOn(g -> g.country().equals("IQ")).hasSize(18);
        for (Governorate g : governorates.all()) {
            assertThat(governorates.admin1At(g.lat(), g.lon())).as(g.name()).contains(g.name());
        }
    }

    @Test
    void the_undof_zone_belongs_to_quneitra() {
        assertThat(governorates.admin1At(33.1509, 35.8621)).contains("Quneitra");
    }

    @Test
    void nearest_puts_a_point_just_across_the_border_into_the_named_country() {
        // Albu Kamal's crossing, a kilometre or two on the Syrian side: nearest Iraqi governorate is Al Anbar
        assertThat(governorates.nearest(34.43, 40.93, "IQ", 30)).map(Governorate::name).contains("Al Anbar");
        assertThat(governorates.nearest(31.954, 35.911, "IQ", 30)).isEmpty();
    }

    @Test
    void governorate_names_carry_the_natural_earth_spellings() {
        assertThat(governorates.byName("Nineveh")).get().extracting(Governorate::names).asList()
                .contains("Ninawa", "Nineveh", "نينوى").doesNotContain("Mosul");
    }
}
