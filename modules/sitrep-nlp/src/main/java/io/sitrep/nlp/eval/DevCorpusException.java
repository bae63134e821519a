package io.sitrep.nlp.eval;

/** A dev corpus that cannot be read or breaks the format; the message names the file and line. */
public final class DevCorpusException extends RuntimeException {
    public DevCorpusException(String message) {
        super(message);
    }

    public DevCorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
