package io.sitrep.sinks.http;

import io.javalin.config.JavalinConfig;

/**
 * A part of the HTTP surface (alerts API, dashboard, CAP, GeoJSON, ...). Each registers its own routes, every
 * route with the {@link Role} it requires; {@link AccessControl} enforces them.
 */
@FunctionalInterface
public interface HttpFeature {
    void register(JavalinConfig config);
}
