package io.sitrep.app.sinks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A webhook receiver on a free port that records what it accepts. {@code down} makes it answer 503; {@code
 * verdict} may refuse a request with a status of its choice.
 */
final class RecordingReceiver implements AutoCloseable {
    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> accepted = new ArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;
    private volatile Function<Received, Integer> verdict = r -> 200;

    RecordingReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void down(boolean down) {
        this.down = down;
    }

    void verdict(Function<Received, Integer> verdict) {
        this.verdict = verdict;
    }

    int unavailableAnswers() {
        return unavailable.get();
    }

    int refusedAnswers() {
        return refused.get();
    }

    synchronized List<Received> accepted() {
        return List.copyOf(accepted);
    }

    private void handle(HttpExchange ex) throws IOException {
        Received r = new Received(Map.copyOf(ex.getRequestHeaders()), ex.getRequestBody().readAllBytes());
        int status;
        if (down) {
            status = 503;
            unavailable.incrementAndGet();
        } else {
            status = verdict.apply(r);
            if (status == 200) {
                synchronized (this) {
                    accepted.add(r);
                }
            } else {
                refused.incrementAndGet();
            }
        }
        byte[] answer = (status == 200 ? "ok" : "no: status " + status).getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, answer.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
