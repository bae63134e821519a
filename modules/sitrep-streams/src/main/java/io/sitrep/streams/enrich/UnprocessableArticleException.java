package io.sitrep.streams.enrich;

/** An article that cannot be understood; the processing exception handler sends it to the DLQ with this reason. */
public final class UnprocessableArticleException extends RuntimeException {
    public UnprocessableArticleException(String message) { super(message); }
}
