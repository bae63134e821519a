package io.sitrep.sinks.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The login form, a static template with three escaped slots; no script, so the strict CSP holds. */
final class LoginPage {
    static final String CSS_PATH = "/auth/login.css";
    private final String template = resource("auth/login.html");
    private final String css = resource("auth/login.css");

    String render(String next, String loginToken, String message) {
        return template
                .replace("{{next}}", escape(next))
                .replace("{{csrf}}", escape(loginToken))
                .replace("{{message}}", message == null ? "" : "<p class=\"message\" role=\"alert\">" + escape(message) + "</p>");
    }

    String css() {
        return css;
    }

    /** Where to go after logging in: a path on this server only, never another site ({@code //evil}, {@code /\evil}). */
    static String safeNext(String next) {
        if (next == null || next.isEmpty() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return next;
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = LoginPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource " + name + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
