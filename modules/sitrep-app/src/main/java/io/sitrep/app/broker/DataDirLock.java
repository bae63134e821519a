package io.sitrep.app.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Keeps a second sitrep (in this or another process) off a data directory whose broker is running. */
final class DataDirLock implements AutoCloseable {
    private static final String FILE_NAME = "sitrep.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path kafkaDir) {
        Path file = kafkaDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(kafkaDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(kafkaDir);
            }
            return new DataDirLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(kafkaDir);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on the broker's data directory", e);
        }
    }

    private static IllegalStateException inUse(Path kafkaDir) {
        return new IllegalStateException("the embedded broker's data in " + kafkaDir
                + " is in use: another sitrep running on this data directory? stop it or use another --data-dir");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing with a better message
            }
        }
    }
}
