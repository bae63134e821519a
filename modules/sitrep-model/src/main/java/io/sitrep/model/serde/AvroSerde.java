package io.sitrep.model.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding (C3 01 + schema fingerprint + body): self-describing without a
 * registry. The decoder knows every released schema, so old and new writers both decode.
 */
public final class AvroSerde<T extends SpecificRecordBase> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public AvroSerde(Class<T> type, Schema schema) {
        AvroTrust.install();
        this.type = type;
        SpecificData data = SpecificData.getForClass(type);
        this.encoder = new BinaryMessageEncoder<>(data, schema);
        this.decoder = new BinaryMessageDecoder<>(data, schema, SchemaHistory.storeFor(schema));
        SchemaHistory.released(schema.getName()).forEach(decoder::addSchema);
    }

    public static <T extends SpecificRecordBase> AvroSerde<T> of(Class<T> type) {
        try {
            Schema schema = (Schema) type.getField("SCHEMA$").get(null);
            return new AvroSerde<>(type, schema);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " is not a generated Avro class", e);
        }
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) return null;
        try {
            ByteBuffer buf = encoder.encode(value);
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + type.getSimpleName() + " for " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) return null;
        try {
            return decoder.decode(data);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("not a " + type.getSimpleName() + " record on " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override public Serializer<T> serializer() { return this; }
    @Override public Deserializer<T> deserializer() { return this; }
    @Override public void configure(java.util.Map<String, ?> configs, boolean isKey) {}
    @Override public void close() {}

    public Class<T> type() { return type; }
}
