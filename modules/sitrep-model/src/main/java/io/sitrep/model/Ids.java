package io.sitrep.model;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** Stable identifiers: the same input gives the same id on every instance and every replay. */
public final class Ids {
    private Ids() {}

    /** Article id: hash of the canonical URL, or of the normalised text when there is no URL. */
    public static String articleId(String url, String text) {
        if (url != null && !url.isBlank()) return hash("url:" + canonicalUrl(url));
        return hash("text:" + normaliseText(text == null ? "" : text));
    }

    /** Lower-case scheme and host, no fragment, no trailing slash, no tracking parameters. */
    public static String canonicalUrl(String url) {
        try {
            URI u = URI.create(url.trim());
            String scheme = u.getScheme() == null ? "http" : u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
            String query = u.getRawQuery() == null ? null : stripTracking(u.getRawQuery());
            return scheme + "://" + host + path + (query == null || query.isEmpty() ? "" : "?" + query);
        } catch (IllegalArgumentException e) {
            return url.trim();
        }
    }

    private static String stripTracking(String query) {
        StringBuilder out = new StringBuilder();
        for (String p : query.split("&")) {
            String k = p.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (k.startsWith("utm_") || k.equals("fbclid") || k.equals("gclid")) continue;
            if (out.length() > 0) out.append('&');
            out.append(p);
        }
        return out.toString();
    }

    /** NFKC, lower case, whitespace collapsed: what "the same text" means for ids and exact duplicates. */
    public static String normaliseText(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    /** First 16 hex digits of SHA-256. */
    public static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
