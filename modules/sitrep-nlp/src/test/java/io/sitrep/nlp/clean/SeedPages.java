package io.sitrep.nlp.clean;

import io.sitrep.nlp.ArticleText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The five seed pages as the replay hands them over (page times and sources of the seed manifest). */
final class SeedPages {
    private SeedPages() {}

    static ArticleText page(String prefix) {
        return switch (prefix) {
            case "000" -> read("000_11f2a42c2a3adb3e.txt", "2026-01-20T09:00:00Z", "Shafaq News");
            case "001" -> read("001_55317888a5bb3c98.txt", "2025-03-20T12:00:00Z", "Daily8");
            case "002" -> read("002_a145f47f9ee940d3.txt", "2025-03-20T09:00:00Z", "Shafaq News");
            case "003" -> read("003_0d0577f8167699f8.txt", "2025-03-20T15:00:00Z", "Asharq Al-Awsat");
            case "004" -> read("004_bbed36517e631438.txt", "2026-01-21T21:57:28Z", "Shafaq News");
            default -> throw new IllegalArgumentException(prefix);
        };
    }

    static String text(String file) {
        try {
            return Files.readString(Path.of(System.getProperty("sitrep.root"), "data/seed-stream/pages", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArticleText read(String file, String time, String source) {
        return new ArticleText(file.substring(0, 3), null, text(file), Instant.parse(time), source, null);
    }
}
