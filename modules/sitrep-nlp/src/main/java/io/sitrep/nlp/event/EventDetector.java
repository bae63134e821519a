package io.sitrep.nlp.event;

import io.sitrep.nlp.DetectedEvent;
import io.sitrep.nlp.EventStatus;
import io.sitrep.nlp.PlaceRef;
import io.sitrep.nlp.Severity;
import io.sitrep.nlp.clean.Segment;
import io.sitrep.nlp.entity.EntityMention;
import io.sitrep.nlp.place.PlaceMention;
import io.sitrep.nlp.text.Sentences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds events sentence by sentence from a {@link RulePack}: one lexicon pass over the segment finds every
 * trigger, role term, exclusion and status cue; then, per sentence with a trigger, roles and exclusions decide
 * whether a rule fires, cues and dates decide its status, and counts, actors and place are attached. Events of
 * one type in a segment merge into one (best evidence, largest counts). Immutable and thread-safe.
 */
public final class EventDetector {
    private static final Comparator<EntityMention> BY_ENTITY_START = Comparator.comparingInt(EntityMention::start);
    private static final Comparator<PlaceMention> BY_PLACE_START = Comparator.comparingInt(PlaceMention::start);

    private final List<EventRule> rules;
    private final StatusLexicon status;
    private final Lexicon lexicon;
    private final Entries entries;
    /** Per rule, the index of its event type among the pack's distinct types (rules of one type merge). */
    private final int[] typeOfRule;
    private final int types;

    public EventDetector(RulePack pack) {
        this.rules = pack.rules();
        this.status = pack.status();
        this.entries = new Entries();
        this.lexicon = entries.compile(pack);
        Map<String, Integer> typeIds = new java.util.HashMap<>();
        typeOfRule = new int[rules.size()];
        for (int r = 0; r < rules.size(); r++) typeOfRule[r] = typeIds.computeIfAbsent(rules.get(r).type(), k -> typeIds.size());
        types = typeIds.size();
    }

    private static final class Standard {
        static final EventDetector INSTANCE = new EventDetector(RulePack.loadDefault());
    }

    /** The detector of the default rule packs shipped under {@code rules/}. */
    public static EventDetector standard() { return Standard.INSTANCE; }

    public List<EventRule> rules() { return rules; }

    /**
     * The arrays one detect call works in, kept by each thread from call to call (they only grow, up to what a
     * long article needs; a larger text gets arrays of its own that are dropped after the call).
     */
    private static final class Scratch {
        static final int MAX_KEPT_CHARS = 1 << 16;
        final Tokens tokens = new Tokens(1024);
        final Lexicon.Hits hits = new Lexicon.Hits();
        // per-sentence results, indexed by rule
        int[] bestHit = new int[0];
        EventStatus[] bestStatus = new EventStatus[0];
        double[] bestConfidence = new double[0];
        int[] bestRoles = new int[0];
        // per place mention: its specificity
        int[] placeSpec = new int[16];
        // per sentence matched: its index, its tokens [from, to) and its hits [from, to)
        int[] sentences = new int[5 * 16];
        final PlaceIndex placeIndex = new PlaceIndex();
        // the events of the call by type index, and the types in the order their first event was found
        Merged[] byType = new Merged[0];
        Merged[] typesInOrder = new Merged[0];
        int typesFound;

        void typeCapacity(int types) {
            if (byType.length >= types) return;
            byType = new Merged[types];
            typesInOrder = new Merged[types];
        }

        void clearTypes() {
            java.util.Arrays.fill(byType, null);
            java.util.Arrays.fill(typesInOrder, 0, typesFound, null);
            typesFound = 0;
        }

        void ruleCapacity(int rules) {
            if (bestHit.length >= rules) return;
            bestHit = new int[rules];
            bestStatus = new EventStatus[rules];
            bestConfidence = new double[rules];
            bestRoles = new int[rules];
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Offsets of the mentions are offsets into {@code segment.body()}. */
    public List<DetectedEvent> detect(Segment segment, List<EntityMention> entities, List<PlaceMention> places) {
        String body = segment == null ? null : segment.body();
        if (body == null || body.isEmpty()) return List.of();
        Scratch scratch = body.length() <= Scratch.MAX_KEPT_CHARS ? SCRATCH.get() : new Scratch();
        Tokens tokens = scratch.tokens;
        try {
            tokens.read(body, lexicon, entries.classFlags());
            Lexicon.Hits hits = scratch.hits;
            hits.clear();
            Sentences.Splitter sentences = tokens.sentences;
            // only a sentence holding a token that may start a trigger is matched and read (Scan.sentence): found
            // from those tokens, the others are not visited; per such sentence its tokens and hits are kept
            int picked = 0;
            int[] pick = scratch.sentences;
            int[] start = tokens.start;
            for (int m = 0, k = 0, done = 0; m < tokens.triggerStarts; m++) {
                int t = tokens.mayStartTrigger[m];
                if (t < done) continue; // in the sentence matched last
                int at = start[t];
                while (k < sentences.count() && sentences.end(k) <= at) k++;
                if (k == sentences.count()) break;
                if (sentences.start(k) > at) continue; // between sentences: in none
                int ts = t, te = t + 1;
                while (ts > done && start[ts - 1] >= sentences.start(k)) ts--;
                while (te < tokens.size && start[te] < sentences.end(k)) te++;
                int hs = hits.size;
                lexicon.match(tokens, ts, te, hits);
                if (5 * picked + 5 > pick.length) pick = scratch.sentences = java.util.Arrays.copyOf(pick, pick.length * 2);
                pick[5 * picked] = k;
                pick[5 * picked + 1] = ts;
                pick[5 * picked + 2] = te;
                pick[5 * picked + 3] = hs;
                pick[5 * picked + 4] = hits.size;
                picked++;
                done = te;
            }
            if (!anyTrigger(hits)) return List.of();
            scratch.ruleCapacity(rules.size());
            Scan scan = new Scan(body, tokens, hits, sorted(entities, BY_ENTITY_START), sorted(places, BY_PLACE_START),
                    segment.publishedAt(), scratch);
            scratch.typeCapacity(types);
            for (int p = 0; p < picked; p++) {
                int k = pick[5 * p];
                scan.sentence(sentences.start(k), sentences.end(k), pick[5 * p + 1], pick[5 * p + 2], pick[5 * p + 3], pick[5 * p + 4]);
            }
            int found = scratch.typesFound;
            List<DetectedEvent> out = new ArrayList<>(found);
            PlaceRef dominant = found == 0 ? null : dominantPlace(scan.places, scan.placeSpec, scratch.placeIndex);
            for (int k = 0; k < found; k++) out.add(scratch.typesInOrder[k].toEvent(dominant, body, scan.entities));
            return out;
        } finally {
            tokens.text = null; // keep no article alive in the thread's scratch
            scratch.clearTypes();
        }
    }

    private boolean anyTrigger(Lexicon.Hits hits) {
        for (int h = 0; h < hits.size; h++) if (entries.isTrigger(hits.entry[h])) return true;
        return false;
    }

    private static <T> List<T> sorted(List<T> in, Comparator<T> by) {
        if (in == null || in.isEmpty()) return List.of();
        if (isSorted(in, by)) return in; // as the recognizers give them: a stable sort would change nothing
        List<T> out = new ArrayList<>(in);
        out.sort(by);
        return out;
    }

    private static <T> boolean isSorted(List<T> in, Comparator<T> by) {
        for (int i = 1; i < in.size(); i++) if (by.compare(in.get(i - 1), in.get(i)) > 0) return false;
        return true;
    }

    /** A place mention's specificity not worked out yet (placeSpec). */
    static final int UNKNOWN_SPECIFICITY = Integer.MIN_VALUE;

    /**
     * The segment's most mentioned place, preferring the most specific kind; null when it names none. Places are
     * told apart by id (else name); spec holds each mention's {@link #specificity} (or UNKNOWN_SPECIFICITY: worked out
     * here when read), firstOf the scratch of a call.
     */
    static PlaceRef dominantPlace(List<PlaceMention> places, int[] spec, PlaceIndex firstOf) {
        int n = places.size();
        int[] counts = firstOf.reset(n);
        for (int i = 0; i < n; i++) {
            PlaceRef p = places.get(i).place();
            if (p != null) counts[firstOf.firstWithKey(places, i)]++;
        }
        PlaceRef best = null;
        int bestScore = -1;
        for (int i = 0; i < n; i++) { // in the order each place is first named, as it wins ties
            if (counts[i] == 0) continue;
            if (spec[i] == UNKNOWN_SPECIFICITY) spec[i] = specificity(places.get(i).place());
            // any place below country level beats a country; then the most mentioned, then the most specific
            int score = (spec[i] > 0 ? 1_000_000 : 0) + counts[i] * 10 + spec[i];
            if (score > bestScore) { bestScore = score; best = places.get(i).place(); }
        }
        return best;
    }

    /**
     * Finds the first mention of each place of a call by open addressing on its key's hash (id, else name): no map
     * and no boxing per call. Scratch of one thread.
     */
    static final class PlaceIndex {
        private int[] slots = new int[64]; // mention index + 1; 0 = empty
        private int[] counts = new int[32];
        private int sizeMask;

        int[] reset(int mentions) {
            int size = Integer.highestOneBit(Math.max(2, mentions) * 2 - 1) << 1;
            if (slots.length < size) slots = new int[size];
            else java.util.Arrays.fill(slots, 0, size, 0);
            sizeMask = size - 1;
            if (counts.length < mentions) counts = new int[mentions];
            else java.util.Arrays.fill(counts, 0, mentions, 0);
            return counts;
        }

        /** The first mention with the key of mention i (whose place is not null); registers i when it is that one. */
        int firstWithKey(List<PlaceMention> places, int i) {
            String key = key(places.get(i).place());
            for (int slot = (java.util.Objects.hashCode(key) * 0x9E3779B9) >>> 7 & sizeMask; ; slot = (slot + 1) & sizeMask) {
                int at = slots[slot] - 1;
                if (at < 0) { slots[slot] = i + 1; return i; }
                if (java.util.Objects.equals(key(places.get(at).place()), key)) return at;
            }
        }

        private static String key(PlaceRef p) { return p.id() == null ? p.name() : p.id(); }
    }

    /** The specificity of the kinds the gazetteer gives, worked out once: a lookup instead of eight scans. */
    private static final Map<String, Integer> KNOWN_KIND_SPECIFICITY = new java.util.HashMap<>();

    static {
        for (String k : List.of("airbase", "base", "airport", "camp", "prison", "dam", "crossing", "neighbourhood",
                "city", "town", "village", "oilfield", "region", "river", "country", "governorate")) {
            KNOWN_KIND_SPECIFICITY.put(k, specificityOf(k));
        }
    }

    /** 0 country, 1 province/governorate, 2 anything more precise (city, district, base, camp, dam…). */
    static int specificity(PlaceRef p) {
        String k = p.kind() == null ? "" : p.kind();
        Integer known = KNOWN_KIND_SPECIFICITY.get(k);
        if (known != null) return known;
        if (!isAscii(k)) return specificityOf(k.toLowerCase(java.util.Locale.ROOT));
        if (containsIgnoreCase(k, "country") || k.equalsIgnoreCase("pcli")) return 0;
        if (containsIgnoreCase(k, "admin1") || containsIgnoreCase(k, "governorate") || containsIgnoreCase(k, "province")
                || containsIgnoreCase(k, "adm1") || containsIgnoreCase(k, "region") || containsIgnoreCase(k, "state")) return 1;
        return 2;
    }

    private static int specificityOf(String lowerKind) {
        String k = lowerKind;
        if (k.contains("country") || k.equals("pcli")) return 0;
        if (k.contains("admin1") || k.contains("governorate") || k.contains("province") || k.contains("adm1")
                || k.contains("region") || k.contains("state")) return 1;
        return 2;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }

    /** For an ASCII text, the same as lower-casing it and calling contains with a lower-case word: no copy. */
    private static boolean containsIgnoreCase(String text, String lowerWord) {
        char first = lowerWord.charAt(0); // a letter: its two cases, and nothing else, have it once bit 5 is set
        for (int i = 0; i + lowerWord.length() <= text.length(); i++) {
            if ((text.charAt(i) | 0x20) == first && text.regionMatches(true, i, lowerWord, 0, lowerWord.length())) return true;
        }
        return false;
    }

    // facts of a token (Tokens.flags): from its lexicon class, and from the phrases of several words starting at it
    private static final byte CLAUSE_BREAK = Entries.CLAUSE_BREAK;
    private static final byte MONTH = Entries.MONTH;
    private static final byte NUMBER_WORD = Entries.NUMBER_WORD;
    private static final byte PERSON = Entries.PERSON;
    private static final byte YEAR_PREFIX = Entries.YEAR_PREFIX;
    private static final byte DATE_IGNORE = Entries.DATE_IGNORE;
    private static final byte NUMERIC = Entries.NUMERIC;

    /** The state of one detect call: the segment's tokens, hits, mentions and the lazily read sentence facts. */
    private final class Scan {
        final String body;
        final Tokens tokens;
        final Lexicon.Hits hits;
        final List<EntityMention> entities;
        final List<PlaceMention> places;
        final Instant publishedAt;
        /** The publication day (UTC), worked out at the first sentence that needs it (no ZonedDateTime per call). */
        java.time.LocalDate published;
        long publishedDay;
        final byte[] flags;
        /** Per place mention, the {@link #specificity} of its place, or UNKNOWN_SPECIFICITY until it is read. */
        final int[] placeSpec;
        final Scratch scratch;
        // the first entity and the first place mention at or after the current sentence (sentences come in order)
        int entityFrom;
        int placeFrom;
        // per-sentence scratch, indexed by rule
        final int[] bestHit;
        final EventStatus[] bestStatus;
        final double[] bestConfidence;
        final int[] bestRoles;

        Scan(String body, Tokens tokens, Lexicon.Hits hits, List<EntityMention> entities, List<PlaceMention> places,
             Instant publishedAt, Scratch scratch) {
            this.body = body;
            this.tokens = tokens;
            this.hits = hits;
            this.entities = entities;
            this.places = places;
            this.publishedAt = publishedAt;
            this.flags = tokens.flags; // the facts of breaks, numbers and one-word phrases: set by Tokens.read
            // the facts of phrases of several words (one-word ones are in the class)
            for (int h = 0; h < hits.size; h++) flags[hits.start[h]] |= entries.hitFact(hits.entry[h]);
            int np = places.size();
            if (scratch.placeSpec.length < np) scratch.placeSpec = new int[np];
            placeSpec = scratch.placeSpec;
            java.util.Arrays.fill(placeSpec, 0, np, UNKNOWN_SPECIFICITY); // worked out where read: most places are not
            this.scratch = scratch;
            bestHit = scratch.bestHit;
            bestStatus = scratch.bestStatus;
            bestConfidence = scratch.bestConfidence;
            bestRoles = scratch.bestRoles;
        }

        private boolean has(int token, byte flag) { return (flags[token] & flag) != 0; }

        void sentence(int spanStart, int spanEnd, int ts, int te, int hs, int he) {
            boolean any = false;
            for (int h = hs; h < he && !any; h++) any = entries.isTrigger(hits.entry[h]);
            if (!any) return;
            java.util.Arrays.fill(bestHit, 0, rules.size(), -1);
            int dated = -1; // whether the sentence is dated well before publication: worked out once, when needed
            for (int h = hs; h < he; h++) {
                int e = hits.entry[h];
                if (!entries.isTrigger(e) || hits.end[h] > te) continue;
                int r = entries.rule(e);
                boolean weak = entries.kind(e) == Kind.WEAK_TRIGGER;
                if (excluded(r, h, hs, he)) continue;
                int filled = roles(r, weak, h, hs, he, spanStart, spanEnd);
                if (filled < 0) continue;
                if (dated < 0) dated = datedWellBefore(ts, te) ? 1 : 0;
                EventStatus st = statusAt(hits.start[h], hits.end[h], hs, he, dated == 1);
                double conf = (weak ? 0.45 : 0.6) + 0.1 * Math.min(filled, 2);
                if (bestHit[r] < 0 || rank(st) < rank(bestStatus[r])
                        || rank(st) == rank(bestStatus[r]) && conf > bestConfidence[r]) {
                    bestHit[r] = h;
                    bestStatus[r] = st;
                    bestConfidence[r] = conf;
                    bestRoles[r] = filled;
                }
            }
            Map<String, Long> quantities = null;
            int actorsFrom = 0, actorsTo = 0; // the sentence's entities: its actors are their names
            boolean anyActor = false;
            PlaceRef place = null;
            boolean hedged = false;
            boolean facts = false;
            for (int r = 0; r < rules.size(); r++) {
                if (bestHit[r] < 0) continue;
                if (!facts) {
                    facts = true;
                    quantities = quantities(ts, te, hs, he);
                    actorsFrom = firstEntity(spanStart);
                    for (actorsTo = actorsFrom; actorsTo < entities.size() && entities.get(actorsTo).start() < spanEnd; actorsTo++) {
                        anyActor |= entities.get(actorsTo).name() != null;
                    }
                    place = placeIn(spanStart, spanEnd, tokens.start[hits.start[bestHit[r]]]);
                    for (int h = hs; h < he && !hedged; h++) hedged = entries.kind(hits.entry[h]) == Kind.HEDGE;
                }
                double conf = bestConfidence[r];
                if (anyActor) conf += 0.1;
                if (place != null) conf += 0.05;
                if (!quantities.isEmpty()) conf += 0.05;
                if (hedged) conf -= 0.15;
                conf = Math.max(0.05, Math.min(0.95, conf));
                merged(r).add(rules.get(r), bestStatus[r], conf, spanStart, spanEnd, actorsFrom, actorsTo, place, quantities);
            }
        }

        /** The events of the rule's type so far, created (in the order types are first found) when none yet. */
        private Merged merged(int rule) {
            int type = typeOfRule[rule];
            Merged m = scratch.byType[type];
            if (m == null) {
                m = new Merged();
                scratch.byType[type] = m;
                scratch.typesInOrder[scratch.typesFound++] = m;
            }
            return m;
        }

        private boolean excluded(int rule, int trigger, int hs, int he) {
            for (int h = hs; h < he; h++) {
                int e = hits.entry[h];
                if (entries.rule(e) != rule) continue;
                if (entries.kind(e) == Kind.VETO) return true;
                if (entries.kind(e) == Kind.EXCLUSION
                        && hits.start[h] < hits.end[trigger] && hits.start[trigger] < hits.end[h]) return true;
            }
            return false;
        }

        /** Number of roles filled, or -1 when a required one is missing. */
        private int roles(int r, boolean weak, int trigger, int hs, int he, int spanStart, int spanEnd) {
            EventRule rule = rules.get(r);
            List<EventRule.Role> roles = rule.roles();
            // the roles a term of the sentence fills, found in one pass over its hits for all of them (by role
            // index, up to 64; the rare rule of more looks for each role in a pass of its own)
            long termFilled = 0;
            if (roles.size() <= 64) {
                for (int h = hs; h < he; h++) {
                    int e = hits.entry[h];
                    if (entries.kind(e) != Kind.ROLE || entries.rule(e) != r) continue;
                    int k = entries.index(e);
                    if ((termFilled & 1L << k) == 0 && fills(roles.get(k), h, trigger)) termFilled |= 1L << k;
                }
            }
            int filled = 0;
            for (int k = 0; k < roles.size(); k++) {
                EventRule.Role role = roles.get(k);
                boolean present;
                if (roles.size() <= 64) {
                    present = (termFilled & 1L << k) != 0;
                } else {
                    present = false;
                    for (int h = hs; h < he && !present; h++) {
                        int e = hits.entry[h];
                        if (entries.kind(e) != Kind.ROLE || entries.rule(e) != r || entries.index(e) != k) continue;
                        present = fills(role, h, trigger);
                    }
                }
                if (!present && !role.entityTypes().isEmpty() && role.required() != EventRule.Requirement.ABSENT) {
                    for (int i = firstEntity(spanStart); i < entities.size(); i++) {
                        EntityMention m = entities.get(i);
                        if (m.start() >= spanEnd) break;
                        if (!role.entityTypes().contains(m.type())) continue;
                        if (role.window() == 0) { present = true; break; }
                        int tok = tokenAt(m.start());
                        int gap = tok >= hits.end[trigger] ? tok - hits.end[trigger] : hits.start[trigger] - tok - 1;
                        if (gap < role.window()) { present = true; break; }
                    }
                }
                if (role.required() == EventRule.Requirement.ABSENT) {
                    if (present) return -1;
                    continue;
                }
                if (present) filled++;
                else if (role.required() == EventRule.Requirement.ALWAYS || weak && role.required() == EventRule.Requirement.WEAK) return -1;
            }
            return filled;
        }

        /** Whether the term hit h of the role fills it for the trigger hit. */
        private boolean fills(EventRule.Role role, int h, int trigger) {
            if (hits.start[h] < hits.end[trigger] && hits.start[trigger] < hits.end[h]) return false; // the trigger itself
            // an absent role is about the trigger's object: only what follows the trigger counts
            if (role.required() == EventRule.Requirement.ABSENT && hits.start[h] < hits.end[trigger]) return false;
            int gap = hits.start[h] >= hits.end[trigger] ? hits.start[h] - hits.end[trigger] : hits.start[trigger] - hits.end[h];
            return role.window() == 0 || gap < role.window();
        }

        /** The index of the token holding (or first after) a character offset. */
        private int tokenAt(int offset) {
            int lo = 0, hi = tokens.size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tokens.end[mid] <= offset) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        private EventStatus statusAt(int trigStart, int trigEnd, int hs, int he, boolean dated) {
            boolean negated = false, historical = dated, strongHypo = false, planned = false, weakHypo = false;
            for (int h = hs; h < he; h++) {
                int e = hits.entry[h];
                if (entries.kind(e) != Kind.CUE || has(hits.start[h], MONTH)) continue;
                StatusLexicon.Cue cue = status.cues().get(entries.index(e));
                boolean reaches = cue.sentence()
                        || hits.end[h] <= trigStart && trigStart - hits.end[h] < cue.before() && !breakIn(hits.end[h], trigStart)
                        || hits.start[h] >= trigEnd && hits.start[h] - trigEnd < cue.after() && !breakIn(trigEnd, hits.start[h]);
                if (!reaches) continue;
                switch (cue.status()) {
                    case NEGATED -> negated = true;
                    case HISTORICAL -> historical = true;
                    case PLANNED -> planned = true;
                    case HYPOTHETICAL -> { if (cue.strong()) strongHypo = true; else weakHypo = true; }
                    default -> { }
                }
            }
            if (negated) return EventStatus.NEGATED;
            if (historical) return EventStatus.HISTORICAL;
            if (strongHypo) return EventStatus.HYPOTHETICAL;
            if (planned) return EventStatus.PLANNED;
            if (weakHypo) return EventStatus.HYPOTHETICAL;
            return EventStatus.ASSERTED;
        }

        private boolean breakIn(int from, int to) {
            for (int t = from; t < to; t++) if (has(t, CLAUSE_BREAK)) return true;
            return false;
        }

        /**
         * True when the sentence dates what it tells and every such date lies well before publication. A date
         * right after "the" or "since" names something ("the March 10 agreement") or opens a range: not counted.
         */
        private boolean datedWellBefore(int ts, int te) {
            if (publishedAt == null) return false;
            if (published == null) { // as atZone(UTC).toLocalDate(): the UTC day is the epoch second's floor / 86400
                publishedDay = Math.floorDiv(publishedAt.getEpochSecond(), 86_400);
                published = java.time.LocalDate.ofEpochDay(publishedDay);
            }
            java.time.LocalDate pub = published;
            boolean anyDate = false;
            for (int t = ts; t < te; t++) {
                if ((flags[t] & (MONTH | NUMERIC)) == 0) continue; // a date starts at a month, a year or a decade
                int year = -1, monthValue = -1, day = -1, first = t, last = t;
                if (has(t, MONTH)) {
                    monthValue = entries.classMonth(tokens.lexClass[t]);
                    int k = t + 1;
                    if (k < te && tokens.kind[k] == Tokens.NUMBER && tokens.value[k] >= 1 && tokens.value[k] <= 31) { day = (int) tokens.value[k]; k++; }
                    if (k < te && tokens.kind[k] == Tokens.BREAK && body.charAt(tokens.start[k]) == ',') k++;
                    if (k < te && isYear(k)) { year = (int) tokens.value[k]; last = k; }
                    else last = k - 1;
                    if (day < 0 && t > ts && tokens.kind[t - 1] == Tokens.NUMBER && tokens.value[t - 1] <= 31) { day = (int) tokens.value[t - 1]; first = t - 1; }
                } else if (isYear(t) && (t == ts || !has(t - 1, MONTH)) && t > ts && has(t - 1, YEAR_PREFIX)) {
                    year = (int) tokens.value[t];
                } else if (isDecade(t)) {
                    // "in the 1980s": a decade is a period, never a name; it ends nine years after its first year
                    anyDate = true;
                    if (Integer.parseInt(body, tokens.start[t], tokens.start[t] + 4, 10) + 9 >= pub.getYear()) return false;
                    continue;
                } else {
                    continue;
                }
                if (year < 0 && first > ts && has(first - 1, DATE_IGNORE)) { t = last; continue; }
                anyDate = true;
                boolean wellBefore;
                if (monthValue < 0) {
                    wellBefore = year < pub.getYear();
                } else {
                    int y = year > 0 ? year : (monthValue <= pub.getMonthValue() ? pub.getYear() : pub.getYear() - 1);
                    int monthLength = java.time.Month.of(monthValue).length(java.time.Year.isLeap(y));
                    long d = java.time.LocalDate.of(y, monthValue, day > 0 && day <= monthLength ? day : monthLength).toEpochDay();
                    wellBefore = d + status.historicalAfterDays() < publishedDay; // plusDays(…).isBefore(pub), in days
                }
                if (!wellBefore) return false;
                t = last;
            }
            return anyDate;
        }

        private boolean isDecade(int t) {
            int s = tokens.start[t];
            char[] cs = tokens.chars;
            if (tokens.end[t] - s != 5 || Character.toLowerCase(cs[s + 4]) != 's') return false;
            for (int i = s; i < s + 4; i++) if (!Character.isDigit(cs[i])) return false;
            char c0 = cs[s], c1 = cs[s + 1];
            return (c0 == '1' && c1 == '9' || c0 == '2' && c1 == '0') && cs[s + 3] == '0';
        }

        private boolean isYear(int t) {
            return tokens.kind[t] == Tokens.NUMBER && tokens.end[t] - tokens.start[t] == 4
                    && tokens.value[t] >= 1900 && tokens.value[t] <= 2100;
        }

        /** Counts of persons ("two militants", "thousands of ISIS detainees") by the kind of the nearest verb. */
        private Map<String, Long> quantities(int ts, int te, int hs, int he) {
            Map<String, Long> out = null;
            for (int t = ts; t < te; t++) {
                if ((flags[t] & (NUMERIC | NUMBER_WORD)) == 0) continue; // a count is a number or a number word
                long value = tokens.kind[t] == Tokens.NUMBER && !isYear(t) ? tokens.value[t]
                        : has(t, NUMBER_WORD) ? entries.classNumber(tokens.lexClass[t]) : 0;
                if (value <= 0) continue;
                boolean person = false;
                for (int k = t + 1; k < te && k <= t + status.quantityLookahead() && !person; k++) {
                    if (tokens.kind[k] == Tokens.BREAK) break;
                    person = has(k, PERSON);
                }
                if (!person) continue;
                String kind = null;
                int bestGap = Integer.MAX_VALUE;
                for (int h = hs; h < he; h++) {
                    int e = hits.entry[h];
                    if (entries.kind(e) != Kind.QUANTITY_VERB) continue;
                    int gap = Math.abs(hits.start[h] - t);
                    if (gap <= status.quantityWindow() && gap < bestGap) { bestGap = gap; kind = entries.quantityKind(e); }
                }
                if (kind == null) continue;
                if (out == null) out = new LinkedHashMap<>();
                out.merge(kind, value, Math::max);
            }
            return out == null ? Map.of() : out;
        }

        /** The first entity starting at or after the sentence start (sentences are read in order). */
        private int firstEntity(int spanStart) {
            while (entityFrom < entities.size() && entities.get(entityFrom).start() < spanStart) entityFrom++;
            return entityFrom;
        }

        /** The most specific place named in the sentence; among equals, the one nearest the trigger. */
        private PlaceRef placeIn(int spanStart, int spanEnd, int triggerOffset) {
            PlaceRef best = null;
            int bestSpec = -1;
            int bestDist = Integer.MAX_VALUE;
            while (placeFrom < places.size() && places.get(placeFrom).start() < spanStart) placeFrom++;
            for (int i = placeFrom; i < places.size(); i++) {
                PlaceMention m = places.get(i);
                if (m.start() >= spanEnd) break;
                if (m.place() == null) continue;
                int spec = placeSpec[i];
                if (spec == UNKNOWN_SPECIFICITY) spec = placeSpec[i] = specificity(m.place());
                int dist = Math.abs(m.start() - triggerOffset);
                if (spec > bestSpec || spec == bestSpec && dist < bestDist) { best = m.place(); bestSpec = spec; bestDist = dist; }
            }
            return best;
        }
    }

    static int rank(EventStatus s) {
        return switch (s) {
            case ASSERTED -> 0;
            case PLANNED -> 1;
            case HYPOTHETICAL -> 2;
            case HISTORICAL -> 3;
            case NEGATED -> 4;
        };
    }

    /**
     * The events of one type in one segment, folded into one: the best sentence's facts, the first place named,
     * the largest counts, and the entities of every sentence (their names, told apart, are the actors).
     */
    private static final class Merged {
        EventRule rule;
        EventStatus status;
        double confidence;
        int evidenceStart, evidenceEnd;
        PlaceRef place;
        int bestActorsFrom, bestActorsTo;
        PlaceRef firstPlace;
        boolean any;
        /** In the order the kinds were first counted; null while none is. */
        Map<String, Long> quantities;
        /** Per sentence added, its entities [from, to) in the call's entity list. */
        int[] actorRanges = new int[8];
        int ranges;

        void add(EventRule rule, EventStatus status, double confidence, int evidenceStart, int evidenceEnd,
                 int actorsFrom, int actorsTo, PlaceRef place, Map<String, Long> sentenceQuantities) {
            if (!any || rank(status) < rank(this.status)
                    || rank(status) == rank(this.status) && confidence > this.confidence) {
                this.rule = rule;
                this.status = status;
                this.confidence = confidence;
                this.evidenceStart = evidenceStart;
                this.evidenceEnd = evidenceEnd;
                this.place = place;
                bestActorsFrom = actorsFrom;
                bestActorsTo = actorsTo;
            }
            if (firstPlace == null) firstPlace = place;
            any = true;
            if (!sentenceQuantities.isEmpty()) {
                if (quantities == null) quantities = new LinkedHashMap<>();
                sentenceQuantities.forEach((k, v) -> quantities.merge(k, v, Math::max));
            }
            if (ranges * 2 == actorRanges.length) actorRanges = java.util.Arrays.copyOf(actorRanges, ranges * 4);
            actorRanges[2 * ranges] = actorsFrom;
            actorRanges[2 * ranges + 1] = actorsTo;
            ranges++;
        }

        DetectedEvent toEvent(PlaceRef dominant, String body, List<EntityMention> entities) {
            PlaceRef where = place != null ? place : firstPlace != null ? firstPlace : dominant;
            // the best sentence's actors first, then those of every sentence in order, each name once
            List<String> who = new ArrayList<>();
            addNames(who, entities, bestActorsFrom, bestActorsTo);
            for (int k = 0; k < ranges; k++) addNames(who, entities, actorRanges[2 * k], actorRanges[2 * k + 1]);
            Long measure = rule.quantity() == null || quantities == null ? null : quantities.get(rule.quantity());
            Severity severity = rule.severityFor(status, measure);
            double rounded = Math.round(confidence * 100) / 100.0;
            return new DetectedEvent(rule.type(), status, rounded, where, List.copyOf(who),
                    body.substring(evidenceStart, evidenceEnd),
                    // this merge's own map: nothing else holds it once the call ends
                    quantities == null ? java.util.Collections.emptyMap() : java.util.Collections.unmodifiableMap(quantities), severity != null, severity == null ? Severity.INFO : severity, rule.id());
        }

        private static void addNames(List<String> out, List<EntityMention> entities, int from, int to) {
            for (int i = from; i < to; i++) {
                String name = entities.get(i).name();
                if (name != null && !out.contains(name)) out.add(name);
            }
        }
    }
}
