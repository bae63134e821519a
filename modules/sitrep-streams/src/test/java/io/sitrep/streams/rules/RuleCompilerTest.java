package io.sitrep.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.Severity;
import io.sitrep.streams.rules.OperatorRule.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {
    private final RuleCompiler compiler = RuleCompiler.standard();

    static Rule yaml(String text) {
        return RuleFiles.parse("test.yaml", text).get(0);
    }

    private List<String> problems(String text) {
        try {
            compiler.compile(yaml(text));
        } catch (InvalidRuleException e) {
            return e.problems();
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void theAynAlAsadRuleCompilesWithFoldedNamesAndACanonicalGovernorate() {
        OperatorRule r = compiler.compile(yaml("""
                id: ayn-al-asad-attack
                match: {types: [attack], regions: [Anbar], places: [Ayn al-Asad]}
                action: {setSeverity: critical, tags: [base-threat]}
                """));
        assertThat(r.types()).containsExactly("ATTACK");
        assertThat(r.governorates()).containsExactly(RuleVocabulary.key("Al Anbar"));
        assertThat(r.placeNames()).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo(RuleVocabulary.key("Ain al Asad")));
        assertThat(r.setSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(r.scope()).isEqualTo(Scope.EVENTS);
        assertThat(r.enabled()).isTrue();
    }

    @Test
    void aRuleThatOnlyRaisesAWatchOnWordsLooksAtTheWholeSegment() {
        OperatorRule r = compiler.compile(yaml("""
                id: camps
                match: {keywords: [al-Hol]}
                action: {raiseAlert: {severity: HIGH}}
                """));
        assertThat(r.scope()).isEqualTo(Scope.SEGMENT);
        assertThat(r.raiseType()).isEqualTo("WATCH");
        assertThat(r.raiseSeverity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void everyProblemIsReportedWithAReasonAnOperatorCanActOn() {
        assertThat(problems("""
                id: Bad_Id
                match: {types: [BOMBING], statuses: [RUMOURED], regions: [Atlantis], minSeverity: SEVERE}
                action: {setSeverity: URGENT}
                """)).containsExactlyInAnyOrder(
                "bad id 'Bad_Id': 2-64 lower-case letters, digits and hyphens, starting with a letter or digit",
                "unknown type 'BOMBING': one of " + RuleVocabulary.standard().eventTypes(),
                "unknown status 'RUMOURED': one of [ASSERTED, PLANNED, HYPOTHETICAL, NEGATED, HISTORICAL]",
                "unknown region 'Atlantis': a governorate of Iraq or Syria (any usual spelling) or an ISO country code such as IQ",
                "bad severity 'SEVERE' in minSeverity: one of [CRITICAL, HIGH, MEDIUM, LOW, INFO]",
                "bad severity 'URGENT' in setSeverity: one of [CRITICAL, HIGH, MEDIUM, LOW, INFO]");
    }

    @Test
    void anEmptyMatchOrActionIsRefused() {
        assertThat(problems("id: nothing\naction: {setSeverity: HIGH}\n")).contains(
                "empty match: give at least one of types, statuses, regions, places, actors, keywords, patterns, minSeverity");
        assertThat(problems("id: nothing\nmatch: {types: [ATTACK]}\n"))
                .containsExactly("empty action: give setSeverity, bumpSeverity, raiseAlert or tags");
    }

    @Test
    void costlyOrBrokenRegularExpressionsAreRefused() {
        assertThat(problems("id: redos\nmatch: {patterns: ['(a+)+$']}\naction: {tags: [x1]}\n"))
                .singleElement().asString().contains("too costly");
        assertThat(problems("id: redos2\nmatch: {patterns: ['(x+x+)+y']}\naction: {tags: [x1]}\n"))
                .singleElement().asString().contains("too costly");
        assertThat(problems("id: backref\nmatch: {patterns: ['(ab)\\\\1']}\naction: {tags: [x1]}\n"))
                .singleElement().asString().contains("backreference");
        assertThat(problems("id: broken\nmatch: {patterns: ['(unclosed']}\naction: {tags: [x1]}\n"))
                .singleElement().asString().contains("is not a regular expression");
        assertThat(problems("id: empty-match\nmatch: {patterns: ['x*']}\naction: {tags: [x1]}\n"))
                .singleElement().asString().contains("matches the empty text");
        assertThat(compiler.compile(yaml("id: fine\nmatch: {patterns: ['\\\\b(rocket|mortar)s?\\\\b']}\naction: {tags: [x1]}\n"))
                .patterns()).hasSize(1);
    }

    @Test
    void wordsTooShortToMatchSafelyAndInconsistentActionsAreRefused() {
        assertThat(problems("id: short\nmatch: {keywords: [al-Is]}\naction: {raiseAlert: {severity: LOW}}\n"))
                .singleElement().asString().contains("too short");
        assertThat(problems("id: seg\nmatch: {scope: SEGMENT, keywords: [rocket]}\naction: {setSeverity: HIGH}\n"))
                .containsExactly("setSeverity and bumpSeverity change events: use scope EVENTS");
        assertThat(problems("id: both\nmatch: {types: [ATTACK]}\naction: {setSeverity: HIGH, bumpSeverity: 1}\n"))
                .containsExactly("give setSeverity or bumpSeverity, not both");
        assertThat(problems("id: fake\nmatch: {keywords: [rocket]}\naction: {raiseAlert: {type: ATTACK, severity: INFO}}\n"))
                .containsExactlyInAnyOrder("raiseAlert type 'ATTACK': operator rules raise WATCH alerts only",
                        "raiseAlert severity INFO raises nothing: LOW, MEDIUM, HIGH or CRITICAL");
    }

    @Test
    void aRuleThatCannotEvenBeReadIsRejectedNotThrownAround() {
        Rule noMatch = Rule.newBuilder(yaml("id: x1\nmatch: {types: [ATTACK]}\naction: {tags: [t1]}\n")).build();
        noMatch.setMatch(null);
        assertThatThrownBy(() -> compiler.compile(noMatch)).isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("no match");
        assertThatThrownBy(() -> compiler.compile(null)).isInstanceOf(InvalidRuleException.class);
    }

    @Test
    void theExampleOperatorRulesShippedInTheRepositoryAreValid() throws Exception {
        Path dir = Path.of("../../rules/operator");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path f : files) {
            for (Rule r : RuleFiles.read(f)) assertThat(compiler.compile(r).id()).as(f.toString()).isEqualTo(r.getId());
        }
    }
}
