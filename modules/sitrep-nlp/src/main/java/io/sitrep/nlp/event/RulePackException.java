package io.sitrep.nlp.event;

/** A rule pack that cannot be used: the message names the file, the rule and what is wrong. */
public final class RulePackException extends RuntimeException {
    public RulePackException(String message) { super(message); }

    public RulePackException(String message, Throwable cause) { super(message, cause); }
}
