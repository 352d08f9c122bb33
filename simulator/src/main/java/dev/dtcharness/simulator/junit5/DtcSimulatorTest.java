package dev.dtcharness.simulator.junit5;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class with a default simulator: take it as a {@code DtcSimulator} parameter. See {@link DtcSimulatorExtension}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DtcSimulatorExtension.class)
public @interface DtcSimulatorTest {
}
