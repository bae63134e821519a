package io.sitrep.app;

import io.sitrep.app.cli.AnalyzeCommand;
import io.sitrep.app.cli.EvaluateCommand;
import io.sitrep.app.cli.ReplayCommand;
import io.sitrep.app.cli.RulesCommand;
import io.sitrep.app.cli.RunCommand;
import io.sitrep.app.cli.TailCommand;
import io.sitrep.app.cli.UsersCommand;
import io.sitrep.model.serde.AvroTrust;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sitrep} command line. */
@Command(name = "sitrep", mixinStandardHelpOptions = true, version = "sitrep 0.1.0",
        description = "Event-streaming situational awareness on Kafka Streams.",
        subcommands = {RunCommand.class, ReplayCommand.class, TailCommand.class, AnalyzeCommand.class,
                EvaluateCommand.class, RulesCommand.class, UsersCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        AvroTrust.install();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // a clear message, not a stack trace, for the errors users cause
            cmd.getErr().println("sitrep " + cmd.getCommandName() + ": " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
