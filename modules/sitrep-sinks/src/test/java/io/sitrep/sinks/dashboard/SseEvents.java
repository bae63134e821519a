package io.sitrep.sinks.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A test SSE client: collects the events of one connection, as an EventSource would parse them. */
final class SseEvents implements AutoCloseable {
    record Event(String name, String data, String id) {}

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    volatile int status;

    SseEvents(HttpClient http, String url, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
        response = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            status = r.statusCode();
            String name = "message", id = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) events.add(new Event(name, data.substring(0, data.length() - 1), id));
                    name = "message";
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) comments.add(line.substring(1).trim());
                else if (line.startsWith("event:")) name = line.substring(6).trim();
                else if (line.startsWith("id:")) id = line.substring(3).trim();
                else if (line.startsWith("data:")) data.append(line.substring(5).stripLeading()).append('\n');
            }
        });
    }

    List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    String lastId() {
        return events.stream().map(Event::id).filter(i -> i != null).reduce((a, b) -> b).orElse(null);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
