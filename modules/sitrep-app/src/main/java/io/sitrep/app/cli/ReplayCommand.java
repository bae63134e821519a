package io.sitrep.app.cli;

import io.sitrep.ingest.replay.ArticleReplayer;
import io.sitrep.ingest.replay.ArticleSource;
import io.sitrep.ingest.replay.ReplaySpeed;
import io.sitrep.model.avro.Article;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Publish a stream of articles to sitrep.articles.raw in event-time order.")
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "a seed-stream directory (manifest.json + pages),"
            + " a manifest file, or a JSON Lines file of {\"id\"?,\"title\"?,\"body\",\"publishedAt\",\"source\"?,\"url\"?}")
    Path path;

    @Option(names = "--bootstrap-servers", paramLabel = "S",
            description = "Kafka bootstrap servers (default: $SITREP_BOOTSTRAP_SERVERS or 127.0.0.1:9092)")
    String bootstrapServers;

    @Option(names = "--speed", paramLabel = "max|FACTOR", defaultValue = "max",
            description = "max (no waiting) or a factor of event time, e.g. 3600 = one hour per second (default: ${DEFAULT-VALUE})")
    String speed;

    @Override
    public Integer call() throws InterruptedException {
        ReplaySpeed s = ReplaySpeed.parse(speed);
        List<Article> articles = ArticleSource.read(path);
        try (ArticleReplayer replayer = new ArticleReplayer(CliDefaults.bootstrap(bootstrapServers), "sitrep-replay")) {
            int n = replayer.replay(articles, s, () -> Thread.currentThread().isInterrupted());
            System.err.println("replayed " + n + " articles from " + path);
        }
        return 0;
    }
}
