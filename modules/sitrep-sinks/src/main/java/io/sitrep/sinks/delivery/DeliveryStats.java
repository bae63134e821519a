package io.sitrep.sinks.delivery;

/**
 * Counts since the sink started.
 *
 * @param delivered      notifications the target accepted
 * @param failedAttempts attempts answered with "try again" (each is followed by a backoff)
 * @param silenced       SILENCED versions recorded but not notified
 * @param deadLettered   records written to the DLQ (refused by the target, or undecodable)
 */
public record DeliveryStats(long delivered, long failedAttempts, long silenced, long deadLettered) {}
