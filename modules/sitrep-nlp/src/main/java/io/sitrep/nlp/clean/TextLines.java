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

    TextLines(int capacity) {
        start = new int[capacity];
        end = new int[capacity];
        latin = new int[capacity];
        arabic = new int[capacity];
        persian = new int[capacity];
        sorani = new int[capacity];
        tally = new long[capacity];
    }

    void clear() {
        size = 0;
        counted = false;
    }

    /** Adds a line without counts. */
    void add(int s, int e) {
        if (size == start.length) grow();
        start[size] = s;
        end[size] = e;
        size++;
    }

    /** Adds a line with its counts. */
    void add(int s, int e, int latin, int arabic, int persian, int sorani, long tally) {
        if (size == start.length) grow();
        this.latin[size] = latin;
        this.arabic[size] = arabic;
        this.persian[size] = persian;
        this.sorani[size] = sorani;
        this.tally[size] = tally;
        add(s, e);
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
    }
}
