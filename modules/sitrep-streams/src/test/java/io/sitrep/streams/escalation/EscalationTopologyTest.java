package io.sitrep.streams.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.Event;
import io.sitrep.model.avro.EventStatus;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.topic.Topics;
import io.sitrep.streams.StreamsProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationTopologyTest {
    private static final String IN = "test.enriched";
    private static final String OUT = "test.escalations";
    /** Day 0 of the tests: windows are UTC days. */
    private static final Instant D0 = Instant.parse("2026-01-10T00:00:00Z");
    private static final Place RAMADI = Place.newBuilder().setId("geonames:388349").setName("Ramadi").setLat(33.42)
            .setLon(43.3).setAdmin1("Al Anbar").setCountry("IQ").setKind("city").build();
    private static final Place MOSUL = Place.newBuilder().setId("geonames:99072").setName("Mosul").setLat(36.34)
            .setLon(43.13).setAdmin1("Nineveh").setCountry("IQ").setKind("city").build();

    @TempDir Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> in;
    private TestOutputTopic<String, EnrichedArticle> out;
    private int serial;

    @BeforeEach
    void start() {
        var props = StreamsProperties.of("unused:9092", "escalation-test", "escalation-test", stateDir, 1, 100, 1, null);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
        var serde = Topics.ARTICLES_ENRICHED.valueSerde();
        EscalationTopology.addTo(builder, builder.stream(IN, Consumed.with(Serdes.String(), serde).withName("test-source")))
                .to(OUT, Produced.with(Serdes.String(), serde).withName("test-sink"));
        driver = new TopologyTestDriver(builder.build(props), props);
        in = driver.createInputTopic(IN, Serdes.String().serializer(), serde.serializer());
        out = driver.createOutputTopic(OUT, Serdes.String().deserializer(), serde.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void event(String type, Place place, Instant at) {
        event(type, place, at, "Report " + (++serial) + " of an " + type.toLowerCase() + " near " + place.getName() + ".");
    }

    private void event(String type, Place place, Instant at, String evidence) {
        Event e = Event.newBuilder().setType(type).setStatus(EventStatus.ASSERTED).setConfidence(0.8).setPlace(place)
                .setEvidence(evidence).setRaisesAlert(true).setSeverity(Severity.MEDIUM).build();
        String id = "s" + (++serial);
        EnrichedArticle a = EnrichedArticle.newBuilder().setId(id).setArticleId(id).setText(evidence).setPublishedAt(at)
                .setContentHash(id).setEvents(List.of(e)).build();
        in.pipeInput(id, a, at);
    }

    /** {@code n} events on day {@code day}, an hour apart from 01:00. */
    private void day(int day, int n, String type, Place place) {
        for (int i = 0; i < n; i++) event(type, place, D0.plus(Duration.ofDays(day)).plus(Duration.ofHours(1 + i)));
    }

    @Test
    void steadyRatesNeverEscalate() {
        for (int d = 0; d < 14; d++) day(d, 3, "ATTACK", RAMADI);
        for (int d = 0; d < 14; d++) day(d, d % 2 == 0 ? 1 : 2, "ARMED_CLASH", MOSUL);
        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void aSpikeAgainstAQuietWeekRaisesExactlyOneEscalation() {
        for (int d = 0; d < 7; d++) day(d, d % 3 == 0 ? 1 : 0, "ATTACK", RAMADI);
        day(7, 7, "ATTACK", RAMADI);

        List<EnrichedArticle> raised = out.readValuesToList();
        assertThat(raised).as("raised once, when the window became a spike, not again at 5, 6 and 7").hasSize(1);
        EnrichedArticle esc = raised.get(0);
        assertThat(esc.getId()).isEqualTo("escalation:Al Anbar:ATTACK:2026-01-17T00:00:00Z");
        assertThat(esc.getPublishedAt()).as("the event time of the event that made it a spike")
                .isEqualTo(Instant.parse("2026-01-17T04:00:00Z"));
        Event e = esc.getEvents().get(0);
        assertThat(e.getType()).isEqualTo("ESCALATION");
        assertThat(e.getRaisesAlert()).isTrue();
        assertThat(e.getStatus()).isEqualTo(EventStatus.ASSERTED);
        assertThat(e.getPlace().getAdmin1()).isEqualTo("Al Anbar");
        assertThat(e.getPlace().getKind()).isEqualTo("governorate");
        assertThat(e.getPlace().getId()).startsWith("gov:");
        // history 1,0,0,1,0,0,1: mean 3/7 = 0.43, deviation 0.49 (floored to 1) → 4 is 3.6 deviations above
        assertThat(e.getEvidence()).isEqualTo("4 ATTACK events in Al Anbar in 24 h against a baseline of 0.4"
                + " (deviation 0.5, previous 7 windows)");
        assertThat(e.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(e.getQuantities()).containsEntry("count", 4L);
    }

    @Test
    void severityFollowsTheSizeOfTheSpike() {
        Spike medium = Spike.of(4, Baseline.of(new long[] {0, 0, 0}), EscalationSettings.defaults()).orElseThrow();
        Spike high = Spike.of(7, Baseline.of(new long[] {1, 1, 1}), EscalationSettings.defaults()).orElseThrow();
        Spike critical = Spike.of(15, Baseline.of(new long[] {1, 2, 1, 2}), EscalationSettings.defaults()).orElseThrow();
        assertThat(List.of(medium.severity(), high.severity(), critical.severity()))
                .containsExactly(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL);
        assertThat(Spike.of(3, Baseline.of(new long[] {0, 0, 0}), EscalationSettings.defaults()))
                .as("below the minimum count").isEmpty();
        assertThat(Spike.of(7, Baseline.of(new long[] {5, 6, 4, 5}), EscalationSettings.defaults()))
                .as("within 3 deviations of a busy region's mean").isEmpty();
    }

    @Test
    void otherRegionsAndTypesAreCountedApart() {
        for (int d = 0; d < 7; d++) day(d, 0, "ATTACK", RAMADI);
        event("ATTACK", RAMADI, D0.plus(Duration.ofHours(1)));
        day(7, 3, "ATTACK", RAMADI);
        day(7, 3, "ARMED_CLASH", RAMADI);
        day(7, 3, "ATTACK", MOSUL);
        assertThat(out.isEmpty()).as("3 + 3 + 3 events, but no region and type reaches 4").isTrue();
    }

    @Test
    void theSameReportRepublishedCountsOnce() {
        event("ATTACK", RAMADI, D0.plus(Duration.ofHours(1)));
        for (int i = 0; i < 8; i++) {
            event("ATTACK", RAMADI, D0.plus(Duration.ofDays(7)).plus(Duration.ofHours(1 + i)),
                    "Gunmen attacked a checkpoint near Ramadi on Friday.");
        }
        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void aBurstBeforeTheDetectorHasSeenEnoughHistoryIsNotASpike() {
        day(0, 9, "ATTACK", RAMADI);
        day(1, 9, "ATTACK", RAMADI);
        assertThat(out.isEmpty()).as("no baseline yet: unknown history is not an empty one").isTrue();
    }

    @Test
    void aSpikeThatGoesOnIntoTheNextWindowIsNotRaisedAgain() {
        event("ATTACK", RAMADI, D0.plus(Duration.ofHours(1)));
        day(7, 6, "ATTACK", RAMADI);
        day(8, 9, "ATTACK", RAMADI);
        assertThat(out.readValuesToList()).extracting(EnrichedArticle::getId)
                .containsExactly("escalation:Al Anbar:ATTACK:2026-01-17T00:00:00Z");
        // a quiet day ends it: a new spike after it is raised again
        event("ATTACK", RAMADI, D0.plus(Duration.ofDays(9)).plus(Duration.ofHours(1)));
        day(10, 16, "ATTACK", RAMADI);
        assertThat(out.readValuesToList()).extracting(EnrichedArticle::getId)
                .containsExactly("escalation:Al Anbar:ATTACK:2026-01-20T00:00:00Z");
    }

    @Test
    void aLateEventWithinGraceCountsInItsWindowAndOneBeyondGraceDoesNot() {
        event("ATTACK", RAMADI, D0.plus(Duration.ofHours(1)));
        day(7, 3, "ATTACK", RAMADI);
        // stream time moves into the next day, 3 h past the end of day 7's window (grace is 6 h)
        event("ARMED_CLASH", MOSUL, D0.plus(Duration.ofDays(8)).plus(Duration.ofHours(3)));
        assertThat(out.isEmpty()).isTrue();

        event("ATTACK", RAMADI, D0.plus(Duration.ofDays(7)).plus(Duration.ofHours(23)));
        assertThat(out.readValuesToList()).extracting(EnrichedArticle::getId)
                .containsExactly("escalation:Al Anbar:ATTACK:2026-01-17T00:00:00Z");

        // the same again in Nineveh, but the late event comes after the grace period: dropped
        event("ATTACK", MOSUL, D0.plus(Duration.ofDays(1)));
        day(8, 3, "ATTACK", MOSUL);
        event("ARMED_CLASH", RAMADI, D0.plus(Duration.ofDays(9)).plus(Duration.ofHours(7)));
        event("ATTACK", MOSUL, D0.plus(Duration.ofDays(8)).plus(Duration.ofHours(22)));
        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void eventsNotAssertedOrWithoutAGovernorateAreNotCounted() {
        event("ATTACK", RAMADI, D0.plus(Duration.ofHours(1)));
        Place noAdmin1 = Place.newBuilder(RAMADI).setAdmin1(null).build();
        for (int i = 0; i < 6; i++) event("ATTACK", noAdmin1, D0.plus(Duration.ofDays(7)).plusSeconds(60L * i));
        for (int i = 0; i < 6; i++) {
            Event e = Event.newBuilder().setType("ATTACK").setStatus(EventStatus.HISTORICAL).setConfidence(0.8)
                    .setPlace(RAMADI).setEvidence("Old attack " + i).build();
            Instant at = D0.plus(Duration.ofDays(7)).plusSeconds(600L * i);
            in.pipeInput("h" + i, EnrichedArticle.newBuilder().setId("h" + i).setArticleId("h" + i).setText("x")
                    .setPublishedAt(at).setContentHash("h" + i).setEvents(List.of(e)).build(), at);
        }
        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void settingsRejectNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EscalationSettings(Duration.ZERO, Duration.ZERO, 7, 3, 4, 3, 1))
                .hasMessageContaining("window");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EscalationSettings(Duration.ofHours(1), Duration.ZERO, 2, 3, 4, 3, 1))
                .hasMessageContaining("minBaselineWindows");
    }
}
