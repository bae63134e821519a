package io.sitrep.nlp.place;

import io.sitrep.nlp.PlaceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds place names in a text and resolves them to coordinates, governorate and country.
 *
 * <p>One pass over the words: from each word that may start a name (capitalised, Arabic script, or a lower-case
 * word joined to a capitalised one as in "north-east Syria") the folded words are walked through the name trie
 * and the longest name wins. A second pass resolves names that several places share from the text's context:
 * a candidate whose governorate or country the text mentions wins, then the larger kind of place (capital,
 * governorate seat, governorate, curated site, district seat, village), then the theatre (Iraq, Syria), then the
 * population. Stop names (persons, common words, organisation names) are never places; a lone village name stuck
 * to another capitalised word ("Fuad Hussein") is read as part of a person's or organisation's name.
 *
 * <p>{@code PlaceRef.admin1} is the canonical governorate name of geo/governorates.tsv (e.g. "Nineveh",
 * "Al Anbar", "Aleppo", "Raqqa", "Al Hasakah"); null for countries, regions, rivers and places outside Iraq and
 * Syria. Thread-safe; the standard instance is loaded once.
 */
public final class PlaceResolver {
    /** Words after a village name that make it a place's name rather than part of a person's. */
    private static final Set<String> PLACE_WORDS = Set.of("province", "governorate", "district", "subdistrict",
            "city", "town", "village", "camp", "dam", "base", "airbase", "airport", "prison", "crossing", "border",
            "countryside", "region", "area", "desert", "river", "mountain", "mountains", "plain", "plains", "valley",
            "road", "highway", "bridge", "checkpoint", "sector", "outskirts", "axis", "front");

    private final Gazetteer gazetteer;
    private final Governorates governorates;
    /** The lower-case words that start some name, bucketed by first character (ASCII; the rest in bucket 128). */
    private final String[][] lowerCaseFirstWords;

    private PlaceResolver(Gazetteer gazetteer, Governorates governorates) {
        this.gazetteer = gazetteer;
        this.governorates = governorates;
        this.lowerCaseFirstWords = byFirstChar(gazetteer.lowerCaseFirstWords());
    }

    private static final class Holder {
        static final PlaceResolver STANDARD = load(Gazetteer.Sources.standard());
    }

    /** The gazetteer shipped in the jar (GeoNames, governorates, supplement); loaded and validated once. */
    public static PlaceResolver standard() {
        return Holder.STANDARD;
    }

    /**
     * The shipped gazetteer plus an operator's supplement file in the format of geo/supplement.tsv.
     *
     * @throws PlaceDataException naming file and line when a line is malformed
     */
    public static PlaceResolver withSupplement(Path supplement) {
        if (!Files.isReadable(supplement)) throw new PlaceDataException(supplement + ": not readable");
        Gazetteer.Source extra = new Gazetteer.Source(supplement.toString(), () -> {
            try {
                return Files.newBufferedReader(supplement, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PlaceDataException(supplement + ": unreadable: " + e.getMessage(), e);
            }
        });
        return load(Gazetteer.Sources.standard().withSupplement(extra));
    }

    static PlaceResolver load(Gazetteer.Sources sources) {
        Governorates g = Governorates.standard();
        return new PlaceResolver(Gazetteer.build(sources, g), g);
    }

    public Governorates governorates() {
        return governorates;
    }

    /** The place with that id ("geonames:99072", "gov:IQ.AN", "site:al-hol-camp", "country:SY"). */
    public Optional<PlaceRef> byId(String id) {
        return gazetteer.byId(id).map(GazetteerEntry::place);
    }

    /** The place a single name means without context ("Ain al-Asad", "Al-Anbar", "الموصل"); blank or unknown: empty. */
    public Optional<PlaceRef> lookup(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        if (gazetteer.isEnglishWord(name.strip().toLowerCase(Locale.ROOT))) return Optional.empty();
        for (String key : Gazetteer.keysOf(name.strip())) {
            Candidates c = gazetteer.names().get(key);
            if (c != null) return c.blocked() ? Optional.empty() : Optional.of(c.best(Set.of(), Set.of()).place());
        }
        return Optional.empty();
    }

    /** Every place mention in the text, in text order, with character offsets. Null or empty text: none. */
    public List<PlaceMention> find(String text) {
        if (text == null || text.isEmpty()) return List.of();
        TextTokens t = TextTokens.of(text);
        int n = t.size();
        int[] firstToken = new int[8];
        int[] lastToken = new int[8];
        Candidates[] found = new Candidates[8];
        int count = 0;
        Set<String> admin1Context = new HashSet<>();
        Set<String> countryContext = new HashSet<>();
        NameTrie.Node<Candidates> root = gazetteer.names().root();

        int i = 0;
        while (i < n) {
            if (!mayStartName(t, i)) {
                i++;
                continue;
            }
            String key = t.key(i);
            if (key.isEmpty()) {
                i++;
                continue;
            }
            Match match = longestName(t, i, key, root);
            if (match == null && t.arabic(i)) {
                String bare = t.keyWithoutProclitic(i);
                if (bare != null) match = longestName(t, i, bare, root);
            }
            if (match == null || !t.arabic(i) && (!anyCapitalised(t, i, match.last()) || englishWord(t, i, match.last()))) {
                String country = t.capitalised(i) || t.arabic(i) ? gazetteer.demonymCountry(key) : null;
                if (country != null) countryContext.add(country);
                i++;
                continue;
            }
            int last = match.last();
            Candidates c = match.candidates();
            if (!c.blocked()) {
                if (count == found.length) {
                    firstToken = java.util.Arrays.copyOf(firstToken, count * 2);
                    lastToken = java.util.Arrays.copyOf(lastToken, count * 2);
                    found = java.util.Arrays.copyOf(found, count * 2);
                }
                firstToken[count] = i;
                lastToken[count] = last;
                found[count] = c;
                count++;
                if (c.sharedAdmin1() != null) admin1Context.add(c.sharedAdmin1());
                if (c.sharedCountry() != null) countryContext.add(c.sharedCountry());
            }
            i = last + 1;
        }

        List<PlaceMention> out = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            GazetteerEntry e = found[m].best(admin1Context, countryContext);
            int first = firstToken[m];
            int last = lastToken[m];
            if (e.rank() <= GazetteerEntry.RANK_VILLAGE && first == last && !t.arabic(first) && partOfLongerName(t, first)) {
                continue;
            }
            int start = t.start(first);
            int article = first - 1;
            if (article >= 0 && t.joinedToNext(article) && t.isArticle(article)) start = t.start(article);
            int end = t.end(last);
            out.add(new PlaceMention(e.place(), text.substring(start, end), start, end));
        }
        return out;
    }

    /**
     * Capitalised or Arabic words start names; so does a lower-case word that starts some name ("north-east") when
     * joined to a capitalised one.
     */
    private boolean mayStartName(TextTokens t, int i) {
        if (t.capitalised(i) || t.arabic(i)) return true;
        // the word list first: it rejects most lower-case words without reading what follows them
        boolean startsSome = false;
        for (String w : lowerCaseFirstWords[Math.min(t.firstChar(i), 128)]) {
            if (t.is(i, w)) {
                startsSome = true;
                break;
            }
        }
        return startsSome && t.joinedToNext(i) && t.capitalised(i + 1);
    }

    private static String[][] byFirstChar(Set<String> words) {
        List<List<String>> buckets = new ArrayList<>();
        for (int c = 0; c <= 128; c++) buckets.add(new ArrayList<>());
        for (String w : words) if (!w.isEmpty()) buckets.get(Math.min(w.charAt(0), 128)).add(w);
        String[][] out = new String[129][];
        for (int c = 0; c <= 128; c++) out[c] = buckets.get(c).toArray(new String[0]);
        return out;
    }

    /** The longest name starting at word {@code i}: its last word and its places. */
    private record Match(int last, Candidates candidates) {}

    /** The longest name starting at word {@code i} whose key is {@code firstKey}, or null. */
    private static Match longestName(TextTokens t, int i, String firstKey, NameTrie.Node<Candidates> root) {
        NameTrie.Node<Candidates> node = root.walk(firstKey);
        int last = -1;
        Candidates best = null;
        int j = i;
        while (node != null) {
            if (node.value() != null && !t.key(j).isEmpty()) {
                last = j;
                best = node.value();
            }
            if (!t.joinedToNext(j) || j + 1 >= t.size()) break;
            j++;
            node = node.walk(t.key(j));
        }
        return best == null ? null : new Match(last, best);
    }

    private boolean englishWord(TextTokens t, int first, int last) {
        return first == last && gazetteer.isEnglishWord(t.textOf(first).toLowerCase(Locale.ROOT));
    }

    private static boolean anyCapitalised(TextTokens t, int first, int last) {
        for (int j = first; j <= last; j++) if (t.capitalised(j)) return true;
        return false;
    }

    /**
     * A one-word village name with a capitalised word stuck before it (not at a sentence start) or after it (other
     * than a place word such as "Dam" or "Province") is a part of a person's or organisation's name.
     */
    private static boolean partOfLongerName(TextTokens t, int i) {
        int before = i - 1;
        if (before >= 0 && t.joinedToNext(before) && t.isArticle(before)) before--; // the article of "Al-X"
        if (before >= 0 && t.joinedToNext(before) && t.capitalised(before) && !t.sentenceStart(before)) return true;
        int after = i + 1;
        return after < t.size() && t.joinedToNext(i) && t.capitalised(after) && !PLACE_WORDS.contains(lower(t, after));
    }

    private static String lower(TextTokens t, int i) {
        return t.key(i).isEmpty() ? "" : t.textOf(i).toLowerCase(Locale.ROOT);
    }
}
