package io.sitrep.nlp.place;

import io.sitrep.nlp.PlaceRef;
import io.sitrep.nlp.text.NameFolder;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names index: GeoNames cities500 of Iraq and Syria, the governorates, the curated supplement and extra
 * aliases, folded into one {@link NameTrie}; stop names removed and blocked. Every entry's governorate comes from
 * the polygons ({@link Governorates}), never from GeoNames' numeric admin1 codes. Immutable once built.
 */
final class Gazetteer {
    private static final Logger log = LoggerFactory.getLogger(Gazetteer.class);

    static final Set<String> COUNTRIES = Set.of("IQ", "SY", "TR", "IR", "JO", "SA", "LB", "KW");
    static final Set<String> SITE_KINDS = Set.of("airbase", "base", "airport", "camp", "prison", "dam", "crossing",
            "neighbourhood", "city", "town", "village", "oilfield", "region", "river", "country");
    /** Kinds that cover an area larger than a governorate or cross several: no single admin1. */
    private static final Set<String> AREAL_KINDS = Set.of("country", "region", "river");
    /** Border sites may sit a little outside the coarse polygons of their own country. */
    private static final double BORDER_TOLERANCE_KM = 30;
    private static final int MIN_LATIN_KEY = 3;
    /** GeoNames alternates this short are mostly codes and clipped spellings ("Are", "Hay") that English text holds. */
    private static final int MIN_LATIN_ALTERNATE_KEY = 4;

    /** A named text source: file name for messages, and its content. */
    record Source(String name, Supplier<Reader> reader) {
        static Source resource(String path) {
            return new Source(path, () -> {
                InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(path);
                if (in == null) throw new PlaceDataException(path + ": not found on the class path");
                return new InputStreamReader(in, StandardCharsets.UTF_8);
            });
        }
    }

    /** The files a gazetteer is built from; supplements are read in order. */
    record Sources(Source geonames, List<Source> supplements, Source aliases, Source stopNames, Source englishWords,
                   Source demonyms) {
        static Sources standard() {
            return new Sources(Source.resource("geo/geonames_cities500_IQ_SY.tsv"),
                    List.of(Source.resource("geo/supplement.tsv")), Source.resource("geo/aliases.tsv"),
                    Source.resource("geo/stop-names.txt"), Source.resource("geo/english-words.txt"),
                    Source.resource("geo/demonyms.tsv"));
        }

        Sources withSupplement(Source extra) {
            List<Source> all = new ArrayList<>(supplements);
            all.add(extra);
            return new Sources(geonames, all, aliases, stopNames, englishWords, demonyms);
        }
    }

    private final NameTrie<Candidates> names;
    /**
     * By trie node: the bit of the country a folded adjective ending there names ("iraqi": Iraq), else 0. The
     * adjectives' keys are paths of the trie, so the walk that looks a word up as a name finds its country too.
     */
    private final long[] demonymCountryBits;
    private final RegionBits regionBits;
    private final WordSet englishWords;
    private final KnownSpellings knownSpellings;
    private final ConsonantSkeletons skeletons;
    private final Set<String> lowerCaseFirstWords;
    private final Map<String, GazetteerEntry> byId;

    private Gazetteer(NameTrie<Candidates> names, Map<String, String> demonyms, RegionBits regionBits,
                      Set<String> englishWords, Set<String> spellings, Set<String> lowerCaseFirstWords,
                      Map<String, GazetteerEntry> byId) {
        this.names = names;
        this.demonymCountryBits = new long[names.size()];
        for (Map.Entry<String, String> d : demonyms.entrySet()) {
            demonymCountryBits[names.walk(NameTrie.ROOT, d.getKey())] = regionBits.country(d.getValue());
        }
        this.regionBits = regionBits;
        this.englishWords = new WordSet(List.copyOf(englishWords));
        // the gazetteer's own words, then common English ones that are looked up rather than folded too
        Set<String> known = new LinkedHashSet<>(spellings);
        known.addAll(CommonWords.WORDS);
        this.knownSpellings = new KnownSpellings(known, names, this.englishWords);
        this.skeletons = new ConsonantSkeletons(names);
        this.lowerCaseFirstWords = lowerCaseFirstWords;
        this.byId = byId;
    }

    /** The lower-case words that start some name ("north" of "north-east Syria"): only those need folding. */
    Set<String> lowerCaseFirstWords() { return lowerCaseFirstWords; }

    /** Whether a one-word name, written so (lower-cased), is an English word rather than a place. */
    boolean isEnglishWord(String lowerCaseWord) { return englishWords.indexOf(lowerCaseWord) >= 0; }

    /** The English words that a one-word name is not a place as (lower case). */
    WordSet englishWords() { return englishWords; }

    NameTrie<Candidates> names() { return names; }

    /** The words the gazetteer's files spell names with, folded and walked from the trie's root already. */
    KnownSpellings knownSpellings() { return knownSpellings; }

    /** The consonant skeletons of the trie's keys, which rule out most words that start no name before folding them. */
    ConsonantSkeletons skeletons() { return skeletons; }

    /**
     * The {@link RegionBits} bit of the country that the folded adjective such as "iraqi" whose key leads from the
     * trie's root to {@code node} names, or 0.
     */
    long demonymCountryBit(int node) {
        return node == NameTrie.NONE ? 0 : demonymCountryBits[node];
    }

    /** How this gazetteer's candidates number governorates and countries. */
    RegionBits regionBits() { return regionBits; }

    Optional<GazetteerEntry> byId(String id) { return Optional.ofNullable(byId.get(id)); }

    int size() { return byId.size(); }

    /** Keys of a name as a text would spell it: with its articles as written, and with every article dropped. */
    static Set<String> keysOf(String name) {
        TextTokens t = TextTokens.of(name);
        StringBuilder asWritten = new StringBuilder();
        StringBuilder noArticles = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            asWritten.append(NameFolder.foldToken(name, t.start(i), t.end(i), t.hyphenToNext(i)));
            noArticles.append(NameFolder.foldToken(name, t.start(i), t.end(i), true));
        }
        Set<String> keys = new LinkedHashSet<>();
        if (!asWritten.isEmpty()) keys.add(asWritten.toString());
        if (!noArticles.isEmpty()) keys.add(noArticles.toString());
        return keys;
    }

    // ---- building ------------------------------------------------------------------------------------------------

    static Gazetteer build(Sources sources, Governorates governorates) {
        long started = System.nanoTime();
        Builder b = new Builder(governorates);
        b.readStopNames(sources.stopNames());
        b.addGovernorates();
        b.readGeonames(sources.geonames());
        for (Source s : sources.supplements()) b.readSupplement(s);
        b.readAliases(sources.aliases());
        b.readDemonyms(sources.demonyms());
        b.readEnglishWords(sources.englishWords());
        Gazetteer g = b.build();
        log.info("Gazetteer: {} places, {} names, built in {} ms", g.size(), b.keyCount(),
                (System.nanoTime() - started) / 1_000_000);
        return g;
    }

    private static final class Builder {
        private final Governorates governorates;
        private final Map<String, GazetteerEntry> byId = new LinkedHashMap<>();
        private final Map<String, Map<String, GazetteerEntry>> byKey = new HashMap<>();
        private final Set<String> curatedKeys = new HashSet<>();
        private final Set<String> stopKeys = new LinkedHashSet<>();
        private final Map<String, String> demonyms = new HashMap<>();
        private final Set<String> englishWords = new HashSet<>();
        private final Set<String> lowerCaseFirstWords = new HashSet<>();
        /** Every word of every name, stop name, demonym and English word read, as written. */
        private final Set<String> spellings = new LinkedHashSet<>();

        Builder(Governorates governorates) {
            this.governorates = governorates;
        }

        int keyCount() { return byKey.size(); }

        void readStopNames(Source source) {
            read(source, (line, f) -> {
                if (f.length != 1) throw PlaceDataException.at(source.name(), line, "one name per line, no tabs");
                Set<String> keys = keysOf(f[0]);
                addSpellings(f[0]);
                if (keys.isEmpty()) throw PlaceDataException.at(source.name(), line, "'" + f[0] + "' has no letters");
                stopKeys.addAll(keys);
            });
        }

        void addGovernorates() {
            for (Governorate g : governorates.all()) {
                PlaceRef ref = new PlaceRef("gov:" + g.code(), g.name(), g.lat(), g.lon(), g.name(), g.country(),
                        "governorate");
                GazetteerEntry e = new GazetteerEntry(ref, GazetteerEntry.RANK_GOVERNORATE, 0, false);
                byId.put(ref.id(), e);
                for (String name : g.names()) {
                    index(name, e, false);
                    if (isArabic(name)) {
                        index("محافظة " + name, e, false);
                    } else if (!name.toLowerCase(java.util.Locale.ROOT).endsWith("governorate")) {
                        index(name + " province", e, false);
                        index(name + " governorate", e, false);
                    }
                }
            }
        }

        void readGeonames(Source source) {
            read(source, (line, f) -> {
                if (f.length < 19) throw PlaceDataException.at(source.name(), line, "expected 19 GeoNames columns, found " + f.length);
                String id = "geonames:" + f[0].strip();
                double lat = number(source, line, "latitude", f[4], -90, 90);
                double lon = number(source, line, "longitude", f[5], -180, 180);
                String featureCode = f[7].strip();
                String country = f[8].strip();
                long population = f[14].isBlank() ? 0 : (long) number(source, line, "population", f[14], 0, 1e9);
                if (!country.equals("IQ") && !country.equals("SY")) return;
                Optional<String> admin1 = admin1(lat, lon, country);
                if (admin1.isEmpty()) {
                    log.warn("{}:{}: {} ({}, {}) lies in no governorate of {}; skipped", source.name(), line, f[1], lat, lon, country);
                    return;
                }
                int rank = switch (featureCode) {
                    case "PPLC" -> GazetteerEntry.RANK_CAPITAL;
                    case "PPLA" -> GazetteerEntry.RANK_GOVERNORATE_SEAT;
                    case "PPLA2" -> GazetteerEntry.RANK_DISTRICT_SEAT;
                    default -> GazetteerEntry.RANK_VILLAGE;
                };
                String kind = population >= 100_000 || rank >= GazetteerEntry.RANK_GOVERNORATE_SEAT ? "city"
                        : population >= 10_000 || rank == GazetteerEntry.RANK_DISTRICT_SEAT ? "town" : "village";
                String name = f[1].strip();
                GazetteerEntry e = new GazetteerEntry(new PlaceRef(id, name, lat, lon, admin1.get(), country, kind),
                        rank, population, false);
                if (byId.putIfAbsent(id, e) != null) throw PlaceDataException.at(source.name(), line, "duplicate id " + id);
                index(name, e, false);
                index(f[2].strip(), e, false);
                for (String alt : f[3].split(",")) {
                    String n = alt.strip();
                    if (n.isEmpty() || !latinOrArabicOnly(n)) continue;
                    if (!isArabic(n) && NameFolder.fold(n).length() < MIN_LATIN_ALTERNATE_KEY) continue;
                    index(n, e, false);
                }
            });
        }

        void readSupplement(Source source) {
            read(source, (line, f) -> {
                if (f.length != 8) {
                    throw PlaceDataException.at(source.name(), line, "expected 8 tab-separated columns (id, name, "
                            + "other names, latitude, longitude, kind, country, source), found " + f.length);
                }
                String id = f[0].strip();
                String name = f[1].strip();
                double lat = number(source, line, "latitude", f[3], -90, 90);
                double lon = number(source, line, "longitude", f[4], -180, 180);
                String kind = f[5].strip();
                String country = f[6].strip();
                if (!id.matches("(site|country):[A-Za-z0-9.-]+")) {
                    throw PlaceDataException.at(source.name(), line, "id '" + id + "' must look like site:some-name or country:XX");
                }
                if (name.isEmpty()) throw PlaceDataException.at(source.name(), line, "name is empty");
                if (!SITE_KINDS.contains(kind)) {
                    throw PlaceDataException.at(source.name(), line, "kind '" + kind + "' is not one of " + new java.util.TreeSet<>(SITE_KINDS));
                }
                if (!COUNTRIES.contains(country)) {
                    throw PlaceDataException.at(source.name(), line, "country '" + country + "' is not one of " + new java.util.TreeSet<>(COUNTRIES));
                }
                if (kind.equals("country") != id.equals("country:" + country)) {
                    throw PlaceDataException.at(source.name(), line, "a country's id is country:<its code>, and only countries use it");
                }
                if (byId.containsKey(id)) throw PlaceDataException.at(source.name(), line, "duplicate id " + id);
                String admin1 = AREAL_KINDS.contains(kind) ? null : siteAdmin1(source, line, name, lat, lon, country);
                int rank = kind.equals("country") ? GazetteerEntry.RANK_COUNTRY : GazetteerEntry.RANK_SITE;
                GazetteerEntry e = new GazetteerEntry(new PlaceRef(id, name, lat, lon, admin1, country, kind), rank, 0, true);
                byId.put(id, e);
                index(name, e, true);
                for (String alt : TsvReader.names(f[2])) index(alt, e, true);
            });
        }

        void readAliases(Source source) {
            read(source, (line, f) -> {
                if (f.length != 2) throw PlaceDataException.at(source.name(), line, "expected 2 tab-separated columns (place id, names)");
                GazetteerEntry e = byId.get(f[0].strip());
                if (e == null) throw PlaceDataException.at(source.name(), line, "no place has id '" + f[0].strip() + "'");
                List<String> names = TsvReader.names(f[1]);
                if (names.isEmpty()) throw PlaceDataException.at(source.name(), line, "no names given");
                for (String n : names) index(n, e, true);
            });
        }

        void readDemonyms(Source source) {
            read(source, (line, f) -> {
                if (f.length != 2 || !COUNTRIES.contains(f[1].strip())) {
                    throw PlaceDataException.at(source.name(), line, "expected: word<TAB>country code of " + new java.util.TreeSet<>(COUNTRIES));
                }
                for (String k : keysOf(f[0])) demonyms.put(k, f[1].strip());
                addSpellings(f[0]);
            });
        }

        void readEnglishWords(Source source) {
            read(source, (line, f) -> {
                String w = f[0].strip();
                if (f.length != 1 || w.isEmpty() || w.contains(" ")) {
                    throw PlaceDataException.at(source.name(), line, "one English word per line");
                }
                englishWords.add(w.toLowerCase(java.util.Locale.ROOT));
                addSpellings(w);
            });
        }

        private String siteAdmin1(Source source, int line, String name, double lat, double lon, String country) {
            boolean theatre = country.equals("IQ") || country.equals("SY");
            Optional<Governorate> at = governorates.at(lat, lon);
            if (theatre) {
                return admin1(lat, lon, country).orElseThrow(() -> PlaceDataException.at(source.name(), line,
                        name + " (" + lat + ", " + lon + ") is not in " + country + " (nor within "
                                + (int) BORDER_TOLERANCE_KM + " km of it): check the coordinates"));
            }
            if (at.isPresent() && !nearBorder(lat, lon)) {
                throw PlaceDataException.at(source.name(), line, name + " (" + lat + ", " + lon + ") of " + country
                        + " lies inside " + at.get().name() + ", " + at.get().country() + ": check the coordinates");
            }
            return null;
        }

        /** A neighbour-country site close to the coarse Iraq/Syria outline is accepted as it is. */
        private boolean nearBorder(double lat, double lon) {
            for (double[] d : new double[][] {{0.1, 0}, {-0.1, 0}, {0, 0.1}, {0, -0.1}}) {
                if (governorates.at(lat + d[0], lon + d[1]).isEmpty()) return true;
            }
            return false;
        }

        private Optional<String> admin1(double lat, double lon, String country) {
            Optional<Governorate> at = governorates.at(lat, lon);
            if (at.isPresent() && at.get().country().equals(country)) return Optional.of(at.get().name());
            return governorates.nearest(lat, lon, country, BORDER_TOLERANCE_KM).map(Governorate::name);
        }

        private void index(String name, GazetteerEntry e, boolean curated) {
            TextTokens words = TextTokens.of(name);
            addSpellings(words);
            // lower-case spellings in GeoNames are romanisation keys, not how texts write names: curated ones only
            for (int i = 0; curated && i < words.size(); i++) {
                if (words.isArticle(i)) continue;
                if (!words.capitalised(i) && !words.arabic(i)) lowerCaseFirstWords.add(words.textOf(i));
                break;
            }
            for (String key : keysOf(name)) {
                if (!curated) {
                    if (stopKeys.contains(key)) continue;
                    if (!isArabic(name) && key.length() < MIN_LATIN_KEY) continue;
                }
                if (curated) curatedKeys.add(key);
                byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(e.place().id(), e);
            }
        }

        private void addSpellings(String name) {
            addSpellings(TextTokens.of(name));
        }

        private void addSpellings(TextTokens words) {
            for (int i = 0; i < words.size(); i++) spellings.add(words.textOf(i));
        }

        Gazetteer build() {
            NameTrie.Builder<Candidates> trie = new NameTrie.Builder<>();
            RegionBits bits = new RegionBits();
            for (Map.Entry<String, Map<String, GazetteerEntry>> k : byKey.entrySet()) {
                trie.put(k.getKey(), Candidates.of(new ArrayList<>(k.getValue().values()), bits));
            }
            // a stop name blocks its span of text, unless the curated data gives it a meaning
            Candidates blocked = Candidates.blocked(bits);
            for (String stop : stopKeys) {
                if (!curatedKeys.contains(stop)) trie.put(stop, blocked);
            }
            for (String adjective : demonyms.keySet()) trie.addPath(adjective);
            return new Gazetteer(trie.build(), Map.copyOf(demonyms), bits, Set.copyOf(englishWords), spellings,
                    Set.copyOf(lowerCaseFirstWords), Map.copyOf(byId));
        }

        private static void read(Source source, TsvReader.LineHandler handler) {
            TsvReader.read(source.name(), source.reader().get(), handler);
        }

        private static double number(Source source, int line, String what, String field, double min, double max) {
            double v;
            try {
                v = Double.parseDouble(field.strip());
            } catch (NumberFormatException e) {
                throw PlaceDataException.at(source.name(), line, what + " '" + field + "' is not a number");
            }
            if (v < min || v > max || Double.isNaN(v)) {
                throw PlaceDataException.at(source.name(), line, what + " " + v + " is outside [" + min + ", " + max + "]");
            }
            return v;
        }
    }

    static boolean isArabic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF') return true;
        }
        return false;
    }

    /** GeoNames alternates come in many scripts; only Latin and Arabic spellings can meet our texts. */
    static boolean latinOrArabicOnly(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.ARABIC) return false;
        }
        return true;
    }
}
