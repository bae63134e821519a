package io.sitrep.sinks.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Every CAP message sitrep produces, for alerts of every type and status, meets the CAP 1.2 rules. */
class CapConformanceTest {
    private static final String NS = CapMessage.NS;
    private static Schema schema;
    private final CapMessage cap = new CapMessage(CapMapping.defaults());

    @BeforeAll
    static void loadSchema() throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schema = f.newSchema(new StreamSource(CapConformanceTest.class.getResource("/cap/cap-1.2-sitrep.xsd").toString()));
    }

    @Test
    void everyMessageForVariedAlertsValidatesAndFollowsTheMapping() throws Exception {
        List<Alert> alerts = VariedAlerts.all();
        assertThat(alerts).hasSizeGreaterThan(150);
        for (Alert a : alerts) {
            String xml = cap.toXml(a);
            validate(xml);
            Element root = parse(xml).getDocumentElement();
            checkBeyondTheSchema(root);
            assertThat(root.getNamespaceURI()).isEqualTo(NS);
            assertThat(text(root, "msgType")).isEqualTo(a.getVersion() == 1 ? "Alert" : "Update");
            assertThat(root.getElementsByTagNameNS(NS, "references").getLength()).isEqualTo(a.getVersion() == 1 ? 0 : 1);
            assertThat(text(root, "urgency").equals("Past")).isEqualTo(a.getStatus() == AlertStatus.RESOLVED);
            assertThat(root.getElementsByTagNameNS(NS, "area").getLength()).isEqualTo(a.getPlace() == null ? 0 : 1);
            // article-derived text is carried as text, unchanged (only the XML-forbidden control character replaced)
            assertThat(text(root, "headline")).contains(VariedAlerts.HOSTILE).doesNotContain("\u0001");
        }
    }

    @Test
    void theAtomFeedCarriesAValidCapMessagePerAlert() throws Exception {
        List<Alert> alerts = VariedAlerts.all();
        String feed = new CapFeature(new VariedAlerts.Table(alerts), CapMapping.defaults()).atom(alerts, "http://h:1");
        Document doc = parse(feed);
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(CapFeature.ATOM_NS);
        NodeList messages = doc.getElementsByTagNameNS(NS, "alert");
        assertThat(messages.getLength()).isEqualTo(alerts.size());
        Validator v = schema.newValidator();
        for (int i = 0; i < messages.getLength(); i++) {
            v.validate(new DOMSource(messages.item(i)));
            checkBeyondTheSchema((Element) messages.item(i));
        }
    }

    @Test
    void theMappingOfSeverityStatusAndCertaintyIsTheDocumentedOne() throws Exception {
        Alert a = VariedAlerts.alert(7, "ATTACK", AlertStatus.OPEN, true, 1);
        Alert critical = Alert.newBuilder(a).setSeverity(io.sitrep.model.avro.Severity.CRITICAL)
                .setEventStatus(io.sitrep.model.avro.EventStatus.ASSERTED).setIndependentOutlets(3).build();
        Element root = parse(cap.toXml(critical)).getDocumentElement();
        assertThat(text(root, "severity")).isEqualTo("Extreme");
        assertThat(text(root, "urgency")).isEqualTo("Immediate");
        assertThat(text(root, "certainty")).isEqualTo("Observed");
        assertThat(text(root, "category")).isEqualTo("Security");
        assertThat(text(root, "event")).isEqualTo("Attack");
        assertThat(text(root, "sent")).isEqualTo(CapMessage.capTime(critical.getFirstSeen())).endsWith("+00:00");
        Alert update = Alert.newBuilder(critical).setVersion(4).setStatus(AlertStatus.RESOLVED)
                .setResolvedAt(critical.getLastSeen().plusSeconds(5)).build();
        Element resolved = parse(cap.toXml(update)).getDocumentElement();
        assertThat(text(resolved, "responseType")).isEqualTo("AllClear");
        assertThat(text(resolved, "references")).isEqualTo("sitrep@sitrep.invalid,"
                + CapMessage.identifier(critical.getId(), 1) + "," + CapMessage.capTime(critical.getFirstSeen()));
        assertThat(text(resolved, "sent")).isEqualTo(CapMessage.capTime(update.getResolvedAt()));
    }

    @Test
    void theSchemaRefusesWhatCapForbids() {
        String good = cap.toXml(VariedAlerts.alert(1, "ATTACK", AlertStatus.OPEN, true, 3));
        assertThatThrownBy(() -> validate(good.replaceFirst("\\+00:00</sent>", "Z</sent>"))).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(good.replaceFirst("(</sent>)", ".123+00:00$1").replaceFirst("\\+00:00\\.123", ".123")))
                .isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(good.replace("<status>Actual</status>", "<status>Real</status>"))).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(good.replaceFirst("<scope>Public</scope>", ""))).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(good.replaceFirst("<urgency>", "<urgency>Very"))).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(good.replaceFirst("(<sent>[^<]*</sent>)(<status>[^<]*</status>)", "$2$1")))
                .isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(good.replaceFirst("<circle>[^<]*</circle>", ""))).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> validate(good.replace(NS, "urn:oasis:names:tc:emergency:cap:1.1"))).isInstanceOf(SAXException.class);
    }

    @Test
    void aMappingFileWithValuesCapDoesNotAllowIsRefused() {
        java.util.Properties p = new java.util.Properties();
        p.putAll(java.util.Map.of("sender", "sitrep", "senderName", "sitrep", "scope", "Public",
                "category.default", "Security", "radius.km.default", "10"));
        assertThat(CapMapping.from(p).category("ATTACK")).isEqualTo("Security");
        p.setProperty("category.ATTACK", "War");
        assertThatThrownBy(() -> CapMapping.from(p)).hasMessageContaining("category.ATTACK");
        p.setProperty("category.ATTACK", "Safety");
        p.setProperty("sender", "sitrep, ops");
        assertThatThrownBy(() -> CapMapping.from(p)).hasMessageContaining("sender");
    }

    private static void validate(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    /** What XML Schema 1.0 cannot express: coordinates in range, polygons closed, references to earlier messages. */
    private static void checkBeyondTheSchema(Element alert) {
        for (String circle : texts(alert, "circle")) {
            String[] parts = circle.split("[ ,]");
            assertThat(Double.parseDouble(parts[0])).isBetween(-90.0, 90.0);
            assertThat(Double.parseDouble(parts[1])).isBetween(-180.0, 180.0);
            assertThat(Double.parseDouble(parts[2])).isPositive();
        }
        for (String polygon : texts(alert, "polygon")) {
            String[] points = polygon.trim().split("\\s+");
            assertThat(points[0]).as("closed polygon").isEqualTo(points[points.length - 1]);
        }
        for (String ref : texts(alert, "references")) {
            assertThat(ref.split(",")[2]).isLessThanOrEqualTo(text(alert, "sent"));
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String text(Element root, String name) {
        return root.getElementsByTagNameNS(NS, name).item(0).getTextContent();
    }

    private static List<String> texts(Element root, String name) {
        NodeList nodes = root.getElementsByTagNameNS(NS, name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }
}
