package io.sitrep.sinks.delivery;

/** Where a push sink sends alerts: a webhook, an Alertmanager, ... One attempt per call; {@link AlertDelivery} retries. */
public interface AlertTarget extends AutoCloseable {
    /** Short name for logs and the dead-letter headers, e.g. {@code webhook}. */
    String name();

    /** One delivery attempt; must not throw for target failures (answer {@link Delivery.Retry} instead). */
    Delivery deliver(Notification notification) throws InterruptedException;

    @Override
    default void close() {}
}
