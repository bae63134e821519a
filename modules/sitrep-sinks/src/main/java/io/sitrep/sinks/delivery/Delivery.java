package io.sitrep.sinks.delivery;

/** The outcome of one delivery attempt. */
public sealed interface Delivery {
    /** The target accepted the notification. */
    record Delivered() implements Delivery {}

    /** The target could not take it now (down, overloaded, 5xx, 408, 429): try again later. */
    record Retry(String reason) implements Delivery {}

    /** The target refused it for good (a 4xx other than 408/429): retrying cannot help. */
    record Rejected(int status, String response) implements Delivery {}

    Delivered DELIVERED = new Delivered();
}
