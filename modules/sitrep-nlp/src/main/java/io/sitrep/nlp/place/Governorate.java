package io.sitrep.nlp.place;

import java.util.List;

/**
 * A first-level administrative region (governorate, muhafazah) of Iraq or Syria.
 *
 * @param name    canonical English name, the value of {@code PlaceRef.admin1} everywhere (see geo/governorates.tsv)
 * @param country ISO 3166-1 alpha-2
 * @param code    the Natural Earth HASC code, e.g. {@code IQ.AN}
 * @param lat     latitude of a point inside it (the label point), for the governorate as a place
 * @param lon     longitude of that point
 * @param names   every spelling it is known by, canonical name first
 */
public record Governorate(String name, String country, String code, double lat, double lon, List<String> names) {
    public Governorate {
        names = List.copyOf(names);
    }
}
