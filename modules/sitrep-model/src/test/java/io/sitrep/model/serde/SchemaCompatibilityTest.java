package io.sitrep.model.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.model.topic.Topic;
import io.sitrep.model.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every topic's current schema reads data of every released version and released readers read current data:
 * producers and consumers can be upgraded in any order.
 */
class SchemaCompatibilityTest {

    static Stream<Schema> currentSchemas() {
        return Topics.ALL.stream().map(Topic::valueSerde).filter(AvroSerde.class::isInstance)
                .map(s -> schemaOf(((AvroSerde<?>) s).type()));
    }

    private static Schema schemaOf(Class<? extends SpecificRecordBase> type) {
        try {
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void currentSchemaIsMutuallyCompatibleWithEveryReleasedVersion(Schema current) {
        List<Schema> released = SchemaHistory.released(current.getName());
        assertThat(released).as("a released v1 of %s under schemas/released/%s/", current.getName(), current.getName())
                .isNotEmpty();
        for (Schema old : released) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType())
                    .as("%s reads data written with a released version", current.getName())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(old, current).getType())
                    .as("released readers of %s read current data", current.getName())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void theLatestReleasedVersionIsTheCurrentSchemaOrTheCurrentOneIsNew(Schema current) throws IOException {
        // a changed schema must be released as a new version file, so the decoder's store knows it
        List<Schema> released = SchemaHistory.released(current.getName());
        Schema latest = released.get(released.size() - 1);
        assertThat(latest).as("schemas/released/%s/v%d.avsc matches schemas/%s.avsc; release the change as v%d",
                current.getName(), released.size(), current.getName(), released.size() + 1).isEqualTo(current);
        Path dir = Path.of(System.getProperty("sitrep.root", "../.."), "schemas", "released", current.getName());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).as("every file in %s is a version the decoder loads", dir).isEqualTo(released.size());
        }
    }
}
