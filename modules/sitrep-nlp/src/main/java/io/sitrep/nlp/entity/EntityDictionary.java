package io.sitrep.nlp.entity;

import io.sitrep.nlp.EntityType;
import io.sitrep.nlp.text.DataFile;
import io.sitrep.nlp.text.LongIntTable;
import io.sitrep.nlp.text.NameTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alias tables and name rules compiled into a graph of folded keys: the key of a phrase is the concatenation of
 * its {@link NameTokens} keys, and every key prefix at a word boundary is a node too, so a matcher can extend a
 * phrase word by word and stop as soon as no entry can follow. A text may split a key at other places than the
 * dictionary does ("Abu Bakr" and "Abubakr" fold alike), so a node has an edge to every node whose key extends its
 * own, labelled with the rest of that key. Labels are numbered: a word is turned into its label once ({@link
 * #label}), mostly without folding it (a {@link SpellingTable} of packed spellings, and the {@link
 * NameTokens#skeleton} of a word that is that of no label rules it out), and a step is one probe of an int-keyed
 * {@link LongIntTable}. Validated at load: a bad line fails with its file and line number.
 */
final class EntityDictionary {
    static final String[] TABLES = {"/entities/countries.tsv", "/entities/organizations.tsv", "/entities/persons.tsv"};
    static final String NAME_RULES = "/entities/name-rules.tsv";
    /** The node of the empty key, where every phrase starts. */
    static final int ROOT = 0;
    static final int NONE = -1;
    /** The label of a word that continues no phrase anywhere. */
    static final int NO_LABEL = SpellingTable.NO_LABEL;
    /** The label of a word that folds to nothing (an article): it continues a phrase on the node it is at. */
    static final int EMPTY = -3;

    enum Kind { ENTITY, ROLE, ORGWORD, PARTICLE, PLACEHEAD, PLACETAIL, NOTNAME }

    /** One dictionary entry. {@code exactLetters} is set for capitals-only aliases, which match only in capitals. */
    record Entry(Kind kind, String id, EntityType type, String name, String exactLetters) {}

    /** A folded key that starts or is a phrase: the entries it names (null when only a prefix) and its table person. */
    record Node(Entry[] entries, Entry person) {}

    /** Set in a match's {@link #kindBits} when its first entity is a person. */
    static final int PERSON_BIT = 1 << Kind.values().length;

    // while loading
    private final Map<String, List<Entry>> byKey = new HashMap<>();
    private final Set<String> prefixes = new HashSet<>();
    private final Map<String, Entry> personByKey = new HashMap<>();
    private final Set<String> particles = new HashSet<>();
    private final Map<Long, String> keyBySpelling = new HashMap<>(); // packed dictionary words and their keys
    private int maxWords;
    // for lookups
    private KeyTable<Node> nodeByKey;
    private Node[] nodes;              // by id; ROOT is the empty key, a node only if a phrase starts with an article
    private Entry[][] entriesByNode;   // the entries of the nodes, read without going through a node
    /** By node id: the {@link #kindBits} of its entries (0 when it has none), {@link #CONTINUES}, {@link #CHECKED}. */
    private int[] info;
    private boolean rootIsNode;
    /** Edges of the key graph: (node, label) packed as {@link #edge} → target node. */
    private LongIntTable edges;
    private int[] rootTargets; // by label: every phrase starts at the root, so its edges are an array
    private KeyTable<Integer> labelByKey;
    private final SkeletonSet labelSkeletons = new SkeletonSet();
    /**
     * Bit {@link #shapeBit}(s) is set when some label of lower-case ASCII letters has the {@link NameTokens#shape} s:
     * 8 KB, which a thousand-odd shapes leave mostly clear.
     */
    private final long[] labelShapes = new long[1 << 10];
    private SpellingTable spellings;
    private String[] particleArray;
    private long[] packedParticles;

    static EntityDictionary standard() { return Holder.STANDARD; }

    static EntityDictionary load(List<List<DataFile.Line>> tables, List<DataFile.Line> nameRules) {
        EntityDictionary d = new EntityDictionary();
        Map<String, String> ids = new HashMap<>();
        for (List<DataFile.Line> table : tables) for (DataFile.Line line : table) d.addEntity(line, ids);
        for (DataFile.Line line : nameRules) d.addRule(line);
        d.compile();
        return d;
    }

    /**
     * The label word i of {@code words} is: its key's number among the labels, {@link #NO_LABEL} when its key is
     * none, {@link #EMPTY} for an article. Folds the word only when neither its spelling nor its skeleton tells.
     */
    int label(NameTokens words, int i) {
        long packed = words.packed(i);
        if (packed == 0 && words.keyIsEmpty(i)) return EMPTY; // a packed word is no article
        // a longer packed word of a shape no label has is none, told by one bit (a short one is one read anyway)
        if (!SpellingTable.isShort(packed) && !hasLabelShape(words.shape(i))) return NO_LABEL;
        int known = spellings.get(packed);
        if (known != SpellingTable.UNKNOWN) return known;
        if (!labelSkeletons.contains(words.skeleton(i))) return NO_LABEL;
        int start = words.keyStart(i), end = words.keyEnd(i);
        Integer label = labelByKey.get(words.keyChars(), start, end, words.keyHash(i));
        return label == null ? NO_LABEL : label;
    }

    private boolean hasLabelShape(int shape) {
        int bit = shapeBit(shape);
        return (labelShapes[bit >>> 6] & 1L << bit) != 0;
    }

    /** Where a shape's bit is in {@link #labelShapes}: a multiplicative hash to 16 bits. */
    private static int shapeBit(int shape) { return shape * 0x9E3779B9 >>> 16; }

    /** The node whose key is node {@code from}'s key followed by label {@code label}; {@link #NONE} when no phrase goes on so. */
    int next(int from, int label) {
        if (label == EMPTY) return from != ROOT || rootIsNode ? from : NONE;
        if (label < 0) return NONE;
        return from == ROOT ? rootTargets[label] : edges.get(edge(from, label), -1);
    }

    /** The entries node {@code id} names, null when it only starts phrases. */
    Entry[] entries(int id) { return entriesByNode[id]; }

    /**
     * What a matcher needs to know of node {@code id}, known at load, in one int: the {@link #kindBits} of its
     * entries (under {@link #KINDS}, 0 when it has none), and the {@link #CONTINUES} and {@link #CHECKED} bits.
     */
    int info(int id) { return info[id]; }

    /** The bits of a node's {@link #info} that are the kinds of its entries. */
    static final int KINDS = (PERSON_BIT << 1) - 1;
    /** Some phrase is longer than the node's key and starts with it: a matcher at it may go on. */
    static final int CONTINUES = PERSON_BIT << 1;
    /**
     * An entry of the node is a capitals-only alias or a non-person entity, which match only some spellings in a
     * text; the entries of other nodes match wherever their key does.
     */
    static final int CHECKED = PERSON_BIT << 2;

    /** The kinds of entries as bits (1 << ordinal), and {@link #PERSON_BIT}: what the rules ask of a match, told by a bit test. */
    static int kindBits(Entry[] entries) {
        int bits = 0;
        for (Entry e : entries) bits |= 1 << e.kind().ordinal();
        for (Entry e : entries) {
            if (e.kind() == Kind.ENTITY) {
                if (e.type() == EntityType.PERSON) bits |= PERSON_BIT;
                break;
            }
        }
        return bits;
    }

    int maxWords() { return maxWords; }

    /** The table person whose alias folds to key chars [from, to), or null. */
    Entry person(char[] chars, int from, int to) {
        Node n = nodeByKey.get(chars, from, to);
        return n == null ? null : n.person();
    }

    /** Whether word i is a name particle ("al", "bin", "Abu"), compared case-insensitively as its lower case. */
    boolean isParticle(NameTokens words, int i) {
        long packed = words.packed(i);
        if (packed != 0) {
            for (long p : packedParticles) if (p == packed) return true;
            return false;
        }
        return isParticle(words.text(), words.start(i), words.end(i));
    }

    private boolean isParticle(CharSequence text, int start, int end) {
        int len = end - start;
        for (String p : particleArray) {
            if (p.length() != len) continue;
            int k = 0;
            while (k < len && lowerEquals(text.charAt(start + k), p.charAt(k))) k++;
            if (k == len) return true;
        }
        return false;
    }

    /** Whether c lower-cases to lower (as a String would: 'İ' lower-cases to two chars, so it equals none). */
    private static boolean lowerEquals(char c, char lower) {
        return c == lower || c != '\u0130' && !Character.isSurrogate(c) && Character.toLowerCase(c) == lower;
    }

    private void compile() {
        Set<String> keys = new HashSet<>(prefixes);
        keys.addAll(byKey.keySet());
        rootIsNode = keys.remove("");
        List<String> sorted = new ArrayList<>(keys);
        java.util.Collections.sort(sorted); // ids independent of hash order
        Map<String, Integer> ids = new HashMap<>();
        nodes = new Node[sorted.size() + 1];
        nodes[ROOT] = node("");
        nodeByKey = new KeyTable<>(sorted.size() + 1);
        if (rootIsNode) nodeByKey.putIfAbsent(new char[0], 0, 0, nodes[ROOT]);
        ids.put("", ROOT);
        for (String key : sorted) {
            int id = ids.size();
            ids.put(key, id);
            nodes[id] = node(key);
            char[] k = key.toCharArray();
            nodeByKey.putIfAbsent(k, 0, k.length, nodes[id]);
        }
        // an edge from every key that is a proper prefix of another (or from the empty key) to that other
        edges = new LongIntTable(sorted.size() * 2);
        labelByKey = new KeyTable<>(sorted.size() * 2);
        int labels = 0;
        for (String key : sorted) {
            for (int cut = 0; cut < key.length(); cut++) {
                Integer from = ids.get(key.substring(0, cut));
                if (from == null) continue;
                char[] label = key.substring(cut).toCharArray();
                Integer id = labelByKey.get(label, 0, label.length);
                if (id == null) {
                    id = labels++;
                    labelByKey.putIfAbsent(label, 0, label.length, id);
                    labelSkeletons.add(NameTokens.skeleton(label, 0, label.length));
                    int shape = NameTokens.shape(label, 0, label.length);
                    if (shape >= 0) labelShapes[shapeBit(shape) >>> 6] |= 1L << shapeBit(shape);
                }
                edges.putIfAbsent(edge(from, id), ids.get(key));
            }
        }
        entriesByNode = new Entry[nodes.length][];
        for (int id = 0; id < nodes.length; id++) entriesByNode[id] = nodes[id].entries();
        info = new int[nodes.length];
        for (int id = 0; id < nodes.length; id++) {
            Entry[] entries = nodes[id].entries();
            if (entries == null) continue;
            info[id] = kindBits(entries);
            for (Entry e : entries) {
                if (e.exactLetters() != null || e.kind() == Kind.ENTITY && e.type() != EntityType.PERSON) info[id] |= CHECKED;
            }
        }
        for (String key : sorted) {
            for (int cut = 0; cut < key.length(); cut++) {
                Integer from = ids.get(key.substring(0, cut));
                if (from != null) info[from] |= CONTINUES;
            }
        }
        rootTargets = new int[labels];
        for (int label = 0; label < labels; label++) rootTargets[label] = edges.get(edge(ROOT, label), -1);
        spellings = new SpellingTable(this::labelOf);
        keyBySpelling.forEach((packed, key) -> spellings.add(packed, labelOf(key)));
        particleArray = particles.toArray(String[]::new);
        packedParticles = particles.stream().mapToLong(EntityDictionary::pack).filter(p -> p != 0).toArray();
    }

    /** The label a folded key is, {@link #NO_LABEL} when none; {@link #label} tells the same without folding. */
    int labelOf(String key) {
        Integer label = labelByKey.get(key.toCharArray(), 0, key.length());
        return label == null ? NO_LABEL : label;
    }

    /** The {@link NameTokens#packed} letters of a lower-case word, 0 when it is not packed. */
    private static long pack(String word) {
        NameTokens t = NameTokens.of(word);
        return t.size() == 1 && t.start(0) == 0 && t.end(0) == word.length() ? t.packed(0) : 0;
    }

    private Node node(String key) {
        List<Entry> entries = byKey.get(key);
        return new Node(entries == null ? null : entries.toArray(Entry[]::new), personByKey.get(key));
    }

    private void addEntity(DataFile.Line line, Map<String, String> ids) {
        String[] f = line.fields();
        if (f.length != 4) throw line.error("expected 4 tab-separated fields (id, type, name, aliases), got " + f.length);
        String id = f[0].strip();
        EntityType type;
        try {
            type = EntityType.valueOf(f[1].strip());
        } catch (IllegalArgumentException e) {
            throw line.error("unknown type '" + f[1] + "'");
        }
        String prefix = switch (type) {
            case PERSON -> "person:";
            case ORGANIZATION -> "org:";
            case ARMED_GROUP -> "group:";
            case COUNTRY -> "country:";
        };
        if (!id.startsWith(prefix) || id.length() == prefix.length() || id.indexOf(' ') >= 0) {
            throw line.error("id '" + id + "' must be '" + prefix + "<slug>' for type " + type);
        }
        if (ids.put(id, line.file() + ":" + line.number()) != null) throw line.error("duplicate id " + id);
        String name = f[2].strip();
        if (name.isEmpty()) throw line.error("empty canonical name");
        List<String> aliases = new ArrayList<>();
        aliases.add(name);
        for (String a : f[3].split("\\|")) if (!a.isBlank()) aliases.add(a.strip());
        for (String alias : aliases) {
            Entry e = new Entry(Kind.ENTITY, id, type, name, capitalsOnly(alias) ? letters(alias) : null);
            String key = add(line, alias, e);
            for (Entry other : byKey.get(key)) {
                if (other.kind() == Kind.ENTITY && !other.id().equals(id) && sameCase(other, e)) {
                    throw line.error("alias '" + alias + "' already names " + other.id());
                }
            }
            if (type == EntityType.PERSON) personByKey.putIfAbsent(key, e);
        }
    }

    private void addRule(DataFile.Line line) {
        String[] f = line.fields();
        if (f.length != 2 || f[1].isBlank()) throw line.error("expected KIND<TAB>PHRASE");
        Kind kind;
        try {
            kind = Kind.valueOf(f[0].strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw line.error("unknown kind '" + f[0] + "' (role, orgword, particle, placehead, placetail, notname)");
        }
        if (kind == Kind.ENTITY) throw line.error("entities belong in the alias tables");
        String phrase = f[1].strip();
        if (kind == Kind.PARTICLE) {
            // particles are looked up by the raw lower-case word: "al" folds to nothing
            String particle = phrase.toLowerCase(java.util.Locale.ROOT);
            // isParticle compares char by char: no letter whose lower case depends on context or is two chars
            for (int i = 0; i < particle.length(); i++) {
                char c = particle.charAt(i);
                if (c == 'σ' || c == 'ς' || c == '\u0307' || Character.isSurrogate(c)) throw line.error("unsupported particle '" + phrase + "'");
            }
            particles.add(particle);
            return;
        }
        add(line, phrase, new Entry(kind, null, null, phrase, null));
    }

    private String add(DataFile.Line line, String phrase, Entry entry) {
        NameTokens t = NameTokens.of(phrase);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            key.append(t.key(i));
            prefixes.add(key.toString());
            if (t.packed(i) != 0) keyBySpelling.put(t.packed(i), t.key(i));
        }
        if (key.length() == 0) throw line.error("'" + phrase + "' has no letters to match");
        maxWords = Math.max(maxWords, t.size());
        List<Entry> list = byKey.computeIfAbsent(key.toString(), k -> new ArrayList<>(1));
        if (!list.contains(entry)) list.add(entry);
        return key.toString();
    }

    private static boolean sameCase(Entry a, Entry b) {
        return a.exactLetters() == null ? b.exactLetters() == null : a.exactLetters().equals(b.exactLetters());
    }

    /** "US", "U.S.", "PMF": no lower-case letter and at most 6 letters. */
    private static boolean capitalsOnly(String alias) {
        String l = letters(alias);
        if (l.isEmpty() || l.length() > 6) return false;
        for (int i = 0; i < l.length(); i++) if (!Character.isUpperCase(l.charAt(i))) return false;
        return true;
    }

    static String letters(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) if (Character.isLetterOrDigit(s.charAt(i))) b.append(s.charAt(i));
        return b.toString();
    }

    private static final class Holder {
        static final EntityDictionary STANDARD;

        static {
            List<List<DataFile.Line>> tables = new ArrayList<>();
            for (String t : TABLES) tables.add(DataFile.read(t));
            STANDARD = load(tables, DataFile.read(NAME_RULES));
        }
    }

    private static long edge(int from, int label) { return (long) from << 32 | (label & 0xFFFFFFFFL); }
}
