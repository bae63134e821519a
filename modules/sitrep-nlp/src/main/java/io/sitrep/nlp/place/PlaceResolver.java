package io.sitrep.nlp.place;

import io.sitrep.nlp.PlaceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    private static final WordSet PLACE_WORDS = new WordSet(List.of("province", "governorate", "district", "subdistrict",
            "city", "town", "village", "camp", "dam", "base", "airbase", "airport", "prison", "crossing", "border",
            "countryside", "region", "area", "desert", "river", "mountain", "mountains", "plain", "plains", "valley",
            "road", "highway", "bridge", "checkpoint", "sector", "outskirts", "axis", "front"));

    private final Gazetteer gazetteer;
    private final Governorates governorates;
    /** The lower-case words that start some name, bucketed by first character (ASCII; the rest in bucket 128). */
    private final String[][] lowerCaseFirstWords;
    /**
     * By ASCII char: a word starting with it cannot start a name, being a lower-case letter that no lower-case first
     * word starts with ("the", "said", …, most words of a text): skipped on reading one char.
     */
    private final boolean[] neverStartsName = new boolean[128];

    private PlaceResolver(Gazetteer gazetteer, Governorates governorates) {
        this.gazetteer = gazetteer;
        this.governorates = governorates;
        this.lowerCaseFirstWords = byFirstChar(gazetteer.lowerCaseFirstWords());
        for (char c = 'a'; c <= 'z'; c++) neverStartsName[c] = lowerCaseFirstWords[c].length == 0;
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
            if (c != null) return c.blocked() ? Optional.empty() : Optional.of(c.best(0, 0).place());
        }
        return Optional.empty();
    }

    /** Every place mention in the text, in text order, with character offsets. Null or empty text: none. */
    public List<PlaceMention> find(String text) {
        if (text == null || text.isEmpty()) return List.of();
        Scratch s = SCRATCH.get();
        try {
            return find(text, s.tokens.reset(text), s);
        } finally {
            s.release();
        }
    }

    private List<PlaceMention> find(String text, TextTokens t, Scratch s) {
        int n = t.size();
        int count = 0;
        long admin1Context = 0; // RegionBits of the governorates and countries the text names
        long countryContext = 0;
        NameTrie<Candidates> names = gazetteer.names();

        boolean[] neverStartsName = this.neverStartsName;
        char[] chars = t.chars();
        int i = 0;
        while (i < n) {
            char firstChar = chars[t.start(i)];
            if (firstChar < 128 && neverStartsName[firstChar]) {
                i++;
                continue;
            }
            char firstLetter = t.firstLetter(i);
            boolean capitalised = TextTokens.isUpperCase(firstLetter);
            boolean arabic = TextTokens.isArabic(firstLetter);
            if (!capitalised && !arabic && !startsLowerCaseName(t, i)) {
                i++;
                continue;
            }
            int keyLength = t.keyLength(i);
            if (keyLength == 0) {
                i++;
                continue;
            }
            int keyStart = t.keyStart(i);
            int keyNode = names.walk(NameTrie.ROOT, t.keyChars(), keyStart, keyStart + keyLength);
            long match = longestName(t, i, keyNode, names);
            if (match == NO_MATCH && arabic) {
                String bare = t.keyWithoutProclitic(i);
                if (bare != null) match = longestName(t, i, names.walk(NameTrie.ROOT, bare), names);
            }
            if (match == NO_MATCH || !arabic && (!anyCapitalised(t, i, last(match)) || englishWord(t, i, last(match)))) {
                if (capitalised || arabic) countryContext |= gazetteer.demonymCountryBit(keyNode);
                i++;
                continue;
            }
            int last = last(match);
            Candidates c = names.value(node(match));
            if (!c.blocked()) {
                s.add(count++, i, last, c);
                admin1Context |= c.sharedAdmin1Bit();
                countryContext |= c.sharedCountryBit();
            }
            i = last + 1;
        }

        List<PlaceMention> out = new ArrayList<>(count);
        for (int m = 0; m < count; m++) {
            GazetteerEntry e = s.found[m].best(admin1Context, countryContext);
            int first = s.firstToken[m];
            int last = s.lastToken[m];
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

    /** Per thread: the words of the text being read and the names found in it, reused from call to call. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        private static final int KEPT_NAMES = 1024;
        final TextTokens tokens = new TextTokens();
        /** Name m spans words firstToken[m]..lastToken[m] and may mean found[m]. */
        int[] firstToken = new int[16];
        int[] lastToken = new int[16];
        Candidates[] found = new Candidates[16];

        void add(int m, int first, int last, Candidates c) {
            if (m == found.length) {
                firstToken = Arrays.copyOf(firstToken, m * 2);
                lastToken = Arrays.copyOf(lastToken, m * 2);
                found = Arrays.copyOf(found, m * 2);
            }
            firstToken[m] = first;
            lastToken[m] = last;
            found[m] = c;
        }

        /** Keeps no text, no gazetteer data and no buffer sized for an exceptionally long text. */
        void release() {
            tokens.release();
            Arrays.fill(found, null);
            if (found.length > KEPT_NAMES) {
                firstToken = new int[16];
                lastToken = new int[16];
                found = new Candidates[16];
            }
        }
    }

    /**
     * Capitalised or Arabic words start names; so does a lower-case word that starts some name ("north-east") when
     * joined to a capitalised one.
     */
    private boolean startsLowerCaseName(TextTokens t, int i) {
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

    /** {@link #longestName}'s answer when no name starts at the word. */
    private static final long NO_MATCH = -1;

    /** A name found: its last word and the trie node of its key, in one long. */
    private static long match(int last, int node) { return (long) last << 32 | node; }

    private static int last(long match) { return (int) (match >>> 32); }

    private static int node(long match) { return (int) match; }

    /** The longest name starting at word {@code i}, whose first word's key led to {@code node}; or NO_MATCH. */
    private static long longestName(TextTokens t, int i, int node, NameTrie<Candidates> names) {
        long best = NO_MATCH;
        int j = i;
        while (node != NameTrie.NONE) {
            int keyLength = t.keyLength(j);
            if (names.value(node) != null && keyLength != 0) best = match(j, node);
            if (!t.joinedToNext(j) || j + 1 >= t.size()) break;
            j++;
            keyLength = t.keyLength(j);
            int keyStart = t.keyStart(j);
            node = names.walk(node, t.keyChars(), keyStart, keyStart + keyLength);
        }
        return best;
    }

    private boolean englishWord(TextTokens t, int first, int last) {
        return first == last && lowerCaseIn(gazetteer.englishWords(), t, first);
    }

    /** Whether the word, lower-cased (String.toLowerCase(Locale.ROOT)), is one of {@code words}. */
    private static boolean lowerCaseIn(WordSet words, TextTokens t, int token) {
        int found = words.indexOfLowerCase(t.chars(), t.start(token), t.end(token));
        if (found == WordSet.NOT_ASCII) found = words.indexOf(t.textOf(token).toLowerCase(Locale.ROOT));
        return found >= 0;
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
        return after < t.size() && t.joinedToNext(i) && t.capitalised(after) && !placeWord(t, after);
    }

    /** "Dam", "Province", …: a word after a name that makes it a place's name. An article is none. */
    private static boolean placeWord(TextTokens t, int i) {
        return t.keyLength(i) != 0 && lowerCaseIn(PLACE_WORDS, t, i);
    }
}
