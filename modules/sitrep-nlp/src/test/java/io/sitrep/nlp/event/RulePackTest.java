package io.sitrep.nlp.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.nlp.EventStatus;
import io.sitrep.nlp.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackTest {
    private static final String GOOD = """
            id: test-rule
            type: TEST_EVENT
            triggers: ["explod*"]
            alert: {asserted: HIGH, planned: MEDIUM}
            """;

    private static String status() throws IOException {
        try (InputStream in = RulePackTest.class.getClassLoader().getResourceAsStream(RulePack.STATUS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static RulePack pack(String rule) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("rules/events/test.yaml", rule);
        return RulePack.of(RulePack.STATUS, status(), files);
    }

    @Test
    void theDefaultPackLoadsEveryTypeOfTheTaxonomy() {
        RulePack pack = RulePack.loadDefault();
        assertThat(pack.rules()).extracting(EventRule::type).contains("DETAINEE_TRANSFER", "CEASEFIRE_BREACH", "ARMED_CLASH",
                "ATTACK", "MILITANTS_KILLED", "BORDER_INFILTRATION", "PRISON_BREAK", "FORCE_DEPLOYMENT", "SECURITY_COORDINATION");
        assertThat(pack.rules()).allSatisfy(r -> {
            assertThat(r.alert()).containsKey(EventStatus.ASSERTED);
            assertThat(r.alert()).doesNotContainKeys(EventStatus.NEGATED, EventStatus.HYPOTHETICAL, EventStatus.HISTORICAL);
        });
        assertThat(pack.rules()).filteredOn(r -> r.alert().containsKey(EventStatus.PLANNED)).extracting(EventRule::type)
                .containsExactlyInAnyOrder("DETAINEE_TRANSFER", "FORCE_DEPLOYMENT", "SECURITY_COORDINATION");
    }

    @Test
    void aValidRuleLoads() throws IOException {
        EventRule r = pack(GOOD).rules().get(0);
        assertThat(r.id()).isEqualTo("test-rule");
        assertThat(r.severityFor(EventStatus.ASSERTED, null)).isEqualTo(Severity.HIGH);
        assertThat(r.severityFor(EventStatus.PLANNED, null)).isEqualTo(Severity.MEDIUM);
        assertThat(r.severityFor(EventStatus.HYPOTHETICAL, null)).isNull();
        assertThat(r.source()).isEqualTo("rules/events/test.yaml");
    }

    @Test
    void badRulesFailNamingFileRuleAndReason() {
        assertThatThrownBy(() -> pack(GOOD.replace("HIGH", "SEVERE")))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("rules/events/test.yaml").hasMessageContaining("test-rule").hasMessageContaining("SEVERE");
        assertThatThrownBy(() -> pack(GOOD.replace("planned: MEDIUM", "negated: LOW")))
                .hasMessageContaining("never raises an alert");
        assertThatThrownBy(() -> pack(GOOD.replace("triggers: [\"explod*\"]", "triggers: [\"ex*\"]")))
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> pack(GOOD + "colour: red\n")).hasMessageContaining("rules/events/test.yaml").hasMessageContaining("colour");
        assertThatThrownBy(() -> pack(GOOD + "weakTriggers: [blast]\n")).hasMessageContaining("weakTriggers need a role");
        assertThatThrownBy(() -> pack(GOOD + "quantity: drowned\n")).hasMessageContaining("quantity 'drowned'");
        assertThatThrownBy(() -> pack(GOOD.replace("type: TEST_EVENT", "type: test event"))).hasMessageContaining("type must be");
        assertThatThrownBy(() -> pack(GOOD + "roles:\n  victims: {required: sometimes, terms: [people]}\n"))
                .hasMessageContaining("role 'victims'");
    }

    @Test
    void aPackLoadsFromADirectory(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("events"));
        Files.writeString(dir.resolve("status.yaml"), status());
        Files.writeString(dir.resolve("events/index.txt"), "# one rule\ntest.yaml\n");
        Files.writeString(dir.resolve("events/test.yaml"), GOOD);
        RulePack pack = RulePack.fromDirectory(dir);
        assertThat(pack.rules()).extracting(EventRule::id).containsExactly("test-rule");
        EventDetector detector = new EventDetector(pack);
        assertThat(detector.detect(new io.sitrep.nlp.clean.Segment(0, null, "A car exploded in Mosul.", null, null, null),
                java.util.List.of(), java.util.List.of())).extracting(io.sitrep.nlp.DetectedEvent::type).containsExactly("TEST_EVENT");
    }
}
