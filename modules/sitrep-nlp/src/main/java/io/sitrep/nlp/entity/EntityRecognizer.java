package io.sitrep.nlp.entity;

import io.sitrep.nlp.EntityType;
import io.sitrep.nlp.entity.EntityDictionary.Entry;
import io.sitrep.nlp.entity.EntityDictionary.Kind;
import io.sitrep.nlp.text.NameTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds persons, organisations, armed groups and countries, folding spelling variants to canonical ids.
 *
 * <p>One pass over the words of the text looks up folded multi-word keys in the alias tables
 * ({@code /entities/*.tsv}; longest match wins; capitals-only aliases such as "US" match only in capitals). Persons
 * who are not in the tables are found from the name rules ({@code /entities/name-rules.tsv}): a capitalised name after a
 * role ("Defense Minister Thabet Mohammad Al-Abbasi", role "Defense Minister"; "Head of Iraq’s Security Media Cell
 * Saad Maan"), a name before ", &lt;role&gt;" ("Saad Al-Mohammadi, head of Anbar’s security committee"), or a name
 * with a particle ("Asaad Al-Shibani"), unless it starts like a place ("Ayn al-Asad") or is followed by a place word
 * ("... Air Base"). They get {@code person:<folded-slug>}, so spelling variants share an id. Later mentions of a
 * person by full or last name ("Al-Khanjar", "Hussein") resolve to the same id. Offsets index into the input text.
 * Thread-safe; never throws on any input (a failure is logged and gives no mention).
 */
public final class EntityRecognizer {
    private static final Logger log = LoggerFactory.getLogger(EntityRecognizer.class);
    private static final int MAX_NAME_WORDS = 5;
    private static final int MAX_ROLE_WORDS = 12;
    /** Texts up to this length reuse the thread's {@link Workspace}; longer ones get their own, so none is kept. */
    private static final int MAX_REUSED_LENGTH = 1 << 15;
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);
    private static final Comparator<EntityMention> BY_START = Comparator.comparingInt(EntityMention::start);

    private final EntityDictionary dictionary;

    EntityRecognizer(EntityDictionary dictionary) { this.dictionary = dictionary; }

    /** The recognizer with the bundled alias tables and name rules. */
    public static EntityRecognizer standard() { return new EntityRecognizer(EntityDictionary.standard()); }

    /** The entity mentions of a text, ordered by position, not overlapping. */
    public List<EntityMention> find(String text) {
        if (text == null || text.isEmpty()) return List.of();
        try {
            Workspace work = text.length() <= MAX_REUSED_LENGTH ? WORKSPACE.get() : new Workspace();
            return new Pass(text, work).run();
        } catch (RuntimeException | StackOverflowError e) {
            WORKSPACE.remove(); // a failed pass may leave its arrays unclean: the next text gets new ones
            log.warn("entity recognition failed on a text of {} chars: {}", text.length(), e.toString());
            return List.of();
        }
    }

    private static Entry firstOfKind(Entry[] entries, Kind kind) {
        for (Entry e : entries) if (e.kind() == kind) return e;
        return null;
    }

    private static int bit(Kind kind) { return 1 << kind.ordinal(); }

    /**
     * The arrays of a pass, kept per thread for the next text: the words, their labels, the dictionary match each
     * word is in (its accepted entries, its first and last word) and whether it is taken, and the persons found.
     */
    private static final class Workspace {
        final NameTokens words = new NameTokens();
        int[] label = new int[0];
        Entry[][] matchEntries = new Entry[0][];
        int[] matchFrom = new int[0];
        int[] matchTo = new int[0];
        int[] matchKinds = new int[0]; // 0 where a word is in no match (a match has an entry, so a kind)
        int[] matchStarts = new int[0];
        boolean[] taken = new boolean[0];
        /** The mentions found, in the order found, and the first word of each. */
        final List<EntityMention> found = new ArrayList<>();
        int[] foundFrom = new int[0];
        /** By word: the mention that starts at it, while they are put in text order; all null between passes. */
        EntityMention[] mentionAt = new EntityMention[0];
        /** The persons found so far by their full and last name keys, and the skeletons of the last names. */
        final KeyTable<String[]> personByFullKey = new KeyTable<>(8);
        final KeyTable<String[]> personByLastKey = new KeyTable<>(8);
        int[] lastNameSkeletons = new int[8];

        void clear(int size) {
            if (label.length < size) {
                label = new int[size];
                matchEntries = new Entry[size][];
                matchFrom = new int[size];
                matchTo = new int[size];
                matchKinds = new int[size];
                matchStarts = new int[size];
                taken = new boolean[size];
                foundFrom = new int[size];
                mentionAt = new EntityMention[size];
            } else {
                Arrays.fill(matchKinds, 0, size, 0);
                Arrays.fill(taken, 0, size, false);
            }
            found.clear();
            personByFullKey.clear();
            personByLastKey.clear();
        }
    }

    /** The work on one text. */
    private final class Pass {
        final String text;
        final NameTokens w;
        final int[] label;
        final Entry[][] matchEntries; // read only where a word is in a match
        final int[] matchFrom;
        final int[] matchTo;
        final int[] matchKinds;
        final int[] matchStarts; // the first words of the matches, in text order
        int matches;
        final boolean[] taken;
        final List<EntityMention> out;
        final int[] outFrom; // the first word of each mention in out
        final KeyTable<String[]> personByFullKey;
        final KeyTable<String[]> personByLastKey;
        /** The skeletons of the last names: a word with another one is no last name, told without folding it. */
        int[] lastNameSkeletons;
        int lastNames;
        boolean anyLastName;
        final Workspace work;

        Pass(String text, Workspace work) {
            this.text = text;
            this.w = work.words.read(text);
            work.clear(w.size());
            this.label = work.label;
            this.matchEntries = work.matchEntries;
            this.matchFrom = work.matchFrom;
            this.matchTo = work.matchTo;
            this.matchKinds = work.matchKinds;
            this.matchStarts = work.matchStarts;
            this.taken = work.taken;
            this.out = work.found;
            this.outFrom = work.foundFrom;
            this.personByFullKey = work.personByFullKey;
            this.personByLastKey = work.personByLastKey;
            this.lastNameSkeletons = work.lastNameSkeletons;
            this.work = work;
        }

        List<EntityMention> run() {
            lookup();
            for (int m = 0; m < matches; m++) {
                int i = matchStarts[m];
                Entry e = first(i, Kind.ENTITY);
                if (e != null) {
                    emit(e.id(), e.type(), e.name(), i, matchTo[i], null);
                    if (e.type() == EntityType.PERSON) remember(e.id(), e.name(), i, matchTo[i]);
                }
            }
            for (int m = 0; m < matches; m++) {
                if (isKind(matchStarts[m], Kind.ROLE)) role(matchStarts[m]);
            }
            particleNames();
            laterMentions();
            return inTextOrder();
        }

        /**
         * The mentions ordered by start, in a list of their own. Mentions do not overlap, so each starts at a word of
         * its own: placed by it and read back in word order, they need no sort (should two ever start at one word, they
         * are sorted as they were found).
         */
        List<EntityMention> inTextOrder() {
            int n = out.size();
            List<EntityMention> ordered = new ArrayList<>(n);
            EntityMention[] at = work.mentionAt;
            int first = Integer.MAX_VALUE, last = -1;
            for (int k = 0; k < n; k++) {
                int from = outFrom[k];
                if (at[from] != null) {
                    for (int c = 0; c < k; c++) at[outFrom[c]] = null;
                    ordered.addAll(out);
                    ordered.sort(BY_START);
                    out.clear();
                    return ordered;
                }
                at[from] = out.get(k);
                first = Math.min(first, from);
                last = Math.max(last, from);
            }
            for (int k = first; k <= last; k++) {
                if (at[k] != null) {
                    ordered.add(at[k]);
                    at[k] = null;
                }
            }
            out.clear(); // the thread's list keeps no mention of this text
            return ordered;
        }

        /** Longest dictionary match at each word, left to right. */
        void lookup() {
            int max = dictionary.maxWords();
            int size = w.size();
            // every word is looked up as the first word of a phrase, or in one: labelled in one loop, before
            for (int k = 0; k < size; k++) label[k] = dictionary.label(w, k);
            int i = 0;
            while (i < size) {
                int bestTo = -1;
                Entry[] best = null;
                int kinds = 0;
                int node = EntityDictionary.ROOT;
                for (int j = i; j < size && j - i < max; j++) {
                    if (j > i && !w.joinsNext(j - 1)) break;
                    int l = label[j];
                    node = dictionary.next(node, l);
                    if (node == EntityDictionary.NONE) break;
                    if (l == EntityDictionary.EMPTY) continue; // a match never ends on an article
                    int info = dictionary.info(node);
                    if ((info & EntityDictionary.KINDS) != 0) {
                        // most nodes match in any spelling: their entries and kinds are the dictionary's
                        Entry[] entries = dictionary.entries(node);
                        Entry[] ok = (info & EntityDictionary.CHECKED) != 0 ? accepted(entries, i, j) : entries;
                        if (ok != null) {
                            bestTo = j;
                            best = ok;
                            kinds = ok == entries ? info & EntityDictionary.KINDS : EntityDictionary.kindBits(ok);
                        }
                    }
                    if ((info & EntityDictionary.CONTINUES) == 0) break; // nothing longer: the next word is not labelled
                }
                if (best == null) { i++; continue; }
                // a place head that is no entity ("Ayn al-Asad", unless the match names one)
                if ((kinds & (bit(Kind.ENTITY) | bit(Kind.PLACEHEAD))) == bit(Kind.PLACEHEAD)) bestTo = placeName(bestTo);
                matchStarts[matches++] = i;
                for (int k = i; k <= bestTo; k++) {
                    matchKinds[k] = kinds;
                    matchEntries[k] = best;
                    matchFrom[k] = i;
                    matchTo[k] = bestTo;
                }
                i = bestTo + 1;
            }
        }

        boolean matched(int k) { return matchKinds[k] != 0; }

        /** The first entry of a kind of the match word k is in, null when none (or no match). */
        Entry first(int k, Kind kind) {
            return isKind(k, kind) ? firstOfKind(matchEntries[k], kind) : null;
        }

        /** "Ayn al-Asad Air Base": a place head takes the capitalised words and articles glued after it. */
        int placeName(int to) {
            int end = to;
            while (end + 1 < w.size() && end - to < 4 && w.joinsNext(end)
                    && (w.capitalised(end + 1) || w.keyIsEmpty(end + 1))) end++;
            while (end > to && w.keyIsEmpty(end)) end--;
            return end;
        }

        /** Entries that accept words [i, j]: capitals-only aliases need the same capitals in the text. */
        Entry[] accepted(Entry[] entries, int i, int j) {
            if (entries == null) return null;
            int accepted = 0;
            for (Entry e : entries) if (accepts(e, i, j)) accepted++;
            // all accepted (the usual case): the dictionary's own array, which nobody changes
            if (accepted == entries.length) return entries;
            if (accepted == 0) return null;
            Entry[] ok = new Entry[accepted];
            int k = 0;
            for (Entry e : entries) if (accepts(e, i, j)) ok[k++] = e;
            return ok;
        }

        boolean accepts(Entry e, int i, int j) {
            if (e.exactLetters() != null) return lettersAre(w.start(i), w.end(j), e.exactLetters());
            // "iran" in lower case is not the country; aliases are names
            return e.kind() != Kind.ENTITY || e.type() == EntityType.PERSON || anyCapital(i, j);
        }

        /** Whether the letters and digits of text[from, to) are {@code letters}, as {@link EntityDictionary#letters} keeps them. */
        boolean lettersAre(int from, int to, String letters) {
            int k = 0;
            for (int c = from; c < to; c++) {
                char ch = text.charAt(c);
                if (ch < 128 ? !isAsciiLetterOrDigit(ch) : !Character.isLetterOrDigit(ch)) continue;
                if (k == letters.length() || letters.charAt(k) != ch) return false;
                k++;
            }
            return k == letters.length();
        }

        static boolean isAsciiLetterOrDigit(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }

        boolean anyCapital(int i, int j) {
            for (int k = i; k <= j; k++) if (w.capitalised(k)) return true;
            return false;
        }

        /** A role: the name after it, or the name before ", role". */
        void role(int r) {
            int roleStart = qualifierStart(r);
            int k = matchTo[r] + 1;
            Entry role = first(r, Kind.ROLE);
            if (role.name().endsWith(" of")) k = afterObject(k);
            if (k < 0) {
                appositive(r, roleStart);
                return;
            }
            // "ambassador to Damascus Yassin ...", "chargé d'affaires in Damascus, Yassin ..."
            if (k + 1 < w.size() && isWord(k, "in", "to") && w.capitalised(k + 1) && w.joinsNext(k - 1)) k += 2;
            int roleEnd = k - 1;
            if (k < w.size() && (w.joinsNext(k - 1) || w.commaAfter(k - 1))) {
                int nameEnd = nameRun(k);
                if (nameEnd >= k) {
                    String roleText = text.substring(w.start(roleStart), w.end(roleEnd));
                    person(k, nameEnd, roleText);
                    return;
                }
            }
            appositive(r, roleStart);
        }

        /** "Saad Al-Mohammadi, head of Anbar’s security committee, ...": the role runs to the next comma or stop. */
        void appositive(int r, int roleStart) {
            int before = roleStart - 1;
            // up to three lower-case words between the comma and the role: "Elham Ahmad, foreign relations co-chair"
            while (before >= 1 && !w.commaAfter(before) && roleStart - before <= 3 && !w.capitalised(before)
                    && gapIsPlain(before)) {
                before--;
                roleStart--;
            }
            if (before < 1 || !w.commaAfter(before)) return;
            int nameStart = before;
            while (nameStart - 1 >= 0 && w.joinsNext(nameStart - 1) && nameWord(nameStart - 1) && before - nameStart < 3) nameStart--;
            while (nameStart <= before && !startsName(nameStart)) nameStart++;
            if (before - nameStart < 1) return; // one capitalised word before a comma is too weak
            for (int k = nameStart; k <= before; k++) if (!nameWord(k)) return;
            int end = matchTo[r];
            while (end + 1 < w.size() && end - roleStart < MAX_ROLE_WORDS && !w.commaAfter(end) && gapIsPlain(end)) end++;
            person(nameStart, before, text.substring(w.start(roleStart), w.end(end)));
        }

        /** Capitalised qualifiers glued before a role: "Syrian Energy Minister", "Iraq’s chargé d'affaires". */
        int qualifierStart(int roleFrom) {
            int s = roleFrom;
            while (s - 1 >= 0 && roleFrom - s < 4 && (w.joinsNext(s - 1) || w.possessive(s - 1) && gapIsSpace(s - 1))) {
                int p = s - 1;
                boolean qualifier = matched(p) ? isKind(p, Kind.ENTITY) || isKind(p, Kind.ORGWORD)
                        : w.capitalised(p) && !isNotName(p);
                if (!qualifier) break;
                s = matched(p) ? matchFrom[p] : p;
            }
            return s;
        }

        /** After "head of": the organisation named, up to its last organisation word or entity; -1 when no name follows. */
        int afterObject(int k) {
            int lastOrgEnd = -1;
            int j = k;
            while (j < w.size() && j - k < 8) {
                boolean orgish = isKind(j, Kind.ORGWORD) || isKind(j, Kind.ENTITY) && !isPerson(j);
                if (orgish) lastOrgEnd = matchTo[j];
                else if (!(w.capitalised(j) || isWord(j, "the", "of", "and"))) break;
                int next = matched(j) ? matchTo[j] : j;
                if (!w.joinsNext(next) && !w.possessive(next)) { j = next + 1; break; }
                j = next + 1;
            }
            return lastOrgEnd < 0 ? -1 : lastOrgEnd + 1;
        }

        /** The last word of a person's name starting at k, or k-1 when none starts there. */
        int nameRun(int k) {
            if (!startsName(k)) return k - 1;
            int end = k;
            while (end + 1 < w.size() && end + 1 - k < MAX_NAME_WORDS && w.joinsNext(end) && nameWord(end + 1)) end++;
            // a particle or article cannot end a name
            while (end > k && w.keyIsEmpty(end)) end--;
            if (end + 1 < w.size() && w.joinsNext(end) && isKind(end + 1, Kind.PLACETAIL)) return k - 1;
            return end;
        }

        boolean startsName(int k) {
            if (matched(k)) return isPerson(k);
            return w.capitalised(k) && !w.keyIsEmpty(k) && !isNotName(k) && !w.allCaps(k);
        }

        boolean nameWord(int k) {
            if (matched(k)) return isPerson(k);
            if (w.keyIsEmpty(k) || dictionary.isParticle(w, k)) return true;
            return w.capitalised(k) && !isNotName(k) && !w.allCaps(k);
        }

        /** Names with a particle and no role: "Asaad Al-Shibani", "Tahseen al-Khafaji". */
        void particleNames() {
            int i = 0;
            // a name starts with a capital: only the capitalised words are tried
            for (int c = 0; c < w.capitalisedCount(); c++) {
                if (w.capitalisedWord(c) < i) continue;
                i = w.capitalisedWord(c);
                if (taken[i] || matched(i) || !startsName(i)) { i++; continue; }
                int end = i;
                while (end + 1 < w.size() && end + 1 - i < MAX_NAME_WORDS && w.joinsNext(end) && !taken[end + 1]
                        && !matched(end + 1) && nameWord(end + 1)) end++;
                while (end > i && w.keyIsEmpty(end)) end--;
                boolean particle = false;
                for (int k = i + 1; k <= end; k++) {
                    if (w.keyIsEmpty(k - 1) || dictionary.isParticle(w, k - 1)) particle = true;
                }
                boolean placeAfter = end + 1 < w.size() && w.joinsNext(end) && isKind(end + 1, Kind.PLACETAIL);
                boolean placeBefore = i > 0 && w.joinsNext(i - 1) && isKind(i - 1, Kind.PLACEHEAD);
                if (particle && end > i && !placeAfter && !placeBefore) person(i, end, null);
                i = end + 1;
            }
        }

        /** Later mentions by full or last name of a person found before: "Al-Khanjar", "Hussein said". */
        void laterMentions() {
            if (!anyLastName) return;
            // a mention starts with a capitalised word, or with an article before one: only those are tried
            int next = 0;
            for (int c = 0; c < w.capitalisedCount(); c++) {
                int k = w.capitalisedWord(c);
                if (k - 1 >= next && w.keyIsEmpty(k - 1)) next = laterMention(k - 1) + 1;
                if (k >= next) next = laterMention(k) + 1;
            }
        }

        /** A later mention starting at word i, if any; returns the last word it took (i when none). */
        int laterMention(int i) {
                if (taken[i] || matched(i) || isNotName(i)) return i;
                if (!w.capitalised(i) && !(w.keyIsEmpty(i) && i + 1 < w.size() && w.capitalised(i + 1))) return i;
                // "Al-Khanjar": an article glued before the name
                int end = i;
                if (w.keyIsEmpty(i)) {
                    if (i + 1 >= w.size() || !w.joinsNext(i) || taken[i + 1] || matched(i + 1)) return i;
                    end = i + 1;
                }
                int full = end;
                while (full + 1 < w.size() && full - i < 3 && w.joinsNext(full) && !taken[full + 1] && !matched(full + 1)
                        && nameWord(full + 1)) {
                    full++;
                    int length = w.joinKeys(end, full);
                    String[] p = personByFullKey.get(w.joinedKeys(), 0, length);
                    if (p != null) {
                        emitKnown(p, i, full);
                        return full;
                    }
                }
                if (full > end && nameWord(end + 1) && !w.keyIsEmpty(end + 1)) return i; // part of another name
                if (mayBeLastName(end)) {
                    int keyStart = w.keyStart(end), keyEnd = w.keyEnd(end);
                    String[] p = personByLastKey.get(w.keyChars(), keyStart, keyEnd);
                    if (p != null) emitKnown(p, i, end);
                }
                return Math.max(i, end);
        }

        void emitKnown(String[] person, int from, int to) {
            emit(person[0], EntityType.PERSON, person[1], from, to, null);
        }

        /** Words [from, to] name a person: a table person when the name folds to one, else a slug id. */
        void person(int from, int to, String role) {
            for (int k = from; k <= to; k++) {
                if (taken[k]) {
                    // already a table person: the role goes onto that mention
                    if (role != null) attachRole(k, role);
                    return;
                }
            }
            StringBuilder slug = new StringBuilder("person:");
            for (int k = from; k <= to; k++) {
                if (!w.keyIsEmpty(k)) {
                    if (slug.length() > 7) slug.append('-');
                    int keyStart = w.keyStart(k), keyEnd = w.keyEnd(k);
                    slug.append(w.keyChars(), keyStart, keyEnd - keyStart);
                }
            }
            if (slug.length() == 7) return;
            int length = w.joinKeys(from, to);
            Entry known = dictionary.person(w.joinedKeys(), 0, length);
            String id = known != null ? known.id() : slug.toString();
            String name = known != null ? known.name() : w.surface(from, to);
            emit(id, EntityType.PERSON, name, from, to, role);
            remember(id, name, from, to);
        }

        void attachRole(int word, String role) {
            for (int i = 0; i < out.size(); i++) {
                EntityMention m = out.get(i);
                if (m.start() <= w.start(word) && w.end(word) <= m.end() && m.role() == null) {
                    out.set(i, new EntityMention(m.id(), m.type(), m.name(), m.surface(), m.start(), m.end(), role));
                    return;
                }
            }
        }

        void remember(String id, String name, int from, int to) {
            String[] p = {id, name};
            int length = w.joinKeys(from, to);
            personByFullKey.putIfAbsent(w.joinedKeys(), 0, length, p);
            int keyStart = w.keyStart(to), keyEnd = w.keyEnd(to);
            if (to > from && keyEnd - keyStart >= 3) {
                personByLastKey.putIfAbsent(w.keyChars(), keyStart, keyEnd, p);
                anyLastName = true;
                if (lastNames == lastNameSkeletons.length) {
                    work.lastNameSkeletons = lastNameSkeletons = Arrays.copyOf(lastNameSkeletons, lastNames * 2);
                }
                lastNameSkeletons[lastNames++] = w.skeleton(to);
            }
        }

        boolean mayBeLastName(int k) {
            int skeleton = w.skeleton(k);
            for (int n = 0; n < lastNames; n++) if (lastNameSkeletons[n] == skeleton) return true;
            return false;
        }

        void emit(String id, EntityType type, String name, int from, int to, String role) {
            for (int k = from; k <= to; k++) taken[k] = true;
            outFrom[out.size()] = from;
            out.add(new EntityMention(id, type, name, surface(name, from, to), w.start(from), w.end(to), role));
        }

        /** The text of words [from, to]: the name itself when the text spells it so ("Iraq"), as most mentions do. */
        String surface(String name, int from, int to) {
            int start = w.start(from);
            return name.length() == w.end(to) - start && text.startsWith(name, start) ? name : w.surface(from, to);
        }

        /** Whether word k is in a match with an entry of this kind. */
        boolean isKind(int k, Kind kind) { return (matchKinds[k] & bit(kind)) != 0; }

        /** Whether word k is in a match whose first entity is a person. */
        boolean isPerson(int k) { return (matchKinds[k] & EntityDictionary.PERSON_BIT) != 0; }

        boolean isNotName(int k) { return isKind(k, Kind.NOTNAME); }

        boolean isWord(int k, String a, String b) {
            int len = w.end(k) - w.start(k);
            return (len == a.length() && text.regionMatches(true, w.start(k), a, 0, len))
                    || (len == b.length() && text.regionMatches(true, w.start(k), b, 0, len));
        }

        boolean isWord(int k, String a, String b, String c) { return isWord(k, a, b) || isWord(k, c, c); }

        boolean gapIsSpace(int k) {
            for (int c = w.end(k); c < w.start(k + 1); c++) {
                char ch = text.charAt(c);
                if (ch != ' ' && ch != '’' && ch != '\'' && ch != 's') return false;
            }
            return true;
        }

        /** The gap after word k holds no sentence or clause break. */
        boolean gapIsPlain(int k) {
            for (int c = w.end(k); c < w.start(k + 1); c++) {
                char ch = text.charAt(c);
                if (ch == '.' || ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '\n' || ch == '“'
                        || ch == '”' || ch == '"' || ch == '—' || ch == '!' || ch == '?') return false;
            }
            return true;
        }
    }
}
