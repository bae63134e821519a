package io.sitrep.app.broker;

/** The embedded broker's port is taken, most likely by another broker: the user has to choose. */
public final class BrokerPortInUseException extends IllegalStateException {
    private final int port;

    BrokerPortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " in use on " + host
                + ": another broker running? use --broker-port or --bootstrap-servers", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
