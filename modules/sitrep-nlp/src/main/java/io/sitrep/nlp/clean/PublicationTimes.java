package io.sitrep.nlp.clean;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication times in the forms pages state them: ISO timestamps ({@code 2026-01-21T21:57:28+00:00}), dates
 * ({@code date 2026-01-20}, {@code 20-03-2025} even glued to an outlet name, "August 11, 2025", "11 August 2025")
 * and relative times ("3 hours ago", "time3 hours ago", "yesterday"). All patterns are linear (bounded, no nesting).
 */
final class PublicationTimes {
    private static final String MONTHS = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final Pattern YMD = Pattern.compile("(?i)(?:\\bdate\\s{0,3})?(?<!\\d)(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern DMY = Pattern.compile("(?<!\\d)(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?i)\\b" + MONTHS + "\\.? (\\d{1,2}),? (\\d{4})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?i)(?<!\\d)(\\d{1,2}) " + MONTHS + "\\.?,? (\\d{4})(?!\\d)");
    private static final Pattern RELATIVE = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?:time\\s?)?(\\d{1,3}|an?|one)\\s{1,3}(minute|min|hour|hr|day|week)s?\\s{1,3}ago\\b");
    private static final Pattern YESTERDAY = Pattern.compile("(?i)\\byesterday\\b");
    private static final Pattern DATE_WORD = Pattern.compile("(?i)^\\s*(?:date|published|updated|posted)\\b:?");

    /** What a header line states about time, and the line with those parts removed. */
    record HeaderTime(Instant instant, LocalDate date, Duration ago, String rest) {
        boolean found() { return instant != null || date != null || ago != null; }
    }

    private PublicationTimes() {}

    /** Times stated in a short header line (bylines, date lines); other text stays in {@link HeaderTime#rest}. */
    static HeaderTime inHeader(String line) {
        // every date pattern needs a digit, a relative time "ago" or "yesterday": most header lines have none
        boolean digit = hasDigit(line);
        boolean ago = containsAsciiIgnoreCase(line, "ago");
        if (!digit && !ago && !containsAsciiIgnoreCase(line, "yesterday")) return new HeaderTime(null, null, null, line.strip());
        return parse(line, digit, ago);
    }

    /**
     * {@link #inHeader} of the line {@code chars[s, e)} when it is one ISO timestamp and nothing else (what date lines
     * often are), or null: its instant, and nothing left, as the long way finds.
     */
    static HeaderTime isoLine(char[] chars, int s, int e) {
        if (e - s < 16 || !isDigit(chars[s]) || !isDigit(chars[e - 1]) && chars[e - 1] != 'Z') return null;
        IsoStamp iso = firstIso(java.nio.CharBuffer.wrap(chars, s, e - s));
        if (iso == null || iso.start() != 0 || iso.end() != e - s || iso.instant() == null) return null;
        return new HeaderTime(iso.instant(), null, null, "");
    }

    /** Whether a line may state a time: {@link #inHeader} finds none in a line without a digit, "ago" or "yesterday". */
    static boolean mayStateTime(String line) {
        // one pass: a word is only compared where its first letter is
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') return true;
            int lower = c | 0x20;
            if (lower == 'a' && startsAsciiIgnoreCase(line, i, "ago") || lower == 'y' && startsAsciiIgnoreCase(line, i, "yesterday")) {
                return true;
            }
        }
        return false;
    }

    /** {@link #mayStateTime(String)} of the line {@code chars[s, e)}. */
    static boolean mayStateTime(char[] chars, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') return true;
            int lower = c | 0x20;
            if (lower == 'a' && startsAsciiIgnoreCase(chars, i, e, "ago") || lower == 'y' && startsAsciiIgnoreCase(chars, i, e, "yesterday")) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsAsciiIgnoreCase(char[] chars, int at, int end, String lower) {
        if (at + lower.length() > end) return false;
        for (int k = 0; k < lower.length(); k++) {
            char c = chars[at + k];
            if (c != lower.charAt(k) && !(c >= 'A' && c <= 'Z' && c + 32 == lower.charAt(k))) return false;
        }
        return true;
    }

    /** Whether s holds {@code lower} (ASCII lower case) at {@code at}, ignoring ASCII case. */
    private static boolean startsAsciiIgnoreCase(CharSequence s, int at, String lower) {
        if (at + lower.length() > s.length()) return false;
        for (int k = 0; k < lower.length(); k++) {
            char c = s.charAt(at + k);
            if (c != lower.charAt(k) && !(c >= 'A' && c <= 'Z' && c + 32 == lower.charAt(k))) return false;
        }
        return true;
    }

    private static HeaderTime parse(String line, boolean digit, boolean agoWord) {
        Instant instant = null;
        LocalDate date = null;
        Duration ago = null;
        StringBuilder rest = new StringBuilder(line);
        Matcher m;
        // a matcher is only made for a pattern still to be tried: a header line states one time
        if (digit) {
            IsoStamp iso = firstIso(rest);
            if (iso != null && iso.instant() != null) {
                instant = iso.instant();
                blank(rest, iso.start(), iso.end());
            }
            if (instant == null) {
                m = YMD.matcher(rest);
                if (m.find()) {
                    date = date(m.group(1), m.group(2), m.group(3));
                    if (date != null) blank(rest, m.start(), m.end());
                }
            }
            if (instant == null && date == null) {
                m = DMY.matcher(rest);
                if (m.find()) {
                    date = dayMonth(m.group(1), m.group(2), m.group(3));
                    if (date != null) blank(rest, m.start(), m.end());
                }
            }
            if (instant == null && date == null) {
                date = monthName(rest);
            }
        }
        m = agoWord ? RELATIVE.matcher(rest) : null;
        if (m != null && m.find()) {
            ago = relative(m.group(1), m.group(2));
            blank(rest, m.start(), m.end());
        } else if (containsAsciiIgnoreCase(rest, "yesterday")) { // (?i) without UNICODE_CASE: ASCII case only
            m = YESTERDAY.matcher(rest);
            if (m.find()) {
                ago = Duration.ofDays(1);
                blank(rest, m.start(), m.end());
            }
        }
        String remaining = rest.toString();
        if ((instant != null || date != null || ago != null) && mayStartWithDateWord(remaining)) {
            remaining = DATE_WORD.matcher(remaining).replaceFirst("");
        }
        return new HeaderTime(instant, date, ago, remaining.strip());
    }

    /** False when {@link #DATE_WORD} cannot match: the first char after its spaces starts none of its words. */
    private static boolean mayStartWithDateWord(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) >= '\t' && s.charAt(i) <= '\r')) i++; // \s
        if (i == s.length()) return false;
        int lower = s.charAt(i) | 0x20;
        return lower == 'd' || lower == 'p' || lower == 'u';
    }

    private static boolean hasDigit(CharSequence s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= '0' && s.charAt(i) <= '9') return true;
        return false;
    }

    /** Whether s contains {@code lower} (ASCII lower case) ignoring ASCII case, as the patterns' (?i) does. */
    private static boolean containsAsciiIgnoreCase(CharSequence s, String lower) {
        int last = s.length() - lower.length();
        outer:
        for (int i = 0; i <= last; i++) {
            for (int k = 0; k < lower.length(); k++) {
                char c = s.charAt(i + k);
                if (c != lower.charAt(k) && !(c >= 'A' && c <= 'Z' && c + 32 == lower.charAt(k))) continue outer;
            }
            return true;
        }
        return false;
    }

    /**
     * The latest full date ("August 11, 2025", "11 August 2025") quoted in a text, or null. Both patterns end in
     * " " + a year of exactly four digits, at most {@link #YEAR_LEAD} chars after the match start; they are only
     * tried in the region before such a year (transparent bounds: the look-arounds still see the whole text). No match
     * can start inside another, so this finds the same matches as searching the whole text.
     */
    static LocalDate latestQuotedDate(CharSequence text) {
        LocalDate latest = null;
        Matcher mdy = null, dmy = null;
        int n = text.length();
        // a year's four digits hold one index i with i % 4 == 3: only those chars are read, and at a digit the years
        // whose digits hold i are tried
        for (int i = 3; i < n; i += 4) {
            if (!isDigit(text.charAt(i))) continue;
            for (int y = Math.max(1, i - 3); y <= i && y + 4 <= n; y++) {
                if (text.charAt(y - 1) != ' ' || !isDigit(text.charAt(y)) || !isDigit(text.charAt(y + 1))
                        || !isDigit(text.charAt(y + 2)) || !isDigit(text.charAt(y + 3)) || y + 4 < n && isDigit(text.charAt(y + 4))) {
                    continue;
                }
                int from = Math.max(0, y - YEAR_LEAD);
                if (mdy == null) {
                    mdy = MONTH_DAY_YEAR.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                    dmy = DAY_MONTH_YEAR.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                mdy.region(from, y + 4);
                while (mdy.find()) latest = later(latest, named(mdy.group(1), mdy.group(2), mdy.group(3)));
                dmy.region(from, y + 4);
                while (dmy.find()) latest = later(latest, named(dmy.group(2), dmy.group(1), dmy.group(3)));
            }
        }
        return latest;
    }

    /** The most chars a quoted date has before its year: "September. 11, " or "11 September., ". */
    private static final int YEAR_LEAD = 15;

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static LocalDate later(LocalDate latest, LocalDate d) {
        return d != null && (latest == null || d.isAfter(latest)) ? d : latest;
    }

    /** A stated date as an instant: the page time when it falls on that day, else the start of the day (UTC). */
    static Instant onDay(LocalDate date, Instant pageTime) {
        if (pageTime != null && LocalDate.ofInstant(pageTime, ZoneOffset.UTC).equals(date)) return pageTime;
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate monthName(StringBuilder rest) {
        Matcher m = MONTH_DAY_YEAR.matcher(rest);
        if (m.find()) {
            LocalDate d = named(m.group(1), m.group(2), m.group(3));
            if (d != null) { blank(rest, m.start(), m.end()); return d; }
        }
        m = DAY_MONTH_YEAR.matcher(rest);
        if (m.find()) {
            LocalDate d = named(m.group(2), m.group(1), m.group(3));
            if (d != null) { blank(rest, m.start(), m.end()); return d; }
        }
        return null;
    }

    private static void blank(StringBuilder b, int start, int end) {
        for (int i = start; i < end; i++) b.setCharAt(i, ' ');
    }

    /** The first ISO timestamp of a line: where it is, and its instant (null when a field is out of range). */
    private record IsoStamp(int start, int end, Instant instant) {}

    /**
     * The first match of the ISO timestamp pattern
     * {@code (?<!\d)(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?}
     * in s, or null: matched by hand, as headers carry such stamps. Each part after the minutes is optional and taken
     * as far as it goes, so the regex's match is the leftmost start with the required part, extended greedily.
     */
    private static IsoStamp firstIso(CharSequence s) {
        int n = s.length();
        for (int i = 0; i + 16 <= n; i++) {
            if (!isDigit(s.charAt(i)) || i > 0 && isDigit(s.charAt(i - 1))) continue;
            if (!(digits(s, i, 4) && s.charAt(i + 4) == '-' && digits(s, i + 5, 2) && s.charAt(i + 7) == '-'
                    && digits(s, i + 8, 2) && (s.charAt(i + 10) == 'T' || s.charAt(i + 10) == ' ') && digits(s, i + 11, 2)
                    && s.charAt(i + 13) == ':' && digits(s, i + 14, 2))) {
                continue;
            }
            int end = i + 16;
            int second = 0;
            if (end + 3 <= n && s.charAt(end) == ':' && digits(s, end + 1, 2)) {
                second = number(s, end + 1, 2);
                end += 3;
                if (end + 2 <= n && s.charAt(end) == '.' && isDigit(s.charAt(end + 1))) {
                    end += 2;
                    for (int k = 1; k < 9 && end < n && isDigit(s.charAt(end)); k++) end++; // \d{1,9}
                }
            }
            int sign = 0, offsetHours = 0, offsetMinutes = 0; // no offset: UTC
            if (end < n && s.charAt(end) == 'Z') {
                end++;
            } else if (end + 5 <= n && (s.charAt(end) == '+' || s.charAt(end) == '-') && digits(s, end + 1, 2)) {
                int minutesAt = end + 6 <= n && s.charAt(end + 3) == ':' && digits(s, end + 4, 2) ? end + 4
                        : digits(s, end + 3, 2) ? end + 3 : -1;
                if (minutesAt > 0) {
                    sign = s.charAt(end) == '-' ? -1 : 1;
                    offsetHours = number(s, end + 1, 2);
                    offsetMinutes = number(s, minutesAt, 2);
                    end = minutesAt + 2;
                }
            }
            Instant instant;
            try {
                LocalDateTime t = LocalDateTime.of(number(s, i, 4), number(s, i + 5, 2), number(s, i + 8, 2),
                        number(s, i + 11, 2), number(s, i + 14, 2), second);
                // as ZoneOffset.of("+hh:mm") makes it
                instant = t.toInstant(sign == 0 ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
            } catch (DateTimeException e) {
                instant = null;
            }
            return new IsoStamp(i, end, instant);
        }
        return null;
    }

    /** Whether s holds {@code count} ASCII digits at {@code at} (false when it ends before). */
    private static boolean digits(CharSequence s, int at, int count) {
        if (at + count > s.length()) return false;
        for (int k = at; k < at + count; k++) if (!isDigit(s.charAt(k))) return false;
        return true;
    }

    /** The number written by the {@code count} ASCII digits at {@code at}. */
    private static int number(CharSequence s, int at, int count) {
        int v = 0;
        for (int k = at; k < at + count; k++) v = 10 * v + (s.charAt(k) - '0');
        return v;
    }

    private static LocalDate date(String y, String mo, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** dd-mm-yyyy as written in the region; mm-dd-yyyy only when the first number cannot be a month... or a day. */
    private static LocalDate dayMonth(String a, String b, String y) {
        int first = Integer.parseInt(a);
        int second = Integer.parseInt(b);
        if (second > 12 && first <= 12) return date(y, a, b);
        return date(y, b, a);
    }

    private static LocalDate named(String month, String day, String year) {
        String m = month.toLowerCase(Locale.ROOT);
        int mo = switch (m.substring(0, 3)) {
            case "jan" -> 1; case "feb" -> 2; case "mar" -> 3; case "apr" -> 4; case "may" -> 5; case "jun" -> 6;
            case "jul" -> 7; case "aug" -> 8; case "sep" -> 9; case "oct" -> 10; case "nov" -> 11; default -> 12;
        };
        return date(year, Integer.toString(mo), day);
    }

    private static Duration relative(String amount, String unit) {
        long n = Character.isDigit(amount.charAt(0)) ? Long.parseLong(amount) : 1;
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "minute", "min" -> Duration.ofMinutes(n);
            case "hour", "hr" -> Duration.ofHours(n);
            case "day" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
