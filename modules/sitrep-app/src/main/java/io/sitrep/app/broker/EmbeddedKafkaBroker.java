package io.sitrep.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (combined broker and controller) in this JVM, for {@code sitrep run} when no
 * cluster is configured. Its data lives under {@code dataDir/kafka}: formatted on the first start, reused on
 * every later one, so a restart keeps every topic, offset and transaction.
 *
 * <p>Kafka's server classes are internal API; this class is the only place that touches them.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_HOST = "127.0.0.1";

    /**
     * Settings for one broker holding history: internal topics with one replica (or transactions never start) and
     * few partitions, no initial rebalance delay, no implicit topics, and no time-based deletion or rolling —
     * replayed news carries publication timestamps from long ago, which time-based retention would delete at once
     * and {@code log.roll.ms} would turn into one segment per batch.
     */
    static final Map<String, String> SINGLE_NODE_SETTINGS = Map.ofEntries(
            Map.entry("offsets.topic.replication.factor", "1"),
            // 50 partitions each by default: made on the first group join and transaction, loaded at every start
            Map.entry("offsets.topic.num.partitions", "10"),
            Map.entry("transaction.state.log.num.partitions", "10"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("min.insync.replicas", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("auto.create.topics.enable", "false"),
            Map.entry("log.retention.ms", "-1"),
            Map.entry("log.roll.ms", Long.toString(Long.MAX_VALUE)));

    private final KafkaRaftServer server;
    private final DataDirLock lock;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(KafkaRaftServer server, DataDirLock lock, String bootstrapServers) {
        this.server = server;
        this.lock = lock;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the broker listening for clients on {@code host:port} ({@code port} 0: any free port) and returns once
     * it serves them.
     *
     * @throws BrokerPortInUseException when {@code port} is taken
     */
    public static EmbeddedKafkaBroker start(Path dataDir, String host, int port) {
        long started = System.nanoTime();
        int brokerPort = port == 0 ? freePort(host) : requireFree(host, port);
        Path kafkaDir = dataDir.toAbsolutePath().normalize().resolve("kafka");
        Path logDir = kafkaDir.resolve("log");
        DataDirLock lock = DataDirLock.acquire(kafkaDir);
        try {
            BrokerState state = prepare(kafkaDir, logDir);
            String advertisedHost = advertisedHost(host);
            Properties properties = serverProperties(host, advertisedHost, brokerPort, state.controllerPort(), logDir);
            if (isEmpty(logDir)) {
                format(kafkaDir, properties, state.clusterId());
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                stop(server);
                throw new IllegalStateException("the embedded Kafka broker did not start (data in " + kafkaDir + ")", e);
            }
            String bootstrap = advertisedHost + ":" + brokerPort;
            LOG.info("Embedded Kafka broker ready at {} in {} ms (cluster {}, data in {})", bootstrap,
                    (System.nanoTime() - started) / 1_000_000, state.clusterId(), kafkaDir);
            return new EmbeddedKafkaBroker(server, lock, bootstrap);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The {@code host:port} clients connect to. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker and waits for it; its data stays for the next start. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            long started = System.nanoTime();
            try {
                stop(server);
            } finally {
                lock.close();
            }
            LOG.info("Embedded Kafka broker stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    public String toString() {
        return "embedded Kafka broker at " + bootstrapServers;
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Reads the state of an earlier start, or chooses a cluster id and controller port for a first one. */
    private static BrokerState prepare(Path kafkaDir, Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker's data directory " + logDir, e);
        }
        if (BrokerState.exists(kafkaDir) && !isEmpty(logDir)) {
            BrokerState state = BrokerState.read(kafkaDir);
            if (isFree(CONTROLLER_HOST, state.controllerPort())) {
                return state;
            }
            // a single voter takes its new endpoint on the next start, so moving is safe
            BrokerState moved = new BrokerState(state.clusterId(), freePort(CONTROLLER_HOST));
            LOG.info("Controller port {} is taken now, the embedded broker moves its controller to port {}",
                    state.controllerPort(), moved.controllerPort());
            moved.write(kafkaDir);
            return moved;
        }
        if (!isEmpty(logDir)) {
            throw new IllegalStateException(logDir + " holds Kafka data but " + BrokerState.FILE_NAME
                    + " is missing: not a sitrep data directory, or a damaged one; use another --data-dir");
        }
        BrokerState state = new BrokerState(Uuid.randomUuid().toString(), freePort(CONTROLLER_HOST));
        state.write(kafkaDir);
        return state;
    }

    static Properties serverProperties(String host, String advertisedHost, int brokerPort, int controllerPort, Path logDir) {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", Integer.toString(NODE_ID));
        properties.setProperty("listeners",
                "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + CONTROLLER_HOST + ":" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://" + advertisedHost + ":" + brokerPort);
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("controller.quorum.bootstrap.servers", CONTROLLER_HOST + ":" + controllerPort);
        properties.setProperty("log.dirs", logDir.toString());
        SINGLE_NODE_SETTINGS.forEach(properties::setProperty);
        return properties;
    }

    /** Formats the log directory as a standalone KRaft quorum, as {@code kafka-storage.sh format --standalone}. */
    private static void format(Path kafkaDir, Properties properties, String clusterId) {
        Path config = kafkaDir.resolve("format.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "used once to format the embedded broker's storage");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // execute, never main: main exits the JVM
            status = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString(), "--standalone"}, out);
        } catch (Exception e) {
            throw new IllegalStateException("formatting the embedded broker's storage in " + kafkaDir + " failed", e);
        }
        String report = output.toString(StandardCharsets.UTF_8).strip();
        if (status != 0) {
            throw new IllegalStateException("formatting the embedded broker's storage in " + kafkaDir
                    + " failed (" + status + "): " + report);
        }
        LOG.debug("Formatted {}: {}", kafkaDir, report);
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Clients connect to the address the broker advertises, and Kafka refuses to advertise a wildcard: listening on
     * every interface, the broker advertises this machine's name instead.
     */
    private static String advertisedHost(String host) {
        try {
            if (!InetAddress.getByName(host).isAnyLocalAddress()) {
                return host;
            }
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the broker host " + host, e);
        }
    }

    private static int requireFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as Kafka binds: with SO_REUSEADDR, so a port in TIME_WAIT from our last run counts as free
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return port;
        } catch (BindException e) {
            throw new BrokerPortInUseException(host, port, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check port " + port + " on " + host, e);
        }
    }

    private static boolean isFree(String host, int port) {
        try {
            requireFree(host, port);
            return true;
        } catch (BrokerPortInUseException e) {
            return false;
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host, e);
        }
    }
}
