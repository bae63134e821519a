package io.sitrep.streams.rules;

import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.RuleStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adjusts each segment's events with the rules in force, read from the global rules store at every record: a rule
 * accepted a moment ago shapes the very next segment (hot reload without restart). Compiled rules are cached by
 * rule id and version.
 */
final class OperatorRulesProcessor extends ContextualFixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {
    private static final Logger log = LoggerFactory.getLogger(OperatorRulesProcessor.class);

    private record Compiled(Rule source, OperatorRule rule) {}

    private final RuleCompiler compiler;
    private final SegmentAdjuster adjuster;
    private final Map<String, Compiled> cache = new HashMap<>();
    private KeyValueStore<String, Object> rules;

    OperatorRulesProcessor(RuleCompiler compiler, SegmentAdjuster adjuster) {
        this.compiler = compiler;
        this.adjuster = adjuster;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
        super.init(context);
        rules = context.getStateStore(OperatorRulesTopology.RULES_GLOBAL_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        List<OperatorRule> inForce = inForce();
        context().forward(inForce.isEmpty() ? record : record.withValue(adjuster.adjust(record.value(), inForce)));
    }

    /** The enabled active rules, in id order. */
    private List<OperatorRule> inForce() {
        List<OperatorRule> out = new ArrayList<>();
        Map<String, Compiled> seen = new HashMap<>();
        try (KeyValueIterator<String, Object> it = rules.all()) {
            while (it.hasNext()) {
                KeyValue<String, Object> kv = it.next();
                Object v = kv.value instanceof ValueAndTimestamp<?> vt ? vt.value() : kv.value;
                if (!(v instanceof RuleStatus status) || status.getActive() == null) continue;
                Compiled c = cache.get(kv.key);
                if (c == null || !Objects.equals(c.source(), status.getActive())) c = compile(status.getActive());
                seen.put(kv.key, c);
                if (c.rule() != null && c.rule().enabled()) out.add(c.rule());
            }
        }
        cache.keySet().retainAll(seen.keySet());
        cache.putAll(seen);
        return out;
    }

    private Compiled compile(Rule rule) {
        try {
            return new Compiled(rule, compiler.compile(rule));
        } catch (InvalidRuleException e) {
            // accepted by another version of sitrep (say, with other event types): skip it, do not stop the stream
            log.warn("operator rule {} in force but not applicable here: {}", rule.getId(), e.reason());
            return new Compiled(rule, null);
        }
    }
}
