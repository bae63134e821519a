package io.sitrep.app.cli;

import io.sitrep.app.config.SitrepConfig;
import io.sitrep.app.run.SitrepInstance;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run sitrep: a Kafka broker (embedded unless --bootstrap-servers is given), the bundled seed"
                + " stream replayed, the topologies and the HTTP API. Stops cleanly on Ctrl-C / SIGTERM.",
                "Configuration: defaults < sitrep.properties (or --config) < SITREP_* environment < flags."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", paramLabel = "S", description = "use this Kafka cluster instead of the embedded broker")
    String bootstrapServers;

    @Option(names = "--data-dir", paramLabel = "D", description = "broker data, state stores, markers (default ./var)")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "P", description = "HTTP API port (default 8080)")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "H", description = "HTTP bind address (default 127.0.0.1)")
    String httpHost;

    @Option(names = "--broker-port", paramLabel = "P", description = "embedded broker port (default 9092)")
    Integer brokerPort;

    @Option(names = "--no-replay", description = "do not replay the bundled seed stream")
    boolean noReplay;

    @Option(names = "--replay-speed", paramLabel = "max|FACTOR", description = "seed replay speed (default max)")
    String replaySpeed;

    @Option(names = "--alertmanager-url", paramLabel = "URL", description = "push alerts to this Alertmanager (v2 API)")
    String alertmanagerUrl;

    @Option(names = "--config", paramLabel = "FILE", description = "properties file (default ./sitrep.properties when present)")
    Path configFile;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> cli = new LinkedHashMap<>();
        if (bootstrapServers != null) cli.put("bootstrap.servers", bootstrapServers);
        if (dataDir != null) cli.put("data.dir", dataDir.toString());
        if (httpPort != null) cli.put("http.port", httpPort.toString());
        if (httpHost != null) cli.put("http.host", httpHost);
        if (brokerPort != null) cli.put("broker.port", brokerPort.toString());
        if (noReplay) cli.put("replay.enabled", "false");
        if (replaySpeed != null) cli.put("replay.speed", replaySpeed);
        if (alertmanagerUrl != null) cli.put("alertmanager.url", alertmanagerUrl);
        SitrepConfig config = SitrepConfig.load(configFile, System.getenv(), cli);

        CountDownLatch stopped = new CountDownLatch(1);
        SitrepInstance instance = SitrepInstance.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            instance.close();
            stopped.countDown();
        }, "sitrep-shutdown"));
        stopped.await();
        return 0;
    }
}
