package io.sitrep.model.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of a record schema, read from {@code schemas/released/<Name>/v<N>.avsc}
 * on the classpath. A decoder holding them reads data written by any released producer.
 */
public final class SchemaHistory {
    private static final String ROOT = "schemas/released/";

    private SchemaHistory() {}

    /** Released versions of the named record (simple name, e.g. {@code Alert}), oldest first. */
    public static List<Schema> released(String recordName) {
        List<Schema> out = new ArrayList<>();
        for (int v = 1; ; v++) {
            String path = ROOT + recordName + "/v" + v + ".avsc";
            try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) return out;
                out.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }

    public static SchemaStore.Cache storeFor(Schema current) {
        SchemaStore.Cache cache = new SchemaStore.Cache();
        cache.addSchema(current);
        released(current.getName()).forEach(cache::addSchema);
        return cache;
    }
}
