package io.sitrep.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cheap look for any sign of a Docker engine before asking Testcontainers, which logs an ERROR on every
 * machine without one (like this project's CI). Any hint means "ask Testcontainers"; it has the last word.
 */
final class DockerHints {
    private DockerHints() {}

    static boolean anyPresent(Map<String, String> env, String userHome) {
        if (env.containsKey("DOCKER_HOST") || env.containsKey("TESTCONTAINERS_HOST_OVERRIDE")
                || env.containsKey("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE")) {
            return true;
        }
        return candidatePaths(env, userHome).stream().anyMatch(Files::exists);
    }

    private static List<Path> candidatePaths(Map<String, String> env, String userHome) {
        List<Path> paths = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock")));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            paths.add(Path.of(runtimeDir, "docker.sock"));
            paths.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        if (userHome != null) {
            Path home = Path.of(userHome);
            paths.add(home.resolve(".testcontainers.properties"));
            paths.add(home.resolve(".docker/run/docker.sock"));
            paths.add(home.resolve(".docker/desktop/docker.sock"));
            paths.add(home.resolve(".colima/default/docker.sock"));
            paths.add(home.resolve(".rd/docker.sock"));
        }
        return paths;
    }
}
