package io.sitrep.sinks.webhook;

import io.sitrep.sinks.delivery.AlertTarget;
import io.sitrep.sinks.delivery.Delivery;
import io.sitrep.sinks.delivery.HttpSender;
import io.sitrep.sinks.delivery.Notification;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** POSTs each notification to one URL, signed, with a timestamp and the idempotency key. */
public final class WebhookTarget implements AlertTarget {
    public static final String IDEMPOTENCY_HEADER = "X-Sitrep-Idempotency-Key";
    public static final String TIMESTAMP_HEADER = "X-Sitrep-Timestamp";
    public static final String EVENT_HEADER = "X-Sitrep-Event";

    private final WebhookSettings settings;
    private final HttpSender http = new HttpSender();
    private final Clock clock;

    public WebhookTarget(WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Delivery deliver(Notification n) throws InterruptedException {
        byte[] body = WebhookPayloads.body(settings.format(), n);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IDEMPOTENCY_HEADER, n.idempotencyKey());
        headers.put(EVENT_HEADER, n.event().name());
        headers.put(TIMESTAMP_HEADER, String.valueOf(clock.instant().getEpochSecond()));
        if (settings.secret() != null) headers.put(WebhookSignature.HEADER, WebhookSignature.sign(settings.secret(), body));
        return http.post(settings.url(), body, "application/json; charset=utf-8", headers);
    }
}
