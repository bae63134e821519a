package io.sitrep.app.broker;

import io.sitrep.model.topic.Topic;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics of the registry that a cluster lacks. Existing topics are left as they are (their partition
 * count is part of their keys' placement), so running it at every start is safe.
 */
public final class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicProvisioner() {}

    /**
     * Creates each of {@code topics} that does not exist yet with {@code partitions} partitions and
     * {@code replication} replicas; compacted topics get {@code cleanup.policy=compact}.
     *
     * @return the names of the topics created now
     */
    public static Set<String> ensureTopics(Admin admin, Collection<Topic<?, ?>> topics, int partitions, short replication) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (replication < 1) {
            throw new IllegalArgumentException("replication must be at least 1, was " + replication);
        }
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> newTopic(topic, partitions, replication))
                    .toList();
            warnAboutCleanupPolicies(admin, topics.stream().filter(topic -> existing.contains(topic.name())).toList());
            if (missing.isEmpty()) {
                LOG.debug("All {} topics exist", topics.size());
                return Set.of();
            }
            for (var created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    // another instance created it between our listing and our request: that is what we wanted
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + created.getKey()
                                + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            Set<String> names = missing.stream().map(NewTopic::name).collect(Collectors.toUnmodifiableSet());
            LOG.info("Created topics {} ({} partitions, replication {})", names, partitions, replication);
            return names;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not list the cluster's topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the cluster did not answer within " + TIMEOUT + " while creating topics", e);
        }
    }

    /**
     * A topic created by hand or by an older version may lack compaction the registry asks for (or have it where
     * the registry does not): that changes what survives, so say so, but leave the operator's topic alone.
     */
    private static void warnAboutCleanupPolicies(Admin admin, List<Topic<?, ?>> existing)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (existing.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = existing.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name())).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        for (Topic<?, ?> topic : existing) {
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            ConfigEntry policy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            boolean compacted = policy != null && policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT);
            if (policy != null && compacted != topic.compacted()) {
                LOG.warn("Topic {} has cleanup.policy={} but sitrep expects {}: fix it with kafka-configs.sh, or some"
                        + " records {}", topic.name(), policy.value(),
                        topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                        topic.compacted() ? "may be deleted that should be kept" : "may be compacted away");
            }
        }
    }

    private static NewTopic newTopic(Topic<?, ?> topic, int partitions, short replication) {
        NewTopic newTopic = new NewTopic(topic.name(), partitions, replication);
        // records carry publication times, often long past: time-based retention would delete a historical
        // replay as soon as the broker checks. Keep them until an operator sets a size or time limit.
        newTopic.configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1"));
        return newTopic;
    }
}
