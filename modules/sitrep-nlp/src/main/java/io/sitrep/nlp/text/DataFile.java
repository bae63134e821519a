package io.sitrep.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A data file shipped as a classpath resource: UTF-8, one record a line, '#' starts a comment line, blank lines
 * ignored. Each record keeps its line number so that a loader can fail with "file:line: reason".
 */
public final class DataFile {
    /** One non-comment, non-blank line, with its 1-based line number. */
    public record Line(String file, int number, String text) {
        /** Tab-separated fields, trailing empty fields kept. */
        public String[] fields() { return text.split("\t", -1); }

        public IllegalStateException error(String reason) {
            return new IllegalStateException(file + ":" + number + ": " + reason + " in line: " + text);
        }
    }

    private DataFile() {}

    /** Reads {@code resource} (an absolute classpath path such as "/clean/outlets.tsv"); missing file is an error. */
    public static List<Line> read(String resource) {
        InputStream in = DataFile.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("missing data file on the classpath: " + resource);
        return read(resource, in);
    }

    public static List<Line> read(String name, InputStream in) {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                if (n == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') s = s.substring(1);
                String t = s.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                out.add(new Line(name, n, stripTrailing(s)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + name, e);
        }
        return out;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == ' ')) end--;
        return s.substring(0, end);
    }
}
