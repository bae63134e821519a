package io.sitrep.sinks.cap;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.EventStatus;
import io.sitrep.model.avro.HistoryEntry;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.Report;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One alert version as an OASIS CAP 1.2 {@code <alert>}: elements in schema order, values from CAP's
 * enumerations, {@code sent} as {@code YYYY-MM-DDThh:mm:ss+00:00}. The mapping is documented in docs/SINKS.md.
 */
public final class CapMessage {
    public static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String MEDIA_TYPE = "application/cap+xml";
    private static final DateTimeFormatter CAP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Characters XML 1.0 cannot carry at all; article text may contain them. */
    private static final String NOT_XML = "[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final CapMapping mapping;

    public CapMessage(CapMapping mapping) {
        this.mapping = mapping;
    }

    /** A standalone CAP document. */
    public String toXml(Alert alert) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            write(w, alert);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write CAP for " + alert.getId(), e);
        }
        return out.toString();
    }

    /** {@code urn:sitrep:alert:<id>:v<version>}: unique per version, no spaces, commas, '<' or '&'. */
    public static String identifier(String alertId, int version) {
        return "urn:sitrep:alert:" + alertId.replaceAll("[\\s,<&]", "_") + ":v" + version;
    }

    public static String capTime(Instant t) {
        return CAP_TIME.format(t);
    }

    /**
     * When this version was issued: the first version at firstSeen, later ones at the latest moment the alert
     * records (last report, operator action, resolution). Deterministic, so every instance writes the same message.
     */
    public static Instant sent(Alert a) {
        if (a.getVersion() <= 1) return a.getFirstSeen();
        Instant t = a.getLastSeen();
        for (HistoryEntry h : a.getHistory()) if (h.getAt().isAfter(t)) t = h.getAt();
        if (a.getResolvedAt() != null && a.getResolvedAt().isAfter(t)) t = a.getResolvedAt();
        return t.isBefore(a.getFirstSeen()) ? a.getFirstSeen() : t;
    }

    /** Writes the {@code <alert>} element (declaring the CAP namespace on it) to {@code w}. */
    public void write(XMLStreamWriter w, Alert a) throws XMLStreamException {
        w.writeStartElement("", "alert", NS);
        w.writeDefaultNamespace(NS);
        element(w, "identifier", identifier(a.getId(), a.getVersion()));
        element(w, "sender", mapping.sender());
        element(w, "sent", capTime(sent(a)));
        element(w, "status", "Actual");
        element(w, "msgType", a.getVersion() <= 1 ? "Alert" : "Update");
        element(w, "scope", mapping.scope());
        element(w, "note", note(a));
        if (a.getVersion() > 1) {
            element(w, "references", mapping.sender() + "," + identifier(a.getId(), 1) + "," + capTime(a.getFirstSeen()));
        }
        info(w, a);
        w.writeEndElement();
    }

    private void info(XMLStreamWriter w, Alert a) throws XMLStreamException {
        w.writeStartElement("info");
        element(w, "language", "en");
        element(w, "category", mapping.category(a.getType()));
        element(w, "event", eventName(a.getType()));
        element(w, "responseType", a.getStatus() == AlertStatus.RESOLVED ? "AllClear" : "Monitor");
        element(w, "urgency", urgency(a));
        element(w, "severity", severity(a));
        element(w, "certainty", certainty(a));
        valuePair(w, "eventCode", "sitrep:type", a.getType());
        element(w, "onset", capTime(a.getFirstSeen()));
        element(w, "senderName", mapping.senderName());
        element(w, "headline", a.getHeadline());
        element(w, "description", description(a));
        valuePair(w, "parameter", "sitrep:alertId", a.getId());
        valuePair(w, "parameter", "sitrep:version", String.valueOf(a.getVersion()));
        valuePair(w, "parameter", "sitrep:status", a.getStatus().name());
        valuePair(w, "parameter", "sitrep:eventStatus", a.getEventStatus().name());
        valuePair(w, "parameter", "sitrep:confidence", String.valueOf(a.getConfidence()));
        valuePair(w, "parameter", "sitrep:independentOutlets", String.valueOf(a.getIndependentOutlets()));
        if (!a.getActors().isEmpty()) valuePair(w, "parameter", "sitrep:actors", String.join(", ", a.getActors()));
        Place p = a.getPlace();
        if (p != null) area(w, p);
        w.writeEndElement();
    }

    private void area(XMLStreamWriter w, Place p) throws XMLStreamException {
        w.writeStartElement("area");
        List<String> desc = new ArrayList<>(List.of(p.getName()));
        if (p.getAdmin1() != null && !p.getAdmin1().equals(p.getName())) desc.add(p.getAdmin1());
        if (p.getCountry() != null) desc.add(p.getCountry());
        element(w, "areaDesc", String.join(", ", desc));
        element(w, "circle", String.format(Locale.ROOT, "%.5f,%.5f %s", p.getLat(), p.getLon(),
                decimal(mapping.radiusKm(p.getKind()))));
        valuePair(w, "geocode", "sitrep:place", p.getId());
        w.writeEndElement();
    }

    /** CRITICAL Extreme, HIGH Severe, MEDIUM Moderate, LOW Minor, INFO Unknown. */
    static String severity(Alert a) {
        return switch (a.getSeverity()) {
            case CRITICAL -> "Extreme";
            case HIGH -> "Severe";
            case MEDIUM -> "Moderate";
            case LOW -> "Minor";
            case INFO -> "Unknown";
        };
    }

    /** Resolved: Past; planned: Future; otherwise by severity: Immediate (critical, high), Expected (medium), Unknown. */
    static String urgency(Alert a) {
        if (a.getStatus() == AlertStatus.RESOLVED) return "Past";
        if (a.getEventStatus() == EventStatus.PLANNED) return "Future";
        return switch (a.getSeverity()) {
            case CRITICAL, HIGH -> "Immediate";
            case MEDIUM -> "Expected";
            case LOW, INFO -> "Unknown";
        };
    }

    /** Asserted by two or more independent outlets: Observed; by one: Likely; planned or hypothetical: Possible. */
    static String certainty(Alert a) {
        return switch (a.getEventStatus()) {
            case ASSERTED -> a.getIndependentOutlets() >= 2 ? "Observed" : "Likely";
            case PLANNED, HYPOTHETICAL -> "Possible";
            case NEGATED -> "Unlikely";
            case HISTORICAL -> "Observed";
        };
    }

    static String eventName(String type) {
        String t = type.toLowerCase(Locale.ROOT).replace('_', ' ');
        return t.isEmpty() ? "Unknown" : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private static String note(Alert a) {
        StringBuilder n = new StringBuilder("sitrep status ").append(a.getStatus());
        if (a.getStatus() == AlertStatus.SILENCED && a.getSilencedUntil() != null) {
            n.append(" until ").append(capTime(a.getSilencedUntil()));
        }
        if (a.getAssignee() != null) n.append("; assigned to ").append(a.getAssignee());
        if (!a.getChanges().isEmpty()) n.append("; changes in version ").append(a.getVersion()).append(": ")
                .append(String.join(", ", a.getChanges()));
        return n.toString();
    }

    private static String description(Alert a) {
        StringBuilder d = new StringBuilder();
        if (a.getSummary() != null) d.append(a.getSummary());
        if (!a.getEvidence().isEmpty()) {
            if (d.length() > 0) d.append("\n\n");
            d.append("Evidence:\n").append(a.getEvidence().stream().map(e -> "- " + e).collect(Collectors.joining("\n")));
        }
        List<Report> originals = a.getReports().stream().filter(r -> r.getDuplicateOf() == null).toList();
        if (!originals.isEmpty()) {
            if (d.length() > 0) d.append("\n\n");
            d.append("Sources:\n").append(originals.stream()
                    .map(r -> "- " + (r.getOutlet() != null ? r.getOutlet() : r.getArticleId())
                            + (r.getUrl() != null ? " " + r.getUrl() : ""))
                    .collect(Collectors.joining("\n")));
        }
        return d.length() == 0 ? a.getHeadline() : d.toString();
    }

    private static String decimal(double km) {
        return km == Math.rint(km) ? String.valueOf((long) km) : String.valueOf(km);
    }

    private static void valuePair(XMLStreamWriter w, String name, String valueName, String value) throws XMLStreamException {
        w.writeStartElement(name);
        element(w, "valueName", valueName);
        element(w, "value", value);
        w.writeEndElement();
    }

    static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text.replaceAll(NOT_XML, "\uFFFD"));
        w.writeEndElement();
    }
}
