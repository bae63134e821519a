package io.sitrep.nlp.clean;

import java.util.Arrays;

/**
 * The non-empty lines of a text as positions {@code [start, end)} and, when the text's scan counted them
 * ({@link TextSanitizer#scan}), the language evidence of each line: what {@link LanguageDetector.Counts} counts in
 * it. A body made of whole lines then has its language from these counts, without being read again. Reused.
 */
final class TextLines {
    int size;
    int[] start, end;
    /** Whether the counts below are there: the text needed no change, so its scan split it. */
    boolean counted;
    int[] latin, arabic, persian, sorani;
    long[] tally;
    /** Of each line, and of the whole text: the {@link CharNotes} of the chars held ({@link CharNotes#ALL} when not noted). */
    long[] notes;
    long allNotes;

    TextLines(int capacity) {
        start = new int[capacity];
        end = new int[capacity];
        latin = new int[capacity];
        arabic = new int[capacity];
        persian = new int[capacity];
        sorani = new int[capacity];
        tally = new long[capacity];
        notes = new long[capacity];
    }

    void clear() {
        size = 0;
        counted = false;
        allNotes = CharNotes.ALL;
    }

    /** Adds a line without counts. */
    void add(int s, int e) {
        add(s, e, CharNotes.ALL);
    }

    private void add(int s, int e, long notes) {
        if (size == start.length) grow();
        start[size] = s;
        end[size] = e;
        this.notes[size] = notes;
        size++;
    }

    /**
     * Adds a line with its counts and what the scan or-ed for its chars, of which the {@link CharNotes} bits are kept.
     */
    void add(int s, int e, int latin, int arabic, int persian, int sorani, long tally, long noted) {
        if (size == start.length) grow();
        this.latin[size] = latin;
        this.arabic[size] = arabic;
        this.persian[size] = persian;
        this.sorani[size] = sorani;
        this.tally[size] = tally;
        add(s, e, noted & CharNotes.ALL | CharNotes.EVERY);
    }

    private void grow() {
        int c = 2 * start.length;
        start = Arrays.copyOf(start, c);
        end = Arrays.copyOf(end, c);
        latin = Arrays.copyOf(latin, c);
        arabic = Arrays.copyOf(arabic, c);
        persian = Arrays.copyOf(persian, c);
        sorani = Arrays.copyOf(sorani, c);
        tally = Arrays.copyOf(tally, c);
        notes = Arrays.copyOf(notes, c);
    }
}
