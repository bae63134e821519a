package io.sitrep.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.RuleAction;
import io.sitrep.model.avro.RuleStatus;
import io.sitrep.model.json.AvroJson;
import io.sitrep.streams.rules.InvalidRuleException;
import io.sitrep.streams.rules.RuleClient;
import io.sitrep.streams.rules.RuleCompiler;
import io.sitrep.streams.rules.RuleFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sitrep rules apply|list|delete}: operator rules on sitrep.rules, verdicts from sitrep.rules-status. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Operator rules that shape alerts at run time (see docs/RULES.md).",
        subcommands = {RulesCommand.Apply.class, RulesCommand.ListRules.class, RulesCommand.Delete.class})
public final class RulesCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    static class Connection {
        @Option(names = "--bootstrap-servers", paramLabel = "S",
                description = "Kafka bootstrap servers (default: $SITREP_BOOTSTRAP_SERVERS or 127.0.0.1:9092)")
        String bootstrapServers;
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Validate the rules of a YAML file, publish them and print each verdict. Exit 1 if any is refused or rejected.")
    static final class Apply implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "a rule file (one rule, or several YAML documents)")
        Path file;

        @picocli.CommandLine.Mixin Connection connection = new Connection();

        @Option(names = "--author", paramLabel = "NAME", description = "author of rules that name none (default: $USER)")
        String author;

        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "15",
                description = "how long to wait for each verdict of the running sitrep (default: ${DEFAULT-VALUE}; 0: do not wait)")
        int waitSeconds;

        @Option(names = "--dry-run", description = "validate only; publish nothing")
        boolean dryRun;

        @Override
        public Integer call() {
            PrintStream out = System.out;
            List<Rule> rules = RuleFiles.read(file);
            // every rule of the file is checked before any is published: a file applies whole or not at all
            RuleCompiler compiler = RuleCompiler.standard();
            List<String> refused = new ArrayList<>();
            for (Rule r : rules) {
                try {
                    compiler.compile(r);
                } catch (InvalidRuleException e) {
                    refused.add(e.getMessage());
                }
            }
            if (!refused.isEmpty()) {
                refused.forEach(System.err::println);
                System.err.println("nothing published from " + file);
                return 1;
            }
            if (dryRun) {
                rules.forEach(r -> out.println(r.getId() + " valid"));
                return 0;
            }
            String who = author != null ? author : System.getProperty("user.name");
            int failures = 0;
            try (RuleClient client = new RuleClient(CliDefaults.bootstrap(connection.bootstrapServers), "sitrep-rules")) {
                for (Rule r : rules) {
                    RuleClient.Submitted s = client.apply(r, who);
                    if (waitSeconds <= 0) {
                        out.println(r.getId() + " submitted");
                        continue;
                    }
                    Optional<RuleStatus> verdict = client.awaitVerdict(s.ruleId(), s.at(), Duration.ofSeconds(waitSeconds));
                    if (verdict.isEmpty()) {
                        out.println(r.getId() + " submitted; no verdict within " + waitSeconds + " s (is sitrep running?)");
                    } else if (verdict.get().getReason() == null) {
                        out.println(r.getId() + " ACCEPTED v" + verdict.get().getVersion());
                    } else {
                        failures++;
                        out.println(r.getId() + " REJECTED v" + verdict.get().getVersion() + ": " + verdict.get().getReason());
                    }
                }
            }
            return failures == 0 ? 0 : 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The rules and their verdicts, from sitrep.rules-status.")
    static final class ListRules implements Callable<Integer> {
        @picocli.CommandLine.Mixin Connection connection = new Connection();

        @Option(names = "--json", description = "one JSON array of the statuses (with the submitted and active rules)")
        boolean json;

        @Override
        public Integer call() {
            Map<String, RuleStatus> all;
            try (RuleClient client = new RuleClient(CliDefaults.bootstrap(connection.bootstrapServers), "sitrep-rules")) {
                all = client.list();
            }
            PrintStream out = System.out;
            if (json) {
                ArrayNode a = AvroJson.MAPPER.createArrayNode();
                all.values().forEach(s -> a.add(AvroJson.toNode(s)));
                out.println(AvroJson.write(a));
                return 0;
            }
            out.printf("%-32s %-9s %4s %-8s %s%n", "ID", "STATUS", "VER", "ENABLED", "ACTION / REASON");
            for (RuleStatus s : all.values()) {
                Rule shown = s.getActive() != null ? s.getActive() : s.getSubmitted();
                String enabled = shown == null ? "-" : shown.getEnabled() ? "yes" : "no";
                String detail = s.getReason() != null ? s.getReason()
                        + (s.getActive() != null ? " (v" + s.getActiveVersion() + " stays in force)" : "")
                        : describe(shown.getAction());
                out.printf("%-32s %-9s %4d %-8s %s%n", s.getRuleId(), s.getStatus(), s.getVersion(), enabled, detail);
            }
            return 0;
        }

        private static String describe(RuleAction a) {
            List<String> parts = new ArrayList<>();
            if (a.getSetSeverity() != null) parts.add("severity " + a.getSetSeverity());
            if (a.getBumpSeverity() > 0) parts.add("severity +" + a.getBumpSeverity());
            if (a.getRaiseAlert() != null) parts.add("raise " + a.getRaiseAlert().getType() + " " + a.getRaiseAlert().getSeverity());
            if (!a.getTags().isEmpty()) parts.add("tags " + String.join(",", a.getTags()));
            return String.join("; ", parts);
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a rule (a tombstone on sitrep.rules).")
    static final class Delete implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @picocli.CommandLine.Mixin Connection connection = new Connection();

        @Override
        public Integer call() {
            try (RuleClient client = new RuleClient(CliDefaults.bootstrap(connection.bootstrapServers), "sitrep-rules")) {
                client.delete(id);
            }
            System.out.println(id + " deleted");
            return 0;
        }
    }
}
