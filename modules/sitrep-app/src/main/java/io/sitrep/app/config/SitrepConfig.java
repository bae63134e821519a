package io.sitrep.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one typed configuration of sitrep, layered: defaults &lt; {@code sitrep.properties} in the working directory
 * (or the file given by {@code --config}) &lt; {@code SITREP_*} environment variables &lt; command-line flags.
 * See {@link #describe()} for every key, its environment variable and default.
 *
 * @param bootstrapServers Kafka cluster to use; empty means "start the embedded broker"
 * @param topicsReplication replication factor for created topics (a {@code short} for Kafka's admin API)
 * @param replaySpeed {@code max} or a positive factor of real time, as written
 */
public record SitrepConfig(
        String bootstrapServers,
        Path dataDir,
        String brokerHost,
        int brokerPort,
        String httpHost,
        int httpPort,
        int topicsPartitions,
        int topicsReplication,
        String applicationId,
        String instanceId,
        boolean replayEnabled,
        String replaySpeed,
        long streamsCommitIntervalMs,
        int streamsThreads,
        String alertmanagerUrl,
        String webhookUrl,
        String webhookFormat,
        String webhookSecret,
        Map<String, String> auth) {

    /** The configuration file read from the working directory when {@code --config} is not given. */
    public static final String FILE_NAME = "sitrep.properties";

    private static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    /**
     * Loads the configuration.
     *
     * @param configFileOrNull the {@code --config} file (must exist), or null for {@code ./sitrep.properties} if present
     * @param env the process environment; only {@code SITREP_*} variables of known keys are read
     * @param cliOverrides values from command-line flags, keyed by property name (e.g. {@code http.port})
     * @throws InvalidConfigException naming the key, the value and the layer it came from
     */
    public static SitrepConfig load(Path configFileOrNull, Map<String, String> env, Map<String, String> cliOverrides) {
        Map<Setting, String> computed = new EnumMap<>(Setting.class);
        computed.put(Setting.INSTANCE_ID, hostBasedInstanceId(env));
        ConfigLayers layers = ConfigLayers.resolve(configFileOrNull, env, cliOverrides, computed);
        return new SitrepConfig(
                layers.get(Setting.BOOTSTRAP_SERVERS, ValueParsers::bootstrapServers),
                layers.get(Setting.DATA_DIR, ValueParsers::path),
                layers.get(Setting.BROKER_HOST, ValueParsers::host),
                layers.get(Setting.BROKER_PORT, ValueParsers::port),
                layers.get(Setting.HTTP_HOST, ValueParsers::host),
                layers.get(Setting.HTTP_PORT, ValueParsers::port),
                layers.get(Setting.TOPICS_PARTITIONS, v -> ValueParsers.integer(v, 1, 10_000, "a partition count (1-10000)")),
                layers.get(Setting.TOPICS_REPLICATION, v -> ValueParsers.integer(v, 1, Short.MAX_VALUE, "a replication factor (1-32767)")),
                layers.get(Setting.APPLICATION_ID, ValueParsers::identifier),
                layers.get(Setting.INSTANCE_ID, ValueParsers::identifier),
                layers.get(Setting.REPLAY_ENABLED, ValueParsers::bool),
                layers.get(Setting.REPLAY_SPEED, ValueParsers::replaySpeed),
                layers.get(Setting.STREAMS_COMMIT_INTERVAL_MS, v -> ValueParsers.longValue(v, 0, Long.MAX_VALUE, "a duration in ms (0 or more)")),
                layers.get(Setting.STREAMS_THREADS, v -> ValueParsers.integer(v, 1, 64, "a thread count (1-64)")),
                layers.get(Setting.ALERTMANAGER_URL, ValueParsers::httpUrlOrEmpty),
                layers.get(Setting.WEBHOOK_URL, ValueParsers::httpUrlOrEmpty),
                layers.get(Setting.WEBHOOK_FORMAT, v -> ValueParsers.oneOf(v, "json", "slack")),
                layers.get(Setting.WEBHOOK_SECRET, v -> v),
                layers.auth());
    }

    /** Where {@code replay} and {@code tail} connect when neither a flag nor {@code SITREP_BOOTSTRAP_SERVERS} says. */
    public static String defaultBootstrap() {
        return DEFAULT_BOOTSTRAP;
    }

    /** Every key in order, with its environment variable, default and meaning: for {@code --help} and docs. */
    public static Map<String, String> describe() {
        Map<String, String> description = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            String defaultValue = setting.defaultValue == null ? "computed" : setting.defaultValue.isEmpty() ? "empty" : setting.defaultValue;
            description.put(setting.key, setting.description + " [env " + setting.environmentVariable()
                    + ", default " + defaultValue + "]");
        }
        return Collections.unmodifiableMap(description);
    }

    /** The environment variable of each key, e.g. {@code http.port → SITREP_HTTP_PORT}. */
    public static Map<String, String> environmentVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            variables.put(setting.key, setting.environmentVariable());
        }
        return Collections.unmodifiableMap(variables);
    }

    /** True when no cluster is configured and {@code run} starts its own broker. */
    public boolean usesEmbeddedBroker() {
        return bootstrapServers.isEmpty();
    }

    /** The bootstrap servers clients use: the configured cluster, or the embedded broker's address. */
    public String effectiveBootstrapServers() {
        return usesEmbeddedBroker() ? brokerHost + ":" + brokerPort : bootstrapServers;
    }

    /** The effective values by key, as they would be written in {@code sitrep.properties}: for the start-up log. */
    public Map<String, String> asProperties() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(Setting.BOOTSTRAP_SERVERS.key, bootstrapServers);
        values.put(Setting.DATA_DIR.key, dataDir.toString());
        values.put(Setting.BROKER_HOST.key, brokerHost);
        values.put(Setting.BROKER_PORT.key, Integer.toString(brokerPort));
        values.put(Setting.HTTP_HOST.key, httpHost);
        values.put(Setting.HTTP_PORT.key, Integer.toString(httpPort));
        values.put(Setting.TOPICS_PARTITIONS.key, Integer.toString(topicsPartitions));
        values.put(Setting.TOPICS_REPLICATION.key, Integer.toString(topicsReplication));
        values.put(Setting.APPLICATION_ID.key, applicationId);
        values.put(Setting.INSTANCE_ID.key, instanceId);
        values.put(Setting.REPLAY_ENABLED.key, Boolean.toString(replayEnabled));
        values.put(Setting.REPLAY_SPEED.key, replaySpeed);
        values.put(Setting.STREAMS_COMMIT_INTERVAL_MS.key, Long.toString(streamsCommitIntervalMs));
        values.put(Setting.STREAMS_THREADS.key, Integer.toString(streamsThreads));
        values.put(Setting.ALERTMANAGER_URL.key, alertmanagerUrl);
        values.put(Setting.WEBHOOK_URL.key, webhookUrl);
        values.put(Setting.WEBHOOK_FORMAT.key, webhookFormat);
        values.put(Setting.WEBHOOK_SECRET.key, webhookSecret.isEmpty() ? "" : "****");
        return Collections.unmodifiableMap(values);
    }

    /** The host name, made a valid id; from {@code HOSTNAME} when set (cheap and what containers set). */
    private static String hostBasedInstanceId(Map<String, String> env) {
        String host = env.get("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = env.get("COMPUTERNAME");
        }
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        String id = host.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "localhost" : id;
    }
}
