package io.sitrep.streams.situation;

import io.sitrep.model.query.SituationQueries;
import io.sitrep.streams.StreamsProperties;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The situation application, run beside the main one in the same process: the main application's streams
 * properties with its own application id ({@code <id>-situation}) and client id.
 */
public final class SituationStreams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SituationStreams.class);
    public static final String SUFFIX = "-situation";

    private final KafkaStreams streams;
    private final SituationQueries queries;

    private SituationStreams(KafkaStreams streams) {
        this.streams = streams;
        this.queries = new GlobalStoreSituationQueries(streams);
    }

    /** @param mainProperties the main application's streams properties (left unchanged) */
    public static SituationStreams start(Properties mainProperties, SituationSettings settings) {
        Properties p = properties(mainProperties);
        KafkaStreams streams = new KafkaStreams(SituationTopology.build(p, settings), p);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("situation stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> log.info("situation streams {} -> {}", before, now));
        streams.start();
        return new SituationStreams(streams);
    }

    static Properties properties(Properties mainProperties) {
        Properties p = new Properties();
        p.putAll(mainProperties);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, mainProperties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + SUFFIX);
        String clientId = mainProperties.getProperty(StreamsConfig.CLIENT_ID_CONFIG);
        if (clientId != null) p.put(StreamsConfig.CLIENT_ID_CONFIG, clientId + SUFFIX);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1); // a few alerts a minute: one thread is plenty
        return p;
    }

    public SituationQueries queries() {
        return queries;
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        streams.close(StreamsProperties.closeOptions());
    }
}
