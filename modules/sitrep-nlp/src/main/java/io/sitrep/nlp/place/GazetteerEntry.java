package io.sitrep.nlp.place;

import io.sitrep.nlp.PlaceRef;

/**
 * One place of the gazetteer with what disambiguation weighs: its rank (kind of place: country, capital,
 * governorate seat, governorate, curated site, district seat, village) and population (0 when unknown).
 */
record GazetteerEntry(PlaceRef place, int rank, long population, boolean curated) {
    static final int RANK_COUNTRY = 90;
    static final int RANK_CAPITAL = 85;
    static final int RANK_GOVERNORATE_SEAT = 80;
    static final int RANK_GOVERNORATE = 75;
    static final int RANK_SITE = 60;
    static final int RANK_DISTRICT_SEAT = 50;
    static final int RANK_VILLAGE = 30;

    /** In the theatre (Iraq or Syria), which wins the last tie. */
    boolean inTheatre() {
        String c = place.country();
        return "IQ".equals(c) || "SY".equals(c);
    }
}
