package io.sitrep.streams.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.Article;
import io.sitrep.model.topic.Topics;
import io.sitrep.nlp.Analysis;
import io.sitrep.nlp.ArticleText;
import io.sitrep.nlp.DetectedEvent;
import io.sitrep.nlp.EventStatus;
import io.sitrep.nlp.PlaceRef;
import io.sitrep.nlp.SegmentAnalysis;
import io.sitrep.streams.SitrepTopology;
import io.sitrep.streams.StreamsProperties;
import io.sitrep.streams.alerts.AlertSettings;
import io.sitrep.streams.alerts.StoryBook;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An escalation goes the normal alert path of the whole application: it becomes an ESCALATION alert. */
class EscalationAlertTest {
    private static final PlaceRef RAMADI = new PlaceRef("geonames:388349", "Ramadi", 33.42, 43.3, "Al Anbar", "IQ", "city");
    private static final Instant D0 = Instant.parse("2026-01-10T00:00:00Z");

    /** Every article is one attack in Ramadi; its body is the evidence sentence. Not alert-raising itself. */
    private static final Function<ArticleText, Analysis> ANALYZER = a -> new Analysis(a.id(), List.of(new SegmentAnalysis(
            0, a.title(), a.body(), a.publishedAt(), a.source(), "en", List.of(), List.of(RAMADI),
            List.of(new DetectedEvent("ATTACK", EventStatus.ASSERTED, 0.8, RAMADI, List.of(), a.body(), Map.of(), false,
                    io.sitrep.nlp.Severity.LOW, "attack")))));

    @TempDir Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> raw;
    private TestOutputTopic<String, Alert> alerts;
    private int serial;

    @BeforeEach
    void start() {
        var props = StreamsProperties.of("unused:9092", "escalation-alert-test", "escalation-alert-test", stateDir, 1, 100, 1, null);
        driver = new TopologyTestDriver(SitrepTopology.build(props, ANALYZER, AlertSettings.defaults()), props);
        raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(), Topics.ARTICLES_RAW.keySerde().serializer(),
                Topics.ARTICLES_RAW.valueSerde().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void attack(Instant at) {
        String id = "a" + (++serial);
        Article a = Article.newBuilder().setId(id).setSource("Outlet " + serial).setTitle("Attack " + serial)
                .setBody("Gunmen attacked checkpoint number " + serial + " near Ramadi.").setPublishedAt(at)
                .setOrigin("test").build();
        raw.pipeInput(id, a, at);
    }

    @Test
    void aSpikeOfAttacksBecomesOneEscalationAlert() {
        attack(D0.plus(Duration.ofHours(2)));
        for (int i = 0; i < 8; i++) attack(D0.plus(Duration.ofDays(7)).plus(Duration.ofHours(1 + i)));

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).as("the attacks themselves raise nothing; the spike raises one alert").hasSize(1);
        Alert a = out.get(0);
        assertThat(a.getType()).isEqualTo("ESCALATION");
        assertThat(a.getStatus()).isEqualTo(AlertStatus.OPEN);
        assertThat(StoryBook.typeOf(a.getId())).as("operator actions can be routed to it").isEqualTo("ESCALATION");
        assertThat(a.getPlace().getAdmin1()).isEqualTo("Al Anbar");
        assertThat(a.getEvidence()).singleElement().asString().startsWith("4 ATTACK events in Al Anbar in 24 h");
        assertThat(a.getFirstSeen()).isEqualTo(Instant.parse("2026-01-17T04:00:00Z"));
    }
}
