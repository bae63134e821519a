package io.sitrep.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Shares one {@link KafkaFixture} per top-level test class (see {@link WithKafka}). The fixture lives in the
 * class's extension store, which closes it when the class is done.
 */
public final class KafkaFixtureExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaFixtureExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        fixture(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return fixture(context);
    }

    /** The fixture of the test class {@code context} belongs to, started on first use. */
    public static KafkaFixture fixture(ExtensionContext context) {
        return outermostClassContext(context).getStore(NAMESPACE)
                .getOrComputeIfAbsent(KafkaFixture.class, key -> KafkaFixture.start(), KafkaFixture.class);
    }

    private static ExtensionContext outermostClassContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }
}
