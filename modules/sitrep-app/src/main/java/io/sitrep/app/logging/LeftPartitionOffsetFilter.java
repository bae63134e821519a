package io.sitrep.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the Kafka consumer's warnings about offset answers for a partition it no longer holds. A global table's
 * consumer restores its partitions one after another, and each answer that arrives after it moved on logs a
 * warning: dozens of harmless lines at every start that would bury the ones an operator must read. Every other
 * message of that logger passes. Kafka's clients put their context ("[Consumer clientId=…] ") before the format.
 */
public final class LeftPartitionOffsetFilter extends TurboFilter {
    static final String LOGGER = "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format != null && level == Level.WARN && logger.getName().equals(LOGGER)
                && format.endsWith(" as it is no longer assigned") && format.contains("Not updating ")) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
