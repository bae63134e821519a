package io.sitrep.nlp;

/** A resolved place. {@code admin1} is the governorate/province, {@code country} ISO 3166-1 alpha-2. */
public record PlaceRef(String id, String name, double lat, double lon, String admin1, String country, String kind) {}
