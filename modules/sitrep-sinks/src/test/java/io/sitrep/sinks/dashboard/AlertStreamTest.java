package io.sitrep.sinks.dashboard;

import static io.sitrep.sinks.dashboard.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sitrep.model.avro.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertStreamTest {
    private final InMemoryAlertLog topic = new InMemoryAlertLog(2);
    private final Alerts.Table table = new Alerts.Table();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Recorder sink = new Recorder();

    record Event(String kind, String alertId, int version, String id) {}

    static final class Recorder implements AlertStream.Sink {
        final List<Event> events = new CopyOnWriteArrayList<>();
        volatile boolean open = true;
        volatile CountDownLatch blockLive; // when set, the first live alert blocks until released

        @Override
        public void alert(Alert a, String id) {
            events.add(new Event("alert", a.getId(), a.getVersion(), id));
            CountDownLatch b = blockLive;
            if (b != null && id != null && events.stream().anyMatch(e -> e.kind().equals("ready"))) {
                try {
                    b.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override public void ready(int n, String id) { events.add(new Event("ready", null, n, id)); }
        @Override public void keepAlive() { events.add(new Event("keep-alive", null, 0, null)); }
        @Override public boolean open() { return open; }

        List<String> alerts() {
            return events.stream().filter(e -> e.kind().equals("alert")).map(e -> e.alertId() + "@" + e.version()).toList();
        }

        String lastId() {
            return events.stream().map(Event::id).filter(i -> i != null).reduce((a, b) -> b).orElse(null);
        }

        boolean ready() {
            return events.stream().anyMatch(e -> e.kind().equals("ready"));
        }
    }

    @AfterEach
    void stop() {
        closing.set(true);
    }

    private CompletableFuture<Void> run(Optional<StreamPosition> lastEventId, AlertStream.Settings settings, Recorder to) {
        AlertStream s = new AlertStream(topic, table, settings, to);
        return CompletableFuture.runAsync(() -> {
            try {
                s.run(lastEventId, closing::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private CompletableFuture<Void> run(Optional<StreamPosition> lastEventId) {
        return run(lastEventId, AlertStream.Settings.defaults(), sink);
    }

    private void publish(int partition, Alert a) {
        topic.append(partition, a);
        table.put(a);
    }

    @Test
    void aNewClientGetsTheSnapshotWithoutIdsThenLiveAlertsWithTheirPositions() {
        publish(0, alert("a", 1, "first"));
        publish(1, alert("b", 1, "second"));
        topic.markAgo();
        run(Optional.empty());
        await().until(sink::ready);
        assertThat(sink.alerts()).containsExactlyInAnyOrder("a@1", "b@1");
        assertThat(sink.events.get(0).id()).isNull();
        assertThat(sink.events.get(2)).isEqualTo(new Event("ready", null, 2, "1.1"));

        publish(1, alert("b", 2, "second, corroborated"));
        publish(0, alert("c", 1, "third"));
        await().until(() -> sink.alerts().size() == 4);
        assertThat(sink.alerts()).endsWith("b@2", "c@1");
        assertThat(sink.events.get(3).id()).isEqualTo("1.2");
        assertThat(sink.events.get(4).id()).isEqualTo("2.2");
    }

    @Test
    void theSnapshotOverlapsTheRecentStreamSoALaggingStoreLeavesNoGap() {
        publish(0, alert("a", 1, "first"));
        topic.markAgo();
        topic.append(1, alert("b", 1, "not yet in the store")); // the store has not caught up with this one
        run(Optional.empty());
        await().until(sink::ready);
        assertThat(sink.alerts()).containsExactly("a@1", "b@1");
        assertThat(sink.events.get(1).id()).isEqualTo("1.1");
    }

    @Test
    void aReconnectingClientGetsExactlyWhatFollowsItsLastEventId() {
        publish(0, alert("a", 1, "x"));
        publish(1, alert("b", 1, "x"));
        publish(0, alert("a", 2, "x"));
        publish(1, alert("b", 2, "x"));
        topic.markAgo();
        // the client had seen a@1 and b@1 (partition 0 up to offset 1, partition 1 up to 1)
        run(Optional.of(StreamPosition.decode("1.1").orElseThrow()));
        await().until(sink::ready);
        assertThat(sink.alerts()).containsExactlyInAnyOrder("a@2", "b@2");
        assertThat(sink.events).filteredOn(e -> e.kind().equals("alert")).allSatisfy(e -> assertThat(e.id()).isNotNull());
        assertThat(sink.events).filteredOn(e -> e.kind().equals("ready")).singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo("2.2"));
    }

    @Test
    void anIdFromBeforeATopicResetGetsASnapshotInstead() {
        publish(0, alert("a", 1, "x"));
        topic.markAgo();
        run(Optional.of(StreamPosition.decode("9.9").orElseThrow()));
        await().until(sink::ready);
        assertThat(sink.alerts()).containsExactly("a@1");
        assertThat(sink.events.get(0).id()).isNull();
    }

    @Test
    void withoutQueryStateTheTopicItselfIsTheSnapshot() {
        table.ready = false;
        publish(0, alert("a", 1, "x"));
        publish(0, alert("a", 2, "x"));
        publish(1, alert("b", 1, "x"));
        topic.markAgo();
        run(Optional.empty());
        await().until(sink::ready);
        assertThat(sink.alerts()).containsExactlyInAnyOrder("a@1", "a@2", "b@1");
        assertThat(sink.events).filteredOn(e -> e.kind().equals("alert")).allSatisfy(e -> assertThat(e.id()).isNotNull());
    }

    @Test
    void tombstonesAdvanceThePositionWithoutAnEvent() {
        run(Optional.empty());
        await().until(sink::ready);
        topic.append(0, null);
        publish(0, alert("a", 1, "x"));
        await().until(() -> sink.alerts().size() == 1);
        assertThat(sink.lastId()).isEqualTo("2");
    }

    @Test
    void aClientTooSlowForItsQueueIsDisconnectedAndMissesNothingWhenItResumes() throws Exception {
        AlertStream.Settings small = new AlertStream.Settings(2, Duration.ofSeconds(15), Duration.ofSeconds(10), 100);
        sink.blockLive = new CountDownLatch(1);
        CompletableFuture<Void> done = run(Optional.empty(), small, sink);
        await().until(sink::ready);
        for (int v = 1; v <= 6; v++) publish(v % 2, alert("x" + v, 1, "x")); // the first blocks; the queue overflows
        sink.blockLive.countDown();
        done.get(10, TimeUnit.SECONDS); // the stream ended by itself
        assertThat(sink.alerts()).hasSizeLessThan(6);

        Recorder again = new Recorder();
        run(StreamPosition.decode(sink.lastId()), small, again);
        await().until(again::ready);
        List<String> all = new java.util.ArrayList<>(sink.alerts());
        all.addAll(again.alerts());
        assertThat(all).containsExactlyInAnyOrder("x1@1", "x2@1", "x3@1", "x4@1", "x5@1", "x6@1");
    }

    @Test
    void sendsKeepAlivesWhenIdleAndStopsWhenTheClientGoesAway() throws Exception {
        AlertStream.Settings quick = new AlertStream.Settings(10, Duration.ofMillis(300), Duration.ofSeconds(10), 100);
        CompletableFuture<Void> done = run(Optional.empty(), quick, sink);
        await().until(() -> sink.events.stream().anyMatch(e -> e.kind().equals("keep-alive")));
        sink.open = false;
        done.get(10, TimeUnit.SECONDS);
    }
}
