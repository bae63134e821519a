package io.sitrep.sinks.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Report;
import io.sitrep.model.json.AvroJson;
import io.sitrep.sinks.delivery.Notification;
import java.nio.charset.StandardCharsets;

/** The bodies a webhook receives. */
public final class WebhookPayloads {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int HEADER_MAX = 150; // Slack's limit for plain_text in a header block
    private static final int SECTION_MAX = 3_000;
    private static final int LINKS_MAX = 5;

    private WebhookPayloads() {}

    public static byte[] body(WebhookFormat format, Notification n) {
        ObjectNode node = format == WebhookFormat.SLACK ? slack(n) : json(n);
        return AvroJson.write(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The alert as the HTTP API shows it, plus {@code event} (NEW, UPDATED, RESOLVED) and {@code idempotencyKey}. */
    public static ObjectNode json(Notification n) {
        ObjectNode o = F.objectNode();
        o.put("event", n.event().name());
        o.put("idempotencyKey", n.idempotencyKey());
        o.setAll(AvroJson.toNode(n.alert()));
        return o;
    }

    /** {@code {"text": ..., "blocks": [...]}}: a fallback line plus header, summary and sources. */
    public static ObjectNode slack(Notification n) {
        Alert a = n.alert();
        String line = "[" + a.getSeverity() + "] " + a.getHeadline() + " (" + n.event() + ", v" + a.getVersion() + ")";
        ObjectNode o = F.objectNode();
        o.put("text", escape(line));
        ArrayNode blocks = o.putArray("blocks");

        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(a.getSeverity() + " · " + a.getHeadline(), HEADER_MAX));

        StringBuilder section = new StringBuilder();
        section.append("*").append(n.event()).append("* ").append(escape(a.getType())).append(" · status *")
                .append(a.getStatus()).append("* · v").append(a.getVersion());
        Place p = a.getPlace();
        if (p != null) {
            section.append("\n*Place:* ").append(escape(p.getName()));
            if (p.getAdmin1() != null) section.append(", ").append(escape(p.getAdmin1()));
            if (p.getCountry() != null) section.append(" (").append(escape(p.getCountry())).append(")");
        }
        if (a.getSummary() != null) section.append("\n>").append(escape(a.getSummary()).replace("\n", " "));
        ObjectNode s = blocks.addObject().put("type", "section");
        s.putObject("text").put("type", "mrkdwn").put("text", cut(section.toString(), SECTION_MAX));

        StringBuilder sources = new StringBuilder(a.getIndependentOutlets() + " independent outlet(s)");
        int links = 0;
        for (Report r : a.getReports()) {
            if (r.getDuplicateOf() != null || links == LINKS_MAX) continue;
            String outlet = r.getOutlet() != null ? r.getOutlet() : r.getArticleId();
            sources.append(" · ");
            if (r.getUrl() != null && r.getUrl().matches("https?://[^\\s|<>]+")) {
                sources.append('<').append(r.getUrl().replace("&", "&amp;")).append('|').append(escape(outlet)).append('>');
            } else {
                sources.append(escape(outlet));
            }
            links++;
        }
        sources.append(" · ").append(escape(a.getId()));
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text", cut(sources.toString(), SECTION_MAX));
        return o;
    }

    /** Slack's control characters in mrkdwn: article text must not become links or mentions. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
