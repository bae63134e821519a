package io.sitrep.app.run;

import io.sitrep.app.broker.EmbeddedKafkaBroker;
import io.sitrep.app.broker.TopicProvisioner;
import io.sitrep.app.config.SitrepConfig;
import io.sitrep.ingest.replay.ArticleReplayer;
import io.sitrep.ingest.replay.ArticleSource;
import io.sitrep.ingest.replay.ReplaySpeed;
import io.sitrep.model.topic.Topics;
import io.sitrep.nlp.ArticleAnalyzer;
import io.sitrep.sinks.auth.AuthAccessControl;
import io.sitrep.sinks.auth.AuthSettings;
import io.sitrep.sinks.alertmanager.AlertmanagerSettings;
import io.sitrep.sinks.alertmanager.AlertmanagerSink;
import io.sitrep.sinks.cap.CapFeature;
import io.sitrep.sinks.dashboard.DashboardFeature;
import io.sitrep.sinks.geojson.GeoJsonFeature;
import io.sitrep.sinks.webhook.WebhookSettings;
import io.sitrep.sinks.webhook.WebhookSink;
import io.sitrep.sinks.http.AccessControl;
import io.sitrep.sinks.http.AlertActionsApi;
import io.sitrep.sinks.http.ApiServer;
import io.sitrep.sinks.http.HttpFeature;
import io.sitrep.sinks.situation.SituationApi;
import io.sitrep.streams.SitrepTopology;
import io.sitrep.streams.StreamsProperties;
import io.sitrep.streams.alerts.AlertSettings;
import io.sitrep.streams.query.GlobalStoreAlertQueries;
import io.sitrep.streams.situation.SituationSettings;
import io.sitrep.streams.situation.SituationStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running sitrep: the embedded broker (when no cluster is configured), the topics, the topologies,
 * the HTTP API and the seed replay. Closing stops them in reverse order.
 */
public final class SitrepInstance implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SitrepInstance.class);

    private final SitrepConfig config;
    private EmbeddedKafkaBroker broker;
    private KafkaStreams streams;
    private SituationStreams situation;
    private ApiServer http;
    private KafkaCommandPublisher commands;
    private DashboardFeature dashboard;
    private final List<AutoCloseable> sinks = new ArrayList<>();
    private Thread replay;
    private volatile boolean closing;
    private String bootstrapServers;

    private final Map<String, String> env;

    private SitrepInstance(SitrepConfig config, Map<String, String> env) {
        this.config = config;
        this.env = env;
    }

    public static SitrepInstance start(SitrepConfig config) {
        return start(config, System.getenv());
    }

    /** @param env the process environment (SITREP_ADMIN_PASSWORD is read from it at the first start) */
    public static SitrepInstance start(SitrepConfig config, Map<String, String> env) {
        SitrepInstance s = new SitrepInstance(config, env);
        try {
            s.startAll();
            return s;
        } catch (RuntimeException | Error e) {
            // a half-started instance would keep the JVM alive with broker threads: stop what started
            s.close();
            throw e;
        }
    }

    private void startAll() {
        Path dataDir = config.dataDir();
        mkdirs(dataDir);
        // users and passwords first: a bad setting stops the start before anything else runs
        AccessControl access = new AuthAccessControl(AuthSettings.from(config.auth(), dataDir, env));
        if (config.usesEmbeddedBroker()) {
            broker = EmbeddedKafkaBroker.start(dataDir, config.brokerHost(), config.brokerPort());
            bootstrapServers = broker.bootstrapServers();
        } else {
            bootstrapServers = config.bootstrapServers();
        }
        String clusterId = provisionTopics();

        long t0 = System.nanoTime();
        ArticleAnalyzer analyzer = ArticleAnalyzer.standard();
        log.info("analyzer loaded in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));

        Properties props = StreamsProperties.of(bootstrapServers, config.applicationId(),
                config.applicationId() + "-" + config.instanceId(), dataDir.resolve("streams"),
                config.topicsReplication(), config.streamsCommitIntervalMs(), config.streamsThreads(),
                advertisedHost() + ":" + config.httpPort());
        Topology topology = SitrepTopology.build(props, analyzer::analyze, AlertSettings.defaults());
        streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> log.info("streams {} -> {}", before, now));
        streams.start();
        situation = SituationStreams.start(props, SituationSettings.defaults());

        GlobalStoreAlertQueries queries = new GlobalStoreAlertQueries(streams);
        commands = new KafkaCommandPublisher(bootstrapServers, config.applicationId() + "-" + config.instanceId() + "-commands");
        dashboard = new DashboardFeature(bootstrapServers, queries);
        List<HttpFeature> features = List.of(
                dashboard, // first: /api/alerts/stream must not be taken for an alert id by /api/alerts/{id}
                ApiServer.alertsApi(queries),
                new AlertActionsApi(queries, commands, Clock.systemUTC()),
                new SituationApi(situation.queries()),
                new GeoJsonFeature(queries),
                CapFeature.of(queries));
        http = ApiServer.start(config.httpHost(), config.httpPort(), access, features);

        startPushSinks();
        if (config.replayEnabled()) startReplay(clusterId, ReplaySpeed.parse(config.replaySpeed()));
        log.info("sitrep is up: Kafka {}, HTTP http://{}:{}/api/alerts", bootstrapServers, config.httpHost(), http.port());
    }

    /** Webhook and Alertmanager, each a consumer group of its own that resumes from its committed offsets. */
    private void startPushSinks() {
        if (!config.webhookUrl().isEmpty()) {
            sinks.add(WebhookSink.start(bootstrapServers, WebhookSettings.fromConfig(Map.of("webhook.url", config.webhookUrl(),
                    "webhook.format", config.webhookFormat(), "webhook.secret", config.webhookSecret()))));
            log.info("webhook sink to {} ({})", config.webhookUrl(), config.webhookFormat());
        }
        if (!config.alertmanagerUrl().isEmpty()) {
            String httpBase = "http://" + advertisedHost() + ":" + http.port();
            sinks.add(AlertmanagerSink.start(bootstrapServers,
                    AlertmanagerSettings.of(URI.create(config.alertmanagerUrl())).withGeneratorBase(URI.create(httpBase)),
                    AlertmanagerSettings.delivery()));
            log.info("Alertmanager sink to {}", config.alertmanagerUrl());
        }
    }

    private String advertisedHost() {
        String h = config.httpHost();
        return h.equals("0.0.0.0") || h.equals("::") ? "localhost" : h;
    }

    private String provisionTopics() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            String clusterId = admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS);
            var created = TopicProvisioner.ensureTopics(admin, Topics.ALL, config.topicsPartitions(),
                    (short) config.topicsReplication());
            if (!created.isEmpty()) log.info("created topics {}", created);
            return clusterId;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Kafka", e);
        }
    }

    /**
     * Replays the bundled seed stream once per cluster: a marker in the data directory remembers it. Replaying
     * again would be harmless (the topologies recognise articles they counted) but would grow the raw topic.
     */
    private void startReplay(String clusterId, ReplaySpeed speed) {
        Path marker = config.dataDir().resolve("replayed-seed-stream-" + clusterId);
        if (Files.exists(marker)) {
            log.info("seed stream already replayed into cluster {} ({}); not replaying", clusterId, marker);
            return;
        }
        replay = new Thread(() -> {
            try (ArticleReplayer r = new ArticleReplayer(bootstrapServers, config.applicationId() + "-seed-replay")) {
                int n = r.replay(ArticleSource.bundledSeedStream(), speed, () -> closing);
                if (!closing) Files.writeString(marker, "replayed " + n + " articles\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.error("seed replay failed: {}", e.getMessage(), e);
            }
        }, "sitrep-seed-replay");
        replay.setDaemon(true);
        replay.start();
    }

    public String bootstrapServers() { return bootstrapServers; }

    public int httpPort() { return http.port(); }

    public KafkaStreams streams() { return streams; }

    @Override
    public void close() {
        closing = true;
        if (replay != null) replay.interrupt();
        for (AutoCloseable sink : sinks) closeQuietly(sink);
        if (dashboard != null) dashboard.close(); // ends open streams before the server goes
        if (http != null) http.close();
        if (commands != null) commands.close();
        if (situation != null) situation.close();
        if (streams != null) streams.close(StreamsProperties.closeOptions());
        if (broker != null) broker.close();
        log.info("sitrep stopped");
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("closing {} failed: {}", c, e.toString());
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }
}
