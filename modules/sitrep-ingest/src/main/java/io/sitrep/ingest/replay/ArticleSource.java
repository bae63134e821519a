package io.sitrep.ingest.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.model.Ids;
import io.sitrep.model.avro.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads a stream to replay: a seed-stream directory (manifest.json + pages), a manifest file, or a JSON Lines
 * file of articles ({@code {"id"?,"title"?,"body","publishedAt","source"?,"url"?}}). Articles come back in
 * event-time order.
 */
public final class ArticleSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLED = "seed-stream/";

    private ArticleSource() {}

    /** The seed stream bundled in the jar. */
    public static List<Article> bundledSeedStream() {
        return fromManifest(open(BUNDLED + "manifest.json"), file -> open(BUNDLED + file), "classpath:" + BUNDLED);
    }

    public static List<Article> read(Path path) {
        try {
            if (Files.isDirectory(path)) path = path.resolve("manifest.json");
            if (!Files.isRegularFile(path)) throw new IllegalArgumentException("no such file: " + path);
            if (path.getFileName().toString().endsWith(".json")) {
                Path dir = path.toAbsolutePath().getParent();
                return fromManifest(Files.newInputStream(path), file -> {
                    try {
                        return Files.newInputStream(dir.resolve(file));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
                    }
                }, path.toString());
            }
            return fromJsonLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private interface Opener { InputStream open(String file) throws IOException; }

    private static List<Article> fromManifest(InputStream manifest, Opener pages, String where) {
        try (manifest) {
            JsonNode root = JSON.readTree(manifest);
            List<Article> out = new ArrayList<>();
            for (JsonNode a : root.path("articles")) {
                String file = required(a, "file", where);
                String body;
                try (InputStream in = pages.open(file)) {
                    if (in == null) throw new IllegalArgumentException(where + ": missing page " + file);
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String url = text(a, "url");
                out.add(Article.newBuilder()
                        .setId(Ids.articleId(url, body))
                        .setUrl(url)
                        .setSource(text(a, "outlet"))
                        .setTitle(text(a, "title"))
                        .setBody(body)
                        .setContentType(a.path("contentType").asText("text/plain"))
                        .setLanguage(text(a, "language"))
                        .setPublishedAt(instant(required(a, "publishedAt", where), where + " " + file))
                        .setOrigin("seed")
                        .setAttributes(a.path("aggregator").asBoolean(false) ? Map.of("aggregator", "true") : Map.of())
                        .build());
            }
            out.sort(Comparator.comparing(Article::getPublishedAt));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + where, e);
        }
    }

    private static List<Article> fromJsonLines(Path file) throws IOException {
        List<Article> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                String where = file + ":" + n;
                JsonNode a;
                try {
                    a = JSON.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage());
                }
                String body = required(a, "body", where);
                String url = text(a, "url");
                String id = text(a, "id");
                out.add(Article.newBuilder()
                        .setId(id != null ? id : Ids.articleId(url, body))
                        .setUrl(url).setSource(text(a, "source")).setTitle(text(a, "title")).setBody(body)
                        .setPublishedAt(instant(required(a, "publishedAt", where), where))
                        .setOrigin("replay").build());
            }
        }
        out.sort(Comparator.comparing(Article::getPublishedAt));
        return out;
    }

    private static InputStream open(String resource) {
        return ArticleSource.class.getClassLoader().getResourceAsStream(resource);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode n, String field, String where) {
        String v = text(n, field);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(where + ": missing \"" + field + "\"");
        return v;
    }

    private static Instant instant(String s, String where) {
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": publishedAt is not an ISO-8601 time with offset: " + s);
        }
    }
}
