package io.sitrep.sinks.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a browser request comes from our own pages, by its {@code Origin} (else {@code Referer}) compared with
 * its {@code Host}. Host and port are compared, not the scheme, so a TLS-terminating proxy in front still matches.
 */
final class SameOrigin {
    enum Verdict { SAME, CROSS, UNKNOWN }

    private SameOrigin() {}

    /**
     * @param origin the Origin header or null; {@code null} (the text) counts as absent
     * @param referer the Referer header or null
     * @param host the Host header
     * @param allowed extra origins accepted, normalised by {@link #normalize}
     */
    static Verdict check(String origin, String referer, String host, Set<String> allowed) {
        String source = origin != null && !origin.isBlank() && !origin.equals("null") ? origin
                : referer != null && !referer.isBlank() ? referer : null;
        if (source == null) return Verdict.UNKNOWN;
        URI uri = parse(source.strip());
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) return Verdict.CROSS;
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
        String sourceOrigin = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        if (allowed.contains(sourceOrigin)) return Verdict.SAME;
        if (host == null || host.isBlank()) return Verdict.CROSS;
        URI h = parse("http://" + host.strip());
        if (h == null || h.getHost() == null) return Verdict.CROSS;
        int hostPort = h.getPort() >= 0 ? h.getPort() : defaultPort(scheme);
        boolean same = h.getHost().equalsIgnoreCase(uri.getHost()) && hostPort == port;
        return same ? Verdict.SAME : Verdict.CROSS;
    }

    /** {@code scheme://host:port}, lower case, with the default port made explicit. */
    static String normalize(String origin) {
        URI uri = parse(origin);
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("not an origin: " + origin);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + (uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme));
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static URI parse(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
