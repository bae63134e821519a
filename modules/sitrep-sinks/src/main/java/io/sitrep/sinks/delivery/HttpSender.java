package io.sitrep.sinks.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** POSTs a body and classifies the answer the way every push sink needs it: delivered, retry, or refused. */
public final class HttpSender {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int RESPONSE_KEPT = 2_000;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Delivery post(URI url, byte[] body, String contentType, Map<String, String> headers)
            throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        HttpResponse<String> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Delivery.Retry(url + " unreachable: " + e);
        }
        return classify(response.statusCode(), response.body());
    }

    /** 2xx delivered; 408, 429 and 5xx are passing trouble; any other status is a refusal retrying cannot fix. */
    public static Delivery classify(int status, String body) {
        if (status >= 200 && status < 300) return Delivery.DELIVERED;
        String text = body == null ? "" : body.length() > RESPONSE_KEPT ? body.substring(0, RESPONSE_KEPT) + "…" : body;
        if (status == 408 || status == 429 || status >= 500) return new Delivery.Retry("HTTP " + status + " " + text);
        return new Delivery.Rejected(status, text);
    }
}
