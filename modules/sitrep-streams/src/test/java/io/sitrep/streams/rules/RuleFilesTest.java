package io.sitrep.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.model.avro.Rule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleFilesTest {
    @Test
    void severalDocumentsAreSeveralRulesAndDefaultsApply() {
        List<Rule> rules = RuleFiles.parse("two.yaml", """
                id: one
                match: {types: ATTACK}
                action: {setSeverity: HIGH}
                ---
                id: two
                enabled: false
                match: {keywords: [al-Hol, Roj camp]}
                action: {raiseAlert: {severity: LOW}, tags: [camps]}
                author: analyst-7
                updatedAt: 2026-02-01T10:00:00Z
                """);
        assertThat(rules).extracting(Rule::getId).containsExactly("one", "two");
        assertThat(rules.get(0).getEnabled()).isTrue();
        assertThat(rules.get(0).getMatch().getTypes()).containsExactly("ATTACK");
        assertThat(rules.get(1).getEnabled()).isFalse();
        assertThat(rules.get(1).getAction().getRaiseAlert().getType()).isEqualTo("WATCH");
        assertThat(rules.get(1).getUpdatedAt()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
    }

    @Test
    void unknownFieldsAndWrongShapesNameTheFileTheRuleAndTheField() {
        assertThatThrownBy(() -> RuleFiles.parse("r.yaml", "id: x1\nmatch: {type: [ATTACK]}\naction: {tags: [a1]}\n"))
                .hasMessage("r.yaml (document 1, rule x1): unknown field 'type' in match (known: [actors, keywords, minSeverity,"
                        + " patterns, places, regions, scope, statuses, types])");
        assertThatThrownBy(() -> RuleFiles.parse("r.yaml", "id: x1\nenabled: sometimes\n"))
                .hasMessage("r.yaml (document 1, rule x1): enabled must be true or false");
        assertThatThrownBy(() -> RuleFiles.parse("r.yaml", "id: [x1\n")).hasMessageStartingWith("r.yaml: not valid YAML");
        assertThatThrownBy(() -> RuleFiles.parse("r.yaml", "# nothing\n")).hasMessage("r.yaml: no rule in the file");
    }
}
