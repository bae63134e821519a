package io.sitrep.sinks.dashboard;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Files from one classpath directory, served with their content type, an ETag and a caching policy. Only known
 * file types and plain relative paths are served: anything else is a 404, never a directory listing or a way out.
 */
final class StaticAssets {
    /** Revalidate every time (cheap 304s): a new version of the page is seen at once. */
    static final String REVALIDATE = "no-cache";
    /** For paths that carry a version: they never change. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "geojson", "application/geo+json; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8",
            "md", "text/markdown; charset=utf-8");

    private record Asset(byte[] body, String type, String etag) {}

    private final String root;
    private final String cacheControl;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    StaticAssets(String classpathRoot, String cacheControl) {
        this.root = classpathRoot.endsWith("/") ? classpathRoot : classpathRoot + "/";
        this.cacheControl = cacheControl;
    }

    /** Answers with the file at {@code path} (relative to the root), a 304 when the client has it, or a 404. */
    void serve(Context ctx, String path) {
        Optional<Asset> asset = find(path);
        if (asset.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("not found");
            return;
        }
        Asset a = asset.get();
        ctx.header("ETag", a.etag()).header("Cache-Control", cacheControl);
        if (a.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(a.type()).result(a.body());
    }

    Optional<String> contentType(String path) {
        return find(path).map(Asset::type);
    }

    private Optional<Asset> find(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) return Optional.empty();
        return cache.computeIfAbsent(path, this::load);
    }

    private Optional<Asset> load(String path) {
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) return Optional.empty();
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(root + path)) {
            if (in == null) return Optional.empty();
            byte[] body = in.readAllBytes();
            return Optional.of(new Asset(body, type, etag(body)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + path, e);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
