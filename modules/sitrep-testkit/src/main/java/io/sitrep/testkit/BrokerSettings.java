package io.sitrep.testkit;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Broker settings both fixture paths apply, so a test behaves the same in a container and in-process. */
final class BrokerSettings {
    private BrokerSettings() {}

    /** One broker: every internal topic must live with a single replica, or transactions never start. */
    static final Map<String, String> SINGLE_BROKER = Map.ofEntries(
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "4"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "4"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("min.insync.replicas", "1"),
            // tests start consumers one after another: no reason to wait for more members
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            // as in `sitrep run`: a topic nobody created is a bug, not something to paper over
            Map.entry("auto.create.topics.enable", "false"));

    /** The same settings as the {@code apache/kafka} image reads them: {@code KAFKA_} + upper case, '_' for '.'. */
    static Map<String, String> asImageEnvironment() {
        Map<String, String> env = new TreeMap<>();
        SINGLE_BROKER.forEach((key, value) ->
                env.put("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return env;
    }
}
