package io.pvekit.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares what a test class or method needs from the host. Missing prerequisites skip the test
 * locally and fail it under {@code CI=true}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(PrerequisiteExtension.class)
public @interface Requires {
  /** The prerequisites, all of which must be present. */
  Prerequisite[] value();
}
