package io.sitrep.streams.escalation;

import io.sitrep.model.avro.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges every update of a window's count against the counts of the windows before it (read back from the
 * window store) and emits an ESCALATION segment when the window first becomes a spike. A spike that continues
 * from the previous window raises nothing new; nor do later updates of a window already judged a spike.
 */
final class EscalationDetector extends ContextualProcessor<Windowed<String>, List<String>, String, EnrichedArticle> {
    private static final Logger log = LoggerFactory.getLogger(EscalationDetector.class);
    /** Marks store key of the first window this task saw: windows before it are unknown, not empty. */
    static final String FIRST_WINDOW = "first-window";

    private final EscalationSettings settings;
    private final long size;
    private TimestampedWindowStore<String, List<String>> counts;
    private KeyValueStore<String, Long> marks;

    EscalationDetector(EscalationSettings settings) {
        this.settings = settings;
        this.size = settings.window().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        super.init(context);
        counts = context.getStateStore(EscalationTopology.COUNTS_STORE);
        marks = context.getStateStore(EscalationTopology.MARKS_STORE);
    }

    @Override
    public void process(Record<Windowed<String>, List<String>> record) {
        if (record.value() == null) return;
        String key = record.key().key();
        long start = record.key().window().start();
        long first = firstWindow(start);
        int known = (int) Math.min(settings.baselineWindows(), (start - first) / size);
        if (known < settings.minBaselineWindows()) return; // warming up: too little history to call anything a spike

        long[] history = new long[known];
        for (int i = 1; i <= known; i++) {
            ValueAndTimestamp<List<String>> c = counts.fetch(key, start - i * size);
            history[i - 1] = c == null || c.value() == null ? 0 : c.value().size();
        }
        Optional<Spike> spike = Spike.of(record.value().size(), Baseline.of(history), settings);
        if (spike.isEmpty()) return;

        Long lastSpike = marks.get(key);
        if (lastSpike == null || start > lastSpike) marks.put(key, start);
        if (lastSpike != null && lastSpike >= start - size) return; // already raised for this spike

        int bar = key.lastIndexOf('|');
        String governorate = key.substring(0, bar);
        String type = key.substring(bar + 1);
        EnrichedArticle escalation = EscalationArticles.of(governorate, type, Instant.ofEpochMilli(start),
                settings.window(), spike.get(), Instant.ofEpochMilli(record.timestamp()));
        log.info("escalation {}: {}", escalation.getId(), escalation.getText());
        context().forward(new Record<>(escalation.getId(), escalation, record.timestamp()));
    }

    private long firstWindow(long start) {
        Long first = marks.get(FIRST_WINDOW);
        if (first == null || start < first) {
            marks.put(FIRST_WINDOW, start);
            return start;
        }
        return first;
    }
}
