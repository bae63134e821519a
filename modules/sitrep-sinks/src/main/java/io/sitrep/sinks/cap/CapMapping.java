package io.sitrep.sinks.cap;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The parts of the CAP mapping users change (sender, scope, category per alert type, circle radius per place kind),
 * loaded from {@code cap/cap-mapping.properties} and validated against what CAP 1.2 allows.
 */
public record CapMapping(String sender, String senderName, String scope, String defaultCategory,
                         Map<String, String> categories, double defaultRadiusKm, Map<String, Double> radiusKm) {
    static final Set<String> CATEGORIES = Set.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env",
            "Transport", "Infra", "CBRNE", "Other");
    static final Set<String> SCOPES = Set.of("Public", "Private");
    private static final String RESOURCE = "/cap/cap-mapping.properties";

    public CapMapping {
        requireToken("sender", sender);
        if (senderName == null || senderName.isBlank()) throw new IllegalArgumentException("CAP senderName is empty");
        if (!SCOPES.contains(scope)) throw new IllegalArgumentException("CAP scope must be one of " + SCOPES + ", not '" + scope + "'");
        requireCategory("category.default", defaultCategory);
        categories.forEach((type, c) -> requireCategory("category." + type, c));
        requireRadius("radius.km.default", defaultRadiusKm);
        radiusKm.forEach((kind, r) -> requireRadius("radius.km." + kind, r));
        categories = Map.copyOf(categories);
        radiusKm = Map.copyOf(radiusKm);
    }

    /** The mapping shipped in the jar. */
    public static CapMapping defaults() {
        try (InputStream in = CapMapping.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return from(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    public static CapMapping from(Properties p) {
        Map<String, String> categories = new HashMap<>();
        Map<String, Double> radius = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            if (key.startsWith("category.") && !key.equals("category.default")) {
                categories.put(key.substring("category.".length()), value);
            } else if (key.startsWith("radius.km.") && !key.equals("radius.km.default")) {
                radius.put(key.substring("radius.km.".length()).toLowerCase(Locale.ROOT), number(key, value));
            } else if (!Set.of("sender", "senderName", "scope", "category.default", "radius.km.default").contains(key)) {
                throw new IllegalArgumentException("unknown CAP mapping key '" + key + "'");
            }
        }
        return new CapMapping(required(p, "sender"), required(p, "senderName"), required(p, "scope"),
                required(p, "category.default"), categories, number("radius.km.default", required(p, "radius.km.default")),
                radius);
    }

    public String category(String type) {
        return categories.getOrDefault(type, defaultCategory);
    }

    public double radiusKm(String placeKind) {
        if (placeKind == null) return defaultRadiusKm;
        return radiusKm.getOrDefault(placeKind.toLowerCase(Locale.ROOT), defaultRadiusKm);
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("CAP mapping needs '" + key + "'");
        return v.trim();
    }

    private static double number(String key, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CAP mapping '" + key + "' must be a number, not '" + v + "'");
        }
    }

    private static void requireToken(String key, String v) {
        if (v == null || !v.matches("[^\\s,<&]+")) {
            throw new IllegalArgumentException("CAP " + key + " must be non-empty without spaces, commas, '<' or '&': '" + v + "'");
        }
    }

    private static void requireCategory(String key, String v) {
        if (!CATEGORIES.contains(v)) throw new IllegalArgumentException("CAP " + key + " must be one of " + CATEGORIES + ", not '" + v + "'");
    }

    private static void requireRadius(String key, double r) {
        if (!(r > 0 && r < 20_000)) throw new IllegalArgumentException("CAP " + key + " must be a radius in km > 0, not " + r);
    }
}
