package io.sitrep.nlp.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.nlp.DetectedEvent;
import io.sitrep.nlp.EntityType;
import io.sitrep.nlp.EventStatus;
import io.sitrep.nlp.PlaceRef;
import io.sitrep.nlp.Severity;
import io.sitrep.nlp.clean.Segment;
import io.sitrep.nlp.entity.EntityMention;
import io.sitrep.nlp.place.PlaceMention;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventDetectorTest {
    private static final EventDetector detector = EventDetector.standard();
    private static final Instant PUBLISHED = Instant.parse("2026-01-21T12:00:00Z");

    private static List<DetectedEvent> detect(String text) {
        return detector.detect(new Segment(0, null, text, PUBLISHED, null, "en"), List.of(), List.of());
    }

    private static Optional<DetectedEvent> event(String text, String type) {
        return detect(text).stream().filter(e -> e.type().equals(type)).findFirst();
    }

    private static EventStatus status(String text, String type) {
        return event(text, type).orElseThrow(() -> new AssertionError("no " + type + " in: " + text)).status();
    }

    @Test
    void assertedEventsRaiseAlertsAtTheRuleSeverity() {
        DetectedEvent e = event("US forces began transferring 150 ISIS detainees from Hasakah to Iraq on Monday.", "DETAINEE_TRANSFER").orElseThrow();
        assertThat(e.status()).isEqualTo(EventStatus.ASSERTED);
        assertThat(e.raisesAlert()).isTrue();
        assertThat(e.severity()).isEqualTo(Severity.HIGH);
        assertThat(e.quantities()).containsEntry("transferred", 150L);
        assertThat(e.rule()).isEqualTo("detainee-transfer");
    }

    @Test
    void denialsAreNegated() {
        assertThat(status("There have been no infiltrations or clashes along the border.", "ARMED_CLASH")).isEqualTo(EventStatus.NEGATED);
        assertThat(status("There have been no infiltrations or clashes along the border.", "BORDER_INFILTRATION")).isEqualTo(EventStatus.NEGATED);
        assertThat(status("The army denied reports of clashes near Qaim.", "ARMED_CLASH")).isEqualTo(EventStatus.NEGATED);
        assertThat(status("There is no need to send more troops to the border.", "FORCE_DEPLOYMENT")).isEqualTo(EventStatus.NEGATED);
        assertThat(event("There have been no infiltrations or clashes along the border.", "ARMED_CLASH").orElseThrow().raisesAlert()).isFalse();
    }

    @Test
    void aDenialDoesNotReachAcrossAClause() {
        String text = "While the military denied reports of clashes along the border, an official confirmed the killing of two militants.";
        assertThat(status(text, "ARMED_CLASH")).isEqualTo(EventStatus.NEGATED);
        assertThat(status(text, "MILITANTS_KILLED")).isEqualTo(EventStatus.ASSERTED);
    }

    @Test
    void plansArePlannedAndAlertOnlyWhereThePackSays() {
        DetectedEvent delegation = event("Baghdad is preparing to send a security delegation to Damascus.", "SECURITY_COORDINATION").orElseThrow();
        assertThat(delegation.status()).isEqualTo(EventStatus.PLANNED);
        assertThat(delegation.raisesAlert()).isTrue();
        assertThat(delegation.severity()).isEqualTo(Severity.LOW);
        assertThat(status("The army will deploy two brigades to the frontier.", "FORCE_DEPLOYMENT")).isEqualTo(EventStatus.PLANNED);
        DetectedEvent attack = event("ISIS has threatened to attack army checkpoints again.", "ATTACK").orElseThrow();
        assertThat(attack.status()).isEqualTo(EventStatus.PLANNED);
        assertThat(attack.raisesAlert()).isFalse();
    }

    @Test
    void conditionsAndPossibilitiesAreHypothetical() {
        assertThat(status("Amid concerns over potential ISIS infiltrations across the border, the command urged calm.", "BORDER_INFILTRATION"))
                .isEqualTo(EventStatus.HYPOTHETICAL);
        assertThat(status("If talks fail, it could become a target of an Israeli military strike.", "ATTACK"))
                .isEqualTo(EventStatus.HYPOTHETICAL);
        assertThat(status("Guards work to prevent smuggling across the border.", "BORDER_INFILTRATION"))
                .isEqualTo(EventStatus.HYPOTHETICAL);
    }

    @Test
    void datedBackgroundAndTotalsAreHistorical() {
        DetectedEvent total = event("Security forces conducted airstrikes in 2025, killing more than 90 ISIS militants.", "MILITANTS_KILLED").orElseThrow();
        assertThat(total.status()).isEqualTo(EventStatus.HISTORICAL);
        assertThat(total.raisesAlert()).isFalse();
        assertThat(total.quantities()).containsEntry("killed", 90L);
        assertThat(status("Clashes erupted near Raqqa in March 2025.", "ARMED_CLASH")).isEqualTo(EventStatus.HISTORICAL);
        assertThat(status("The desert has historically been exploited for smuggling across the border.", "BORDER_INFILTRATION"))
                .isEqualTo(EventStatus.HISTORICAL);
        // a recent date, or a date that names something ("the March 10 agreement"), is no history
        assertThat(status("Clashes erupted near Raqqa on January 19.", "ARMED_CLASH")).isEqualTo(EventStatus.ASSERTED);
        assertThat(status("Recent clashes undermined the March 10 agreement.", "ARMED_CLASH")).isEqualTo(EventStatus.ASSERTED);
    }

    @Test
    void rolesAndExclusionsKeepLookAlikesOut() {
        assertThat(detect("The Syrian energy minister arrived with a delegation for talks on energy cooperation.")).isEmpty();
        assertThat(detect("The ministry announced a transfer of power to the new council.")).isEmpty();
        assertThat(detect("The water ministry's crisis cell met to discuss falling river levels.")).isEmpty();
        assertThat(event("Two militants were killed in a preemptive operation.", "MILITANTS_KILLED")).isPresent();
        assertThat(event("An ISIS ambush killed five soldiers in the desert.", "MILITANTS_KILLED")).isEmpty();
    }

    @Test
    void eventsOfOneTypeInASegmentMergeKeepingTheBestAndTheLargestCounts() {
        List<DetectedEvent> events = detect("An official confirmed the killing of militants in Anbar. "
                + "He said two militants were recently killed in a preemptive operation. "
                + "Officials reported the deaths of ISIS militants in 2019.");
        assertThat(events).filteredOn(e -> e.type().equals("MILITANTS_KILLED")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(EventStatus.ASSERTED);
            assertThat(e.quantities()).containsEntry("killed", 2L);
        });
    }

    @Test
    void militantsKilledSeverityGrowsWithTheCount() {
        assertThat(event("Troops killed two militants near Rutba.", "MILITANTS_KILLED").orElseThrow().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(event("Troops killed 12 militants near Rutba.", "MILITANTS_KILLED").orElseThrow().severity()).isEqualTo(Severity.HIGH);
        assertThat(event("Airstrikes killed dozens of ISIS militants and 30 fighters.", "MILITANTS_KILLED").orElseThrow().severity())
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void actorsPlaceAndEvidenceComeFromTheSentence() {
        String text = "Iraq formed a crisis cell on Monday. The SDF accused Damascus of repeated ceasefire violations near Raqqa.";
        int sdf = text.indexOf("SDF");
        int damascus = text.indexOf("Damascus");
        int raqqa = text.indexOf("Raqqa");
        PlaceRef raqqaRef = new PlaceRef("sy-raqqa", "Raqqa", 35.95, 39.01, "Ar Raqqah", "SY", "city");
        PlaceRef syria = new PlaceRef("sy", "Syria", 35.0, 38.0, null, "SY", "country");
        List<EntityMention> entities = List.of(
                new EntityMention("group:sdf", EntityType.ARMED_GROUP, "Syrian Democratic Forces", "SDF", sdf, sdf + 3, null),
                new EntityMention("place:damascus-gov", EntityType.ORGANIZATION, "Damascus government", "Damascus", damascus, damascus + 8, null));
        List<PlaceMention> places = List.of(new PlaceMention(syria, "Syria", 0, 0), new PlaceMention(raqqaRef, "Raqqa", raqqa, raqqa + 5));
        DetectedEvent e = detector.detect(new Segment(0, null, text, PUBLISHED, null, "en"), entities, places).stream()
                .filter(x -> x.type().equals("CEASEFIRE_BREACH")).findFirst().orElseThrow();
        assertThat(e.actors()).containsExactly("Syrian Democratic Forces", "Damascus government");
        assertThat(e.place()).isEqualTo(raqqaRef);
        assertThat(e.evidence()).isEqualTo("The SDF accused Damascus of repeated ceasefire violations near Raqqa.");
        assertThat(e.confidence()).isBetween(0.5, 0.95);
    }

    @Test
    void hedgesLowerConfidence() {
        double plain = event("Clashes erupted near Raqqa.", "ARMED_CLASH").orElseThrow().confidence();
        double hedged = event("Clashes reportedly erupted near Raqqa.", "ARMED_CLASH").orElseThrow().confidence();
        assertThat(hedged).isLessThan(plain);
    }

    @Test
    void emptyOrEventlessTextGivesNoEvents() {
        assertThat(detect("")).isEmpty();
        assertThat(detector.detect(new Segment(0, null, null, null, null, null), null, null)).isEmpty();
        assertThat(detect("The weather in Baghdad was mild on Sunday.")).isEmpty();
    }
}
