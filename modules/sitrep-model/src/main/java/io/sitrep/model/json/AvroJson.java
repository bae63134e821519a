package io.sitrep.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro records as the JSON other programs read (HTTP, {@code tail}): field names as in the schema,
 * timestamps as ISO-8601 strings, enums as their symbols, unions unwrapped.
 */
public final class AvroJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AvroJson() {}

    public static ObjectNode toNode(IndexedRecord record) {
        ObjectNode out = F.objectNode();
        for (Schema.Field f : record.getSchema().getFields()) {
            out.set(f.name(), value(record.get(f.pos())));
        }
        return out;
    }

    public static String toJson(IndexedRecord record) {
        return write(toNode(record));
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode value(Object v) {
        if (v == null) return F.nullNode();
        if (v instanceof IndexedRecord r) return toNode(r);
        if (v instanceof CharSequence s) return F.textNode(s.toString());
        if (v instanceof Instant t) return F.textNode(t.toString());
        if (v instanceof Integer i) return F.numberNode(i);
        if (v instanceof Long l) return F.numberNode(l);
        if (v instanceof Double d) return F.numberNode(d);
        if (v instanceof Float d) return F.numberNode(d);
        if (v instanceof Boolean b) return F.booleanNode(b);
        if (v instanceof Enum<?> e) return F.textNode(e.name());
        if (v instanceof ByteBuffer b) {
            ByteBuffer copy = b.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return F.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = F.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = F.arrayNode();
            c.forEach(x -> a.add(value(x)));
            return a;
        }
        return F.textNode(v.toString());
    }
}
