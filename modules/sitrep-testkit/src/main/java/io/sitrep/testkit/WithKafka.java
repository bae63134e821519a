package io.sitrep.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class one {@link KafkaFixture}, started before its first test and closed after its last,
 * injected into constructor, {@code @BeforeAll}, {@code @BeforeEach} and test method parameters of type
 * {@code KafkaFixture}. Nested test classes share their outermost class's broker.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(KafkaFixtureExtension.class)
public @interface WithKafka {}
