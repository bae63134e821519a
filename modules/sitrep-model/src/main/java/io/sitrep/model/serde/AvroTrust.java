package io.sitrep.model.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.2 refuses to instantiate classes it has not been told to trust. Our generated
 * classes live under {@code io.sitrep}; trust them in addition to Avro's defaults, once per JVM.
 */
public final class AvroTrust {
    private static volatile boolean installed;

    private AvroTrust() {}

    public static void install() {
        if (installed) return;
        synchronized (AvroTrust.class) {
            if (installed) return;
            ClassSecurityValidator.ClassSecurityPredicate ours = c -> c.getName().startsWith("io.sitrep.");
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ours, ClassSecurityValidator.getGlobal()));
            installed = true;
        }
    }
}
