package io.sitrep.streams.situation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.model.avro.ActorActivity;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.RegionStatus;
import io.sitrep.model.avro.Report;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.avro.Story;
import io.sitrep.model.query.ActorSummary;
import io.sitrep.model.query.RegionSummary;
import io.sitrep.model.query.Situation;
import io.sitrep.model.topic.Topics;
import io.sitrep.nlp.place.Governorates;
import io.sitrep.streams.StreamsProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SituationTopologyTest {
    private static final Instant NOW = Instant.parse("2026-01-21T12:00:00Z");
    private static final Place RAMADI = Place.newBuilder().setId("geonames:388349").setName("Ramadi").setLat(33.42)
            .setLon(43.3).setAdmin1("Al Anbar").setCountry("IQ").setKind("city").build();
    private static final Place HASAKAH = Place.newBuilder().setId("geonames:173814").setName("Al-Hasakah").setLat(36.5)
            .setLon(40.75).setAdmin1("Al-Hasakah").setCountry("SY").setKind("city").build();

    @TempDir Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Alert> alerts;
    private TestInputTopic<String, Story> stories;
    private TestOutputTopic<String, RegionStatus> regionsOut;

    @BeforeEach
    void start() {
        var props = StreamsProperties.of("unused:9092", "situation-test", "situation-test", stateDir, 1, 100, 1, null);
        driver = new TopologyTestDriver(SituationTopology.build(props, SituationSettings.defaults()), props);
        alerts = driver.createInputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer());
        stories = driver.createInputTopic(Topics.STORIES.name(), Topics.STORIES.keySerde().serializer(),
                Topics.STORIES.valueSerde().serializer());
        regionsOut = driver.createOutputTopic(Topics.SITUATION_REGIONS.name(), Topics.SITUATION_REGIONS.keySerde().deserializer(),
                Topics.SITUATION_REGIONS.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** An alert first seen at {@code first}, with one independent report at each of {@code reports}. */
    private static Alert alert(String id, String type, Severity severity, AlertStatus status, Place place,
                               List<String> actors, Instant... reports) {
        List<Report> rs = new ArrayList<>();
        for (int i = 0; i < reports.length; i++) {
            rs.add(Report.newBuilder().setArticleId(id + "-r" + i).setOutlet("outlet " + i).setPublishedAt(reports[i]).build());
        }
        // a re-published copy is not an event report
        rs.add(Report.newBuilder().setArticleId(id + "-dup").setOutlet("aggregator").setPublishedAt(reports[0])
                .setDuplicateOf(id + "-r0").build());
        return Alert.newBuilder().setId(id).setType(type).setSeverity(severity).setStatus(status)
                .setHeadline(type + " " + id).setPlace(place).setActors(actors).setReports(rs)
                .setFirstSeen(reports[0]).setLastSeen(reports[reports.length - 1]).build();
    }

    private void pipe(Alert a) {
        alerts.pipeInput(a.getId(), a, a.getLastSeen());
    }

    private Situation<RegionSummary> regions() {
        KeyValueStore<String, RegionStatus> store = driver.getKeyValueStore(SituationTopology.REGIONS_GLOBAL_STORE);
        List<RegionStatus> all = new ArrayList<>();
        store.all().forEachRemaining(kv -> all.add(kv.value));
        return SituationViews.regions(all, Governorates.standard().all());
    }

    private Situation<ActorSummary> actors() {
        KeyValueStore<String, ActorActivity> store = driver.getKeyValueStore(SituationTopology.ACTORS_GLOBAL_STORE);
        List<ActorActivity> all = new ArrayList<>();
        store.all().forEachRemaining(kv -> all.add(kv.value));
        return SituationViews.actors(all);
    }

    private static RegionSummary region(Situation<RegionSummary> s, String name) {
        return s.items().stream().filter(r -> r.governorate().equals(name)).findFirst().orElseThrow();
    }

    private static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    @Test
    void aRegionShowsOpenAlertsLastEventAnd24hAnd7dCountsAsOfTheLatestEventTime() {
        pipe(alert("attack-1", "ATTACK", Severity.HIGH, AlertStatus.OPEN, RAMADI, List.of("ISIS"),
                ago(Duration.ofHours(30)), ago(Duration.ofHours(2))));
        pipe(alert("clash-1", "ARMED_CLASH", Severity.MEDIUM, AlertStatus.ACKNOWLEDGED, RAMADI, List.of(),
                ago(Duration.ofDays(5))));
        pipe(alert("attack-0", "ATTACK", Severity.CRITICAL, AlertStatus.RESOLVED, RAMADI, List.of(),
                ago(Duration.ofDays(6)), ago(Duration.ofDays(6))));
        pipe(alert("transfer-1", "DETAINEE_TRANSFER", Severity.HIGH, AlertStatus.OPEN, HASAKAH, List.of("CENTCOM"), NOW));

        Situation<RegionSummary> s = regions();
        assertThat(s.asOf()).as("now is the latest event time seen, not the wall clock").isEqualTo(NOW);
        RegionSummary anbar = region(s, "Al Anbar");
        assertThat(anbar.country()).isEqualTo("IQ");
        assertThat(anbar.openAlerts()).containsEntry("HIGH", 1).containsEntry("MEDIUM", 1).containsEntry("CRITICAL", 0);
        assertThat(anbar.openTotal()).isEqualTo(2);
        assertThat(anbar.lastEvent()).isEqualTo(new RegionSummary.LastEvent(ago(Duration.ofHours(2)), "ATTACK",
                "attack-1", "ATTACK attack-1"));
        assertThat(anbar.last24h()).isEqualTo(new RegionSummary.Counts(1, 0));
        assertThat(anbar.last7d()).isEqualTo(new RegionSummary.Counts(5, 3));

        assertThat(s.items().get(0).governorate()).as("the busiest region first").isEqualTo("Al Anbar");
        assertThat(region(s, "Al-Hasakah").last24h()).isEqualTo(new RegionSummary.Counts(1, 1));
        assertThat(region(s, "Diyala").openTotal()).as("every governorate is listed").isZero();
        assertThat(region(s, "Diyala").lastEvent()).isNull();
    }

    @Test
    void aNewVersionReplacesTheOldOneAndAResolvedAlertLeavesTheOpenCount() {
        Alert v1 = alert("attack-1", "ATTACK", Severity.MEDIUM, AlertStatus.OPEN, RAMADI, List.of(), ago(Duration.ofHours(3)));
        pipe(v1);
        pipe(Alert.newBuilder(v1).setSeverity(Severity.HIGH).setVersion(2).build());
        assertThat(region(regions(), "Al Anbar").openAlerts()).containsEntry("HIGH", 1).containsEntry("MEDIUM", 0);

        pipe(Alert.newBuilder(v1).setSeverity(Severity.HIGH).setStatus(AlertStatus.RESOLVED).setVersion(3).build());
        RegionSummary anbar = region(regions(), "Al Anbar");
        assertThat(anbar.openTotal()).isZero();
        assertThat(anbar.last24h().alerts()).as("a resolved alert still happened").isEqualTo(1);
    }

    @Test
    void anAlertThatMovesToAnotherRegionLeavesTheFirst() {
        Alert a = alert("attack-1", "ATTACK", Severity.HIGH, AlertStatus.OPEN, RAMADI, List.of(), NOW);
        pipe(a);
        pipe(Alert.newBuilder(a).setPlace(HASAKAH).setVersion(2).build());

        Situation<RegionSummary> s = regions();
        assertThat(region(s, "Al Anbar").openTotal()).isZero();
        assertThat(region(s, "Al-Hasakah").openTotal()).isEqualTo(1);
        assertThat(regionsOut.readKeyValuesToList()).extracting(kv -> kv.key + "=" + (kv.value == null ? "-" : kv.value.getAlerts().size()))
                .containsExactlyInAnyOrder("Al Anbar=1", "Al Anbar=-", "Al-Hasakah=1");
    }

    @Test
    void resolvedAlertsOlderThanTheRetentionAreForgottenOpenOnesAreKept() {
        pipe(alert("old-open", "ATTACK", Severity.LOW, AlertStatus.OPEN, RAMADI, List.of(), ago(Duration.ofDays(20))));
        pipe(alert("old-resolved", "ATTACK", Severity.LOW, AlertStatus.RESOLVED, RAMADI, List.of(), ago(Duration.ofDays(19))));
        pipe(alert("new", "ATTACK", Severity.LOW, AlertStatus.OPEN, RAMADI, List.of(), NOW));

        RegionStatus anbar = driver.<String, RegionStatus>getKeyValueStore(SituationTopology.REGIONS_GLOBAL_STORE).get("Al Anbar");
        assertThat(anbar.getAlerts()).extracting(d -> d.getId()).containsExactly("new", "old-open");
        assertThat(region(regions(), "Al Anbar").openAlerts()).containsEntry("LOW", 2);
    }

    @Test
    void actorsShowTheirAlertsReportsLastSeenTypesAndRegions() {
        pipe(alert("attack-1", "ATTACK", Severity.HIGH, AlertStatus.OPEN, RAMADI, List.of("ISIS", "Iraqi Army"),
                ago(Duration.ofDays(2)), ago(Duration.ofDays(1))));
        pipe(alert("attack-2", "ATTACK", Severity.HIGH, AlertStatus.OPEN, HASAKAH, List.of("ISIS"), ago(Duration.ofHours(5))));
        pipe(alert("transfer-1", "DETAINEE_TRANSFER", Severity.HIGH, AlertStatus.OPEN, HASAKAH, List.of("ISIS", "CENTCOM"), NOW));
        // the army is no longer named in a later version of attack-1
        pipe(Alert.newBuilder(alert("attack-1", "ATTACK", Severity.HIGH, AlertStatus.OPEN, RAMADI, List.of("ISIS"),
                ago(Duration.ofDays(2)), ago(Duration.ofDays(1)))).setVersion(2).build());

        Situation<ActorSummary> s = actors();
        assertThat(s.asOf()).isEqualTo(NOW);
        assertThat(s.items()).extracting(ActorSummary::actor).containsExactly("ISIS", "CENTCOM");
        ActorSummary isis = s.items().get(0);
        assertThat(isis.alerts()).isEqualTo(3);
        assertThat(isis.reports()).isEqualTo(4);
        assertThat(isis.lastSeen()).isEqualTo(NOW);
        assertThat(isis.types()).containsExactly("ATTACK", "DETAINEE_TRANSFER");
        assertThat(isis.regions()).containsExactly("Al-Hasakah", "Al Anbar");
    }

    @Test
    void storiesAreServedFromTheGlobalStoryTable() {
        Story story = Story.newBuilder().setId("attack-1").setType("ATTACK").setFirstSeen(NOW).setLastSeen(NOW).build();
        stories.pipeInput(story.getId(), story, NOW);
        KeyValueStore<String, Story> store = driver.getKeyValueStore(SituationTopology.STORIES_GLOBAL_STORE);
        assertThat(store.get("attack-1")).isEqualTo(story);
    }
}
