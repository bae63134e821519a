package io.sitrep.nlp.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Phrase lexicon over tokens. A phrase is one or more words separated by spaces; a word ending in '*'
 * matches any token starting with it ("deploy*" = deploy, deployed, deployment). Each phrase carries
 * entry ids chosen by the caller. Matching walks a character trie per token (no substring allocation)
 * and then extends multi-word phrases; it is the one pass over the text that every rule shares.
 */
final class Lexicon {
    private static final int[] NONE = new int[0];

    private static final class Node {
        char[] keys = new char[0];
        Node[] kids = new Node[0];
        int exact = -1;
        int prefix = -1;
        /** Direct lookup for ASCII children of wide nodes (the root has one child per letter). */
        Node[] ascii;

        Node child(char c) {
            if (ascii != null && c < 128) return ascii[c];
            for (int i = 0; i < keys.length; i++) if (keys[i] == c) return kids[i];
            return null;
        }

        void index() {
            if (keys.length > 4) {
                ascii = new Node[128];
                for (int i = 0; i < keys.length; i++) if (keys[i] < 128) ascii[keys[i]] = kids[i];
                // non-ASCII children stay reachable through the scan
                boolean allAscii = true;
                for (char k : keys) allAscii &= k < 128;
                if (!allAscii) ascii = null;
            }
            for (Node k : kids) k.index();
        }

        Node childOrNew(char c) {
            Node n = child(c);
            if (n != null) return n;
            keys = Arrays.copyOf(keys, keys.length + 1);
            kids = Arrays.copyOf(kids, kids.length + 1);
            keys[keys.length - 1] = c;
            return kids[kids.length - 1] = new Node();
        }
    }

    /** Matches as parallel arrays, ordered by start token: entry id, first token, token after the last. */
    static final class Hits {
        int size;
        int[] entry = new int[64];
        int[] start = new int[64];
        int[] end = new int[64];

        private void add(int e, int s, int en) {
            if (size == entry.length) {
                entry = Arrays.copyOf(entry, size * 2);
                start = Arrays.copyOf(start, size * 2);
                end = Arrays.copyOf(end, size * 2);
            }
            entry[size] = e;
            start[size] = s;
            end[size] = en;
            size++;
        }
    }

    private final Node root;
    private final int[][] phrasesByFirstPattern;
    private final int[][] phrasePatterns;
    private final int[][] phraseEntries;
    /**
     * Per first pattern, the sorted second patterns of its phrases, or null when one of them is a single word: a
     * token whose next token holds none of them starts no phrase, and its phrases need not be tried one by one.
     */
    private final int[][] secondPatterns;

    private Lexicon(Node root, int[][] byFirst, int[][] patterns, int[][] entries) {
        this.root = root;
        this.phrasesByFirstPattern = byFirst;
        this.phrasePatterns = patterns;
        this.phraseEntries = entries;
        this.secondPatterns = new int[byFirst.length][];
        for (int p = 0; p < byFirst.length; p++) {
            int[] seconds = new int[byFirst[p].length];
            boolean single = false;
            for (int k = 0; k < seconds.length; k++) {
                int[] seq = patterns[byFirst[p][k]];
                if (seq.length < 2) single = true; else seconds[k] = seq[1];
            }
            secondPatterns[p] = single ? null : Arrays.stream(seconds).sorted().distinct().toArray();
        }
    }

    /** Folds and checks a phrase; throws IllegalArgumentException with the reason when it cannot match. */
    static List<String> words(String phrase) {
        if (phrase == null || phrase.isBlank()) throw new IllegalArgumentException("empty phrase");
        String p = phrase.replace('-', ' ').replace('\u2019', '\'').trim();
        List<String> out = new ArrayList<>();
        for (String raw : p.split("\\s+")) {
            StringBuilder w = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) w.append(Tokens.fold(raw.charAt(i)));
            String word = w.toString();
            String body = word.endsWith("*") ? word.substring(0, word.length() - 1) : word;
            if (body.isEmpty()) throw new IllegalArgumentException("bare '*' in phrase '" + phrase + "'");
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '\'' && i > 0)) {
                    throw new IllegalArgumentException("phrase '" + phrase + "': word '" + raw
                            + "' may hold only letters, digits, inner apostrophes and a final '*'");
                }
            }
            if (word.endsWith("*") && body.length() < 3) {
                throw new IllegalArgumentException("phrase '" + phrase + "': prefix '" + raw + "' is too short (3 letters at least)");
            }
            out.add(word.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static final class Builder {
        private final Node root = new Node();
        private int patterns;
        private final Map<String, Integer> phraseIds = new HashMap<>();
        private final List<int[]> phrasePatterns = new ArrayList<>();
        private final List<List<Integer>> phraseEntries = new ArrayList<>();

        Builder add(String phrase, int entry) {
            List<String> ws = words(phrase);
            String key = String.join(" ", ws);
            Integer id = phraseIds.get(key);
            if (id == null) {
                int[] pats = new int[ws.size()];
                for (int i = 0; i < ws.size(); i++) pats[i] = pattern(ws.get(i));
                id = phrasePatterns.size();
                phraseIds.put(key, id);
                phrasePatterns.add(pats);
                phraseEntries.add(new ArrayList<>());
            }
            if (!phraseEntries.get(id).contains(entry)) phraseEntries.get(id).add(entry);
            return this;
        }

        private int pattern(String word) {
            boolean prefix = word.endsWith("*");
            String body = prefix ? word.substring(0, word.length() - 1) : word;
            Node n = root;
            for (int i = 0; i < body.length(); i++) n = n.childOrNew(body.charAt(i));
            if (prefix) {
                if (n.prefix < 0) n.prefix = patterns++;
                return n.prefix;
            }
            if (n.exact < 0) n.exact = patterns++;
            return n.exact;
        }

        Lexicon build() {
            int[][] patterns = phrasePatterns.toArray(new int[0][]);
            int[][] entries = new int[phraseEntries.size()][];
            for (int i = 0; i < entries.length; i++) entries[i] = phraseEntries.get(i).stream().mapToInt(Integer::intValue).toArray();
            List<List<Integer>> byFirst = new ArrayList<>();
            for (int i = 0; i < this.patterns; i++) byFirst.add(new ArrayList<>());
            for (int ph = 0; ph < patterns.length; ph++) byFirst.get(patterns[ph][0]).add(ph);
            int[][] first = new int[this.patterns][];
            for (int i = 0; i < first.length; i++) {
                first[i] = byFirst.get(i).isEmpty() ? NONE : byFirst.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
            root.index();
            return new Lexicon(root, first, patterns, entries);
        }
    }

    static Builder builder() { return new Builder(); }

    Hits match(Tokens t) {
        // patterns matched by each token, flattened: token i owns tokPats[off[i] .. off[i+1])
        int[] off = new int[t.size + 1];
        int[] pats = new int[Math.max(16, t.size)];
        int count = 0;
        char[] text = t.chars;
        for (int i = 0; i < t.size; i++) {
            off[i] = count;
            if (t.kind[i] == Tokens.BREAK) continue;
            Node n = root;
            for (int c = t.start[i]; c < t.end[i] && n != null; c++) {
                n = n.child(Tokens.fold(text[c]));
                if (n != null && n.prefix >= 0) {
                    if (count == pats.length) pats = Arrays.copyOf(pats, count * 2);
                    pats[count++] = n.prefix;
                }
            }
            if (n != null && n.exact >= 0) {
                if (count == pats.length) pats = Arrays.copyOf(pats, count * 2);
                pats[count++] = n.exact;
            }
        }
        off[t.size] = count;

        Hits hits = new Hits();
        for (int i = 0; i < t.size; i++) {
            for (int k = off[i]; k < off[i + 1]; k++) {
                if (!mayStartPhrase(pats[k], i + 1, off, pats, t.size)) continue;
                for (int ph : phrasesByFirstPattern[pats[k]]) {
                    int[] seq = phrasePatterns[ph];
                    if (matchesFrom(seq, i, off, pats, t.size)) {
                        for (int e : phraseEntries[ph]) hits.add(e, i, i + seq.length);
                    }
                }
            }
        }
        return hits;
    }

    private boolean mayStartPhrase(int first, int next, int[] off, int[] pats, int size) {
        int[] seconds = secondPatterns[first];
        if (seconds == null) return true;
        if (seconds.length == 0 || next >= size) return false;
        for (int k = off[next]; k < off[next + 1]; k++) if (Arrays.binarySearch(seconds, pats[k]) >= 0) return true;
        return false;
    }

    private static boolean matchesFrom(int[] seq, int first, int[] off, int[] pats, int size) {
        if (first + seq.length > size) return false;
        for (int j = 1; j < seq.length; j++) {
            int tok = first + j;
            boolean found = false;
            for (int k = off[tok]; k < off[tok + 1] && !found; k++) found = pats[k] == seq[j];
            if (!found) return false;
        }
        return true;
    }
}
