package io.sitrep.sinks.cap;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.query.AlertFilter;
import io.sitrep.model.query.AlertQueries;
import io.sitrep.sinks.http.ApiServer;
import io.sitrep.sinks.http.HttpFeature;
import io.sitrep.sinks.http.Role;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * CAP 1.2 over HTTP (VIEWER): {@code GET /api/alerts/{id}/cap}, one CAP message for the alert's latest version,
 * and {@code GET /api/cap}, an Atom feed with a CAP message per alert (latest version, newest first; {@code
 * ?limit=}, default 100).
 */
public final class CapFeature implements HttpFeature {
    public static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1_000;
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final AlertQueries queries;
    private final CapMessage cap;

    public CapFeature(AlertQueries queries, CapMapping mapping) {
        this.queries = queries;
        this.cap = new CapMessage(mapping);
    }

    /** With the mapping shipped in the jar ({@code cap/cap-mapping.properties}). */
    public static CapFeature of(AlertQueries queries) {
        return new CapFeature(queries, CapMapping.defaults());
    }

    @Override
    public void register(JavalinConfig cfg) {
        cfg.routes.get("/api/cap", this::feed, Role.VIEWER);
        cfg.routes.get("/api/alerts/{id}/cap", this::one, Role.VIEWER);
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        queries.alert(id).ifPresentOrElse(
                a -> ctx.status(200).contentType(CapMessage.MEDIA_TYPE + "; charset=utf-8").result(cap.toXml(a)),
                () -> ApiServer.error(ctx, 404, "no alert with id " + id));
    }

    private void feed(Context ctx) {
        int limit = limit(ctx.queryParam("limit"));
        List<Alert> alerts = queries.alerts(new AlertFilter(Set.of(), Set.of(), null, null, limit));
        String base = ctx.url().substring(0, ctx.url().length() - ctx.path().length());
        ctx.status(200).contentType("application/atom+xml; charset=utf-8").result(atom(alerts, base));
    }

    /** The Atom feed: one entry per alert, its CAP message inline as the entry's content. */
    public String atom(List<Alert> alerts, String base) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("", "feed", ATOM_NS);
            w.writeDefaultNamespace(ATOM_NS);
            CapMessage.element(w, "id", "urn:sitrep:cap-feed");
            CapMessage.element(w, "title", "sitrep alerts (CAP 1.2)");
            Instant updated = alerts.stream().map(CapMessage::sent).max(Instant::compareTo).orElse(Instant.EPOCH);
            CapMessage.element(w, "updated", CapMessage.capTime(updated));
            w.writeStartElement("author");
            CapMessage.element(w, "name", "sitrep");
            w.writeEndElement();
            link(w, "self", "application/atom+xml", base + "/api/cap");
            for (Alert a : alerts) {
                w.writeStartElement("entry");
                CapMessage.element(w, "id", CapMessage.identifier(a.getId(), a.getVersion()));
                CapMessage.element(w, "title", a.getHeadline());
                CapMessage.element(w, "updated", CapMessage.capTime(CapMessage.sent(a)));
                link(w, "alternate", CapMessage.MEDIA_TYPE,
                        base + "/api/alerts/" + URLEncoder.encode(a.getId(), StandardCharsets.UTF_8) + "/cap");
                w.writeStartElement("content");
                w.writeAttribute("type", CapMessage.MEDIA_TYPE);
                cap.write(w, a);
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the CAP feed", e);
        }
        return out.toString();
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    private static int limit(String s) {
        if (s == null || s.isBlank()) return DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(s.trim());
            if (n > 0) return Math.min(n, MAX_LIMIT);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ApiServer.BadRequest("bad limit '" + s + "': a positive integer");
    }
}
