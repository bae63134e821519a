package io.sitrep.nlp.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated place data files: '#' starts a comment line, blank lines are skipped. */
final class TsvReader {
    interface LineHandler {
        void accept(int lineNumber, String[] fields);
    }

    private TsvReader() {}

    static void read(String resource, LineHandler handler) {
        InputStream in = TsvReader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) throw new PlaceDataException(resource + ": not found on the class path");
        read(resource, new InputStreamReader(in, StandardCharsets.UTF_8), handler);
    }

    static void read(String sourceName, Reader source, LineHandler handler) {
        try (BufferedReader r = new BufferedReader(source)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
                if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
                handler.accept(number, line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new PlaceDataException(sourceName + ": unreadable: " + e.getMessage(), e);
        }
    }

    /** A '|'-separated list of names; empty entries dropped. */
    static List<String> names(String field) {
        List<String> out = new ArrayList<>();
        for (String s : field.split("\\|")) {
            String t = s.strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }
}
