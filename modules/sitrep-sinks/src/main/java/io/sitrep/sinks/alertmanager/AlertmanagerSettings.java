package io.sitrep.sinks.alertmanager;

import io.sitrep.sinks.delivery.DeliverySettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how alerts go to Alertmanager.
 *
 * @param url          the Alertmanager base URL ({@code --alertmanager-url} / {@code SITREP_ALERTMANAGER_URL})
 * @param generatorBase sitrep's own HTTP base URL for {@code generatorURL} links, or null for none
 * @param openFor      an open alert's {@code endsAt} is this long after it was sent: sitrep re-sends on every new
 *                     version and resolves after its quiet period (30 days by default), so Alertmanager's own
 *                     5-minute resolve timeout must not end it
 */
public record AlertmanagerSettings(URI url, URI generatorBase, Duration openFor) {
    public static final Duration DEFAULT_OPEN_FOR = Duration.ofDays(30);

    public AlertmanagerSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(openFor, "openFor");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("the Alertmanager URL must be http(s), not '" + url + "'");
        }
        if (openFor.isNegative() || openFor.isZero()) throw new IllegalArgumentException("openFor must be > 0");
    }

    public static AlertmanagerSettings of(URI url) {
        return new AlertmanagerSettings(url, null, DEFAULT_OPEN_FOR);
    }

    public AlertmanagerSettings withGeneratorBase(URI base) {
        return new AlertmanagerSettings(url, base, openFor);
    }

    /** {@code <url>/api/v2/alerts}, whether or not the configured URL ends with a slash. */
    public URI alertsEndpoint() {
        String base = url.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/v2/alerts");
    }

    public static DeliverySettings delivery() {
        return DeliverySettings.forSink("alertmanager");
    }
}
