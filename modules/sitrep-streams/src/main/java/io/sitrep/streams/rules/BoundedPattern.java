package io.sitrep.streams.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A case-insensitive regular expression whose cost is bounded. Operators write these at run time, so a pattern
 * that backtracks catastrophically must be refused before it runs on every sentence: it is tried on adversarial
 * inputs with a budget of character reads, and at match time the budget guards every sentence again.
 */
final class BoundedPattern {
    static final int MAX_LENGTH = 200;
    /** Character reads allowed per input character; linear patterns use a few. */
    private static final int READS_PER_CHAR = 200;
    private static final Pattern BACKREFERENCE = Pattern.compile("\\\\[1-9]|\\\\k<");

    private final String written;
    private final Pattern pattern;

    private BoundedPattern(String written, Pattern pattern) {
        this.written = written;
        this.pattern = pattern;
    }

    /** The pattern, or why it is refused. */
    static Result compile(String written) {
        if (written.length() > MAX_LENGTH) {
            return Result.refused("pattern longer than " + MAX_LENGTH + " characters");
        }
        if (BACKREFERENCE.matcher(written).find()) return Result.refused("pattern '" + written + "' uses a backreference (too costly)");
        Pattern p;
        try {
            p = Pattern.compile(written, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            return Result.refused("pattern '" + written + "' is not a regular expression: " + e.getDescription());
        }
        BoundedPattern bp = new BoundedPattern(written, p);
        for (String probe : probes(written)) {
            try {
                bp.find(probe);
            } catch (BudgetExceeded e) {
                return Result.refused("pattern '" + written + "' is too costly (backtracks on long inputs)");
            }
        }
        if (bp.find("")) return Result.refused("pattern '" + written + "' matches the empty text");
        return new Result(bp, null);
    }

    record Result(BoundedPattern pattern, String problem) {
        static Result refused(String problem) { return new Result(null, problem); }
        Optional<BoundedPattern> ok() { return Optional.ofNullable(pattern); }
    }

    /** Inputs that make backtracking patterns explode: long runs of the pattern's own letters, then a mismatch. */
    private static String[] probes(String written) {
        StringBuilder letters = new StringBuilder();
        for (char c : written.toCharArray()) if (Character.isLetterOrDigit(c) || c == ' ') letters.append(c);
        String unit = letters.isEmpty() ? "a" : letters.toString();
        List<String> runs = new ArrayList<>(List.of("a".repeat(3000), " ".repeat(3000),
                (unit + " ").repeat(Math.max(1, 3000 / (unit.length() + 1))), "ab".repeat(1500), "1".repeat(3000)));
        letters.chars().filter(Character::isLetterOrDigit).distinct().limit(6)
                .forEach(c -> runs.add(String.valueOf((char) c).repeat(3000)));
        // a run followed by a character no pattern expects forces a backtracking pattern to try every split
        String[] out = new String[runs.size() * 2];
        for (int i = 0; i < runs.size(); i++) {
            out[2 * i] = runs.get(i) + "!";
            out[2 * i + 1] = runs.get(i) + "\u0000";
        }
        return out;
    }

    /** Whether the pattern occurs in the text; throws {@link BudgetExceeded} when it costs too much. */
    boolean find(String text) {
        Matcher m = pattern.matcher(new Budgeted(text, (long) READS_PER_CHAR * (text.length() + 10)));
        return m.find();
    }

    String written() { return written; }

    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regular expression exceeded its budget", null, false, false);
        }
    }

    /** A char sequence that counts reads and gives up beyond a budget. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private final long[] left;

        Budgeted(String text, long budget) {
            this(text, new long[] {budget});
        }

        private Budgeted(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public int length() { return text.length(); }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) throw new BudgetExceeded();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), left);
        }

        @Override
        public String toString() { return text; }
    }
}
