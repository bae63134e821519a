package io.sitrep.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality gate of issue 3: the standard analyzer on data/corpus/dev.jsonl must reach macro-F1 0.85 and F1 0.75 on
 * every type. Tagged {@code quality-gate} until the event rules reach the bar, so a build can leave it out.
 */
@Tag("quality-gate")
class DevCorpusEvaluationTest {
    private static final Logger log = LoggerFactory.getLogger(DevCorpusEvaluationTest.class);
    private static final double MIN_MACRO_F1 = 0.85;
    private static final double MIN_TYPE_F1 = 0.75;

    @Test
    void theStandardAnalyzerMeetsTheBarOnTheDevCorpus() {
        EvaluationReport report = Evaluator.evaluate(CorpusFiles.devCorpus());
        String explanation = "\n" + report.toText() + "\n" + report.mismatchesText();
        log.info("dev corpus evaluation{}", explanation);

        assertThat(report.macroF1()).as("macro-F1" + explanation).isGreaterThanOrEqualTo(MIN_MACRO_F1);
        assertThat(report.typesBelow(MIN_TYPE_F1)).as("types under F1 " + MIN_TYPE_F1 + explanation).isEmpty();
    }
}
