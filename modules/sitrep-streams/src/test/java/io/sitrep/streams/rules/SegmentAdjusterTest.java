package io.sitrep.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.Entity;
import io.sitrep.model.avro.Event;
import io.sitrep.model.avro.EventStatus;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentAdjusterTest {
    static final Place AIN_AL_ASAD = Place.newBuilder().setId("site:ain-al-asad").setName("Ain al-Asad Air Base")
            .setLat(33.79).setLon(42.44).setAdmin1("Al Anbar").setCountry("IQ").setKind("airbase").build();
    static final Place HASAKAH = Place.newBuilder().setId("geonames:173814").setName("Al-Hasakah")
            .setLat(36.5).setLon(40.75).setAdmin1("Al-Hasakah").setCountry("SY").setKind("city").build();
    static final Entity ISIS = Entity.newBuilder().setId("group:isis").setType("ARMED_GROUP").setName("Islamic State")
            .setMentions(List.of("Daesh")).build();

    private final RuleCompiler compiler = RuleCompiler.standard();
    private final SegmentAdjuster adjuster = new SegmentAdjuster(RuleVocabulary.standard());

    static Event event(String type, EventStatus status, Severity severity, boolean raises, Place place, String evidence, String... actors) {
        return Event.newBuilder().setType(type).setStatus(status).setConfidence(0.8).setPlace(place)
                .setActors(Arrays.asList(actors)).setEvidence(evidence).setQuantities(Map.of()).setRaisesAlert(raises)
                .setSeverity(severity).setRule(type.toLowerCase().replace('_', '-')).build();
    }

    static EnrichedArticle segment(String text, List<Place> places, List<Entity> entities, Event... events) {
        return EnrichedArticle.newBuilder().setId("a1#0").setArticleId("a1").setHeadline("Rockets hit a base").setText(text)
                .setPublishedAt(Instant.parse("2026-01-21T10:00:00Z")).setContentHash("h").setPlaces(places)
                .setEntities(entities).setEvents(Arrays.asList(events)).build();
    }

    private List<OperatorRule> rules(String... yaml) {
        return Arrays.stream(yaml).map(y -> compiler.compile(RuleCompilerTest.yaml(y))).toList();
    }

    private static final String ATTACK_TEXT = "Three rockets struck Ayn al-Asad air base in western Anbar on Tuesday.";
    private static final String AYN_AL_ASAD = """
            id: ayn-al-asad-attack
            match: {types: [ATTACK], regions: [Al-Anbar], places: [Ayn al-Asad]}
            action: {setSeverity: CRITICAL, tags: [base-threat]}
            """;

    @Test
    void anAttackInAnbarNamingAynAlAsadBecomesCriticalAndNamesTheRule() {
        EnrichedArticle s = segment(ATTACK_TEXT, List.of(AIN_AL_ASAD), List.of(),
                event("ATTACK", EventStatus.ASSERTED, Severity.HIGH, true, AIN_AL_ASAD, ATTACK_TEXT));

        Event e = adjuster.adjust(s, rules(AYN_AL_ASAD)).getEvents().get(0);

        assertThat(e.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(e.getRule()).isEqualTo("attack operator:ayn-al-asad-attack tag:base-threat");
        assertThat(e.getRaisesAlert()).isTrue();
    }

    @Test
    void theRuleLeavesOtherTypesOtherRegionsAndNonAlertingEventsAlone() {
        EnrichedArticle elsewhere = segment("Rockets hit Hasakah.", List.of(HASAKAH), List.of(),
                event("ATTACK", EventStatus.ASSERTED, Severity.HIGH, true, HASAKAH, "Rockets hit Hasakah."));
        EnrichedArticle clash = segment(ATTACK_TEXT, List.of(AIN_AL_ASAD), List.of(),
                event("ARMED_CLASH", EventStatus.ASSERTED, Severity.HIGH, true, AIN_AL_ASAD, ATTACK_TEXT));
        EnrichedArticle feared = segment(ATTACK_TEXT, List.of(AIN_AL_ASAD), List.of(),
                event("ATTACK", EventStatus.HYPOTHETICAL, Severity.INFO, false, AIN_AL_ASAD, "An attack on Ayn al-Asad could follow."));

        for (EnrichedArticle s : List.of(elsewhere, clash, feared)) {
            assertThat(adjuster.adjust(s, rules(AYN_AL_ASAD))).as(s.getText()).isSameAs(s);
        }
    }

    @Test
    void watchingAnActorRaisesAWatchForAnySegmentNamingItWithTheSentenceAsEvidence() {
        String text = "Officials met in Hasakah on Monday. Daesh cells were seen near the camp.";
        EnrichedArticle s = segment(text, List.of(HASAKAH), List.of(ISIS));

        EnrichedArticle out = adjuster.adjust(s, rules("""
                id: watch-isis
                match: {actors: [group:isis]}
                action: {raiseAlert: {severity: HIGH}, tags: [actor-watch]}
                """));

        assertThat(out.getEvents()).singleElement().satisfies(w -> {
            assertThat(w.getType()).isEqualTo("WATCH");
            assertThat(w.getRaisesAlert()).isTrue();
            assertThat(w.getSeverity()).isEqualTo(Severity.HIGH);
            assertThat(w.getStatus()).isEqualTo(EventStatus.ASSERTED);
            assertThat(w.getEvidence()).isEqualTo("Daesh cells were seen near the camp.");
            assertThat(w.getActors()).containsExactly("Islamic State");
            assertThat(w.getPlace()).isEqualTo(HASAKAH);
            assertThat(w.getRule()).isEqualTo("operator:watch-isis tag:actor-watch");
        });
    }

    @Test
    void aKeywordWatchListMatchesFoldedSpellingsAndNothingElse() {
        List<OperatorRule> camps = rules("""
                id: camps
                match: {keywords: [al-Hol, "Ghuwayran*"]}
                action: {raiseAlert: {severity: MEDIUM}}
                """);
        EnrichedArticle hol = segment("Families left the camp.\nA convoy reached Al Hol camp at dawn.", List.of(), List.of());
        EnrichedArticle prison = segment("Guards at GHUWAYRAN prison were reinforced.", List.of(), List.of());
        EnrichedArticle neither = segment("Holidays began; the Holiday Inn reopened.", List.of(), List.of());

        assertThat(adjuster.adjust(hol, camps).getEvents()).singleElement()
                .satisfies(w -> assertThat(w.getEvidence()).isEqualTo("A convoy reached Al Hol camp at dawn."));
        assertThat(adjuster.adjust(prison, camps).getEvents()).hasSize(1);
        assertThat(adjuster.adjust(neither, camps)).isSameAs(neither);
    }

    @Test
    void bumpingAndConflictingOverridesResolveBySeverityNotByOrder() {
        EnrichedArticle s = segment("Daesh fighters attacked a checkpoint.", List.of(HASAKAH), List.of(ISIS),
                event("ATTACK", EventStatus.ASSERTED, Severity.MEDIUM, true, HASAKAH, "Daesh fighters attacked a checkpoint.",
                        "Islamic State"));
        String bump = "id: bump-isis\nmatch: {actors: [ISIS, Daesh]}\naction: {bumpSeverity: 1}\n";
        String low = "id: a-low\nmatch: {types: [ATTACK]}\naction: {setSeverity: LOW}\n";
        String high = "id: z-high\nmatch: {types: [ATTACK]}\naction: {setSeverity: HIGH}\n";

        assertThat(adjuster.adjust(s, rules(bump)).getEvents().get(0).getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(adjuster.adjust(s, rules(low, high)).getEvents().get(0).getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(adjuster.adjust(s, rules(high, low)).getEvents().get(0).getSeverity()).isEqualTo(Severity.HIGH);
        Event both = adjuster.adjust(s, rules(low, high, bump)).getEvents().get(0);
        assertThat(both.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(both.getRule()).isEqualTo("attack operator:a-low operator:z-high operator:bump-isis");
    }

    @Test
    void aDisabledRuleChangesNothing() {
        EnrichedArticle s = segment(ATTACK_TEXT, List.of(AIN_AL_ASAD), List.of(),
                event("ATTACK", EventStatus.ASSERTED, Severity.HIGH, true, AIN_AL_ASAD, ATTACK_TEXT));
        assertThat(adjuster.adjust(s, rules(AYN_AL_ASAD.replace("match:", "enabled: false\nmatch:")))).isSameAs(s);
    }

    @Test
    void anEventScopedWatchCanLookAtStatusesThatRaiseNoAlert() {
        String text = "Officials warned an attack on Ayn al-Asad could follow.";
        EnrichedArticle s = segment(text, List.of(AIN_AL_ASAD), List.of(),
                event("ATTACK", EventStatus.HYPOTHETICAL, Severity.INFO, false, AIN_AL_ASAD, text));
        EnrichedArticle out = adjuster.adjust(s, rules("""
                id: feared-base-attacks
                match: {types: [ATTACK], statuses: [HYPOTHETICAL], places: [site:ain-al-asad]}
                action: {raiseAlert: {severity: LOW}}
                """));
        assertThat(out.getEvents()).hasSize(2);
        assertThat(out.getEvents().get(0)).as("the feared attack itself still raises nothing").isEqualTo(s.getEvents().get(0));
        assertThat(out.getEvents().get(1).getType()).isEqualTo("WATCH");
        assertThat(out.getEvents().get(1).getEvidence()).isEqualTo(text);
    }
}
