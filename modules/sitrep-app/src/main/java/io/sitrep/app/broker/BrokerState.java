package io.sitrep.app.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What the embedded broker must remember between starts, kept next to its logs: the cluster id it was formatted
 * with and the controller port, which the formatted KRaft voter set names and so must not change.
 */
record BrokerState(String clusterId, int controllerPort) {
    static final String FILE_NAME = "sitrep-broker.properties";

    static BrokerState read(Path kafkaDir) {
        Path file = kafkaDir.resolve(FILE_NAME);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String clusterId = properties.getProperty("cluster.id");
        String port = properties.getProperty("controller.port");
        if (clusterId == null || port == null) {
            throw new IllegalStateException(file + " lacks cluster.id or controller.port: restore it or start on an empty data directory");
        }
        try {
            return new BrokerState(clusterId, Integer.parseInt(port.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ": controller.port is not a number: " + port, e);
        }
    }

    static boolean exists(Path kafkaDir) {
        return Files.isRegularFile(kafkaDir.resolve(FILE_NAME));
    }

    void write(Path kafkaDir) {
        Properties properties = new Properties();
        properties.setProperty("cluster.id", clusterId);
        properties.setProperty("controller.port", Integer.toString(controllerPort));
        Path file = kafkaDir.resolve(FILE_NAME);
        Path temp = kafkaDir.resolve(FILE_NAME + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp)) {
            properties.store(writer, "sitrep embedded broker: written at format time, do not edit");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
