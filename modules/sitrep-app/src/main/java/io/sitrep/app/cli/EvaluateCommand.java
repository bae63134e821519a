package io.sitrep.app.cli;

import io.sitrep.nlp.eval.EvaluationReport;
import io.sitrep.nlp.eval.Evaluator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score the analyzer on a labelled corpus: per-type precision, recall, F1 and the macro-F1.")
public final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", arity = "0..1", defaultValue = "data/corpus/dev.jsonl",
            description = "labelled JSON Lines corpus (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Override
    public Integer call() {
        EvaluationReport report = Evaluator.evaluate(file);
        System.out.println(json ? report.toJson() : report.toText());
        return 0;
    }
}
