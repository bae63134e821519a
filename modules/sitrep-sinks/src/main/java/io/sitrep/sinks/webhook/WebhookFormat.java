package io.sitrep.sinks.webhook;

import java.util.Locale;

/** The body a webhook gets: the alert as JSON, or a Slack-compatible message. */
public enum WebhookFormat {
    JSON, SLACK;

    /** {@code json} or {@code slack}, as in the {@code webhook.format} setting. */
    public static WebhookFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook.format must be json or slack, not '" + s + "'");
        }
    }
}
