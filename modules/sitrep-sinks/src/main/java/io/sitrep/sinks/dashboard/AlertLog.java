package io.sitrep.sinks.dashboard;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The alerts topic as the feed sees it: a live tail many clients share, and re-reads of a stretch of it. */
interface AlertLog extends AutoCloseable {

    /**
     * Registers a listener for every record the tail reads from now on. The listener runs on the tail's thread:
     * it must not block. The subscription's start is the position right before the first record it will get.
     */
    Subscription subscribe(Consumer<LogRecord> listener);

    /** Reads, in offset order per partition, the committed records from {@code from} up to {@code until}. */
    void read(StreamPosition from, StreamPosition until, Consumer<LogRecord> sink, BooleanSupplier stop);

    /** Where the tail was about {@code ago} before now (or its oldest known position), never after its current one. */
    StreamPosition positionAgo(Duration ago);

    @Override
    void close();

    /** A live subscription; closing it stops the deliveries. */
    interface Subscription extends AutoCloseable {
        StreamPosition start();

        @Override
        void close();
    }
}
