package io.sitrep.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerHintsTest {
    @TempDir
    Path home;

    @Test
    void dockerHostVariableIsAHint() {
        assertThat(DockerHints.anyPresent(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375"), home.toString())).isTrue();
    }

    @Test
    void aTestcontainersConfigurationInTheHomeDirectoryIsAHint() throws Exception {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://10.0.0.1:2375\n");
        assertThat(DockerHints.anyPresent(Map.of(), home.toString())).isTrue();
    }

    @Test
    void aRootlessSocketIsAHint() throws Exception {
        Path runtime = Files.createDirectories(home.resolve("run"));
        Files.createFile(runtime.resolve("docker.sock"));
        assertThat(DockerHints.anyPresent(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home.toString())).isTrue();
    }

    @Test
    void nothingAroundMeansNoHintUnlessTheSystemSocketExists() {
        boolean systemSocket = Files.exists(Path.of("/var/run/docker.sock")) || Files.exists(Path.of("/run/docker.sock"));
        assertThat(DockerHints.anyPresent(Map.of(), home.toString())).isEqualTo(systemSocket);
    }
}
