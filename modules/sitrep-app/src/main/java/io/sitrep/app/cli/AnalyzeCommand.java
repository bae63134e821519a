package io.sitrep.app.cli;

import io.sitrep.nlp.AnalysisJson;
import io.sitrep.nlp.ArticleAnalyzer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyze articles without a broker: JSON lines on stdin, one JSON line per input on stdout.",
                "Input: {\"id\",\"title\",\"body\",\"publishedAt\"?,\"source\"?,\"url\"?}. A malformed line yields"
                        + " {\"id\":…,\"error\":\"reason\"} and processing goes on."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Override
    public Integer call() throws IOException {
        ArticleAnalyzer analyzer = ArticleAnalyzer.standard();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(AnalysisJson.analyzeLine(analyzer, line));
                out.newLine();
                out.flush();
            }
        }
        return 0;
    }
}
