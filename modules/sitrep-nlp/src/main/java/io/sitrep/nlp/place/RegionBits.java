package io.sitrep.nlp.place;

import java.util.HashMap;
import java.util.Map;

/**
 * Governorates (by canonical name) and countries (by code) numbered as bits of a long, so the context a text gives
 * (which governorates and countries it mentions) is two longs rather than two sets of Strings. Numbers are given
 * while the gazetteer is built; read-only after.
 */
final class RegionBits {
    private final Map<String, Long> admin1 = new HashMap<>();
    private final Map<String, Long> countries = new HashMap<>();

    /** The governorate's bit; 0 for none (null). */
    long admin1(String name) {
        return bit(admin1, name, "governorates");
    }

    /** The country's bit; 0 for none (null). */
    long country(String code) {
        return bit(countries, code, "countries");
    }

    private static long bit(Map<String, Long> bits, String name, String what) {
        if (name == null) return 0;
        Long b = bits.get(name);
        if (b != null) return b;
        if (bits.size() == Long.SIZE) throw new PlaceDataException("more than " + Long.SIZE + " " + what);
        long next = 1L << bits.size();
        bits.put(name, next);
        return next;
    }
}
