package io.sitrep.app.sinks;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** A real {@code prometheus-alertmanager} (Debian package) on a free port, notifying a webhook receiver. */
final class AlertmanagerProcess implements AutoCloseable {
    private static final String BINARY = "prometheus-alertmanager";

    private final Process process;
    private final URI url;
    private final Path log;

    private AlertmanagerProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Arrays.stream(path.split(File.pathSeparator)).map(d -> Path.of(d, BINARY))
                .filter(Files::isExecutable).findFirst();
    }

    /** Starts Alertmanager with one route to {@code receiver}, grouping by alert id, waiting 1 s at most. */
    static AlertmanagerProcess start(Path binary, Path dir, URI receiver) throws IOException {
        int port = freePort();
        Path config = dir.resolve("am.yml");
        Files.writeString(config, """
                route:
                  receiver: sitrep-test
                  group_by: ['alert_id']
                  group_wait: 200ms
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: sitrep-test
                    webhook_configs:
                      - url: '%s'
                        send_resolved: true
                """.formatted(receiver));
        Path storage = Files.createDirectories(dir.resolve("data"));
        Path log = dir.resolve("alertmanager.log");
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.path=" + storage,
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerProcess am = new AlertmanagerProcess(p, URI.create("http://127.0.0.1:" + port), log);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            if (!p.isAlive()) throw new IllegalStateException("alertmanager exited: " + Files.readString(log));
            return http.send(HttpRequest.newBuilder(am.url.resolve("/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
        return am;
    }

    URI url() {
        return url;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
