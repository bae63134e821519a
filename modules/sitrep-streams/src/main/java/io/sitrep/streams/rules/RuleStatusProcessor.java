package io.sitrep.streams.rules;

import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.RuleStatus;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sitrep.rules → sitrep.rules-status: judges every version of every rule (ACCEPTED or REJECTED with the reason),
 * keeps the last accepted version in force when a bad edit arrives, and turns a tombstone into a tombstone.
 * Keyed by rule id like its input, so the store is local to the partition.
 */
final class RuleStatusProcessor extends ContextualProcessor<String, Rule, String, RuleStatus> {
    private static final Logger log = LoggerFactory.getLogger(RuleStatusProcessor.class);

    private final RuleVerdicts verdicts;
    private KeyValueStore<String, RuleStatus> statuses;

    RuleStatusProcessor(RuleVerdicts verdicts) {
        this.verdicts = verdicts;
    }

    @Override
    public void init(ProcessorContext<String, RuleStatus> context) {
        super.init(context);
        statuses = context.getStateStore(OperatorRulesTopology.RULES_STATUS_STORE);
    }

    @Override
    public void process(Record<String, Rule> record) {
        String id = record.key();
        if (id == null || id.isBlank()) {
            log.warn("a rule without a key on the rules topic cannot be judged or deleted; ignored: {}", record.value());
            return;
        }
        if (record.value() == null) {
            statuses.delete(id);
            context().forward(record.withValue(null));
            log.info("operator rule {} deleted", id);
            return;
        }
        RuleStatus status = verdicts.judge(id, record.value(), statuses.get(id), Instant.ofEpochMilli(record.timestamp()));
        statuses.put(id, status);
        context().forward(record.withValue(status));
        if (status.getReason() == null) log.info("operator rule {} v{} accepted", id, status.getVersion());
        else log.warn("operator rule {} v{} rejected: {}", id, status.getVersion(), status.getReason());
    }
}
