package io.pvekit.testing;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Checks the {@link Requires} prerequisites. Elsewhere a missing prerequisite disables the test
 * with the reason (reported as skipped); under {@code CI=true} the test runs into a failure before
 * its body instead.
 */
public final class PrerequisiteExtension
    implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {
  /**
   * System property with a comma-separated list of {@link Prerequisite} names to treat as missing,
   * to see how the suite behaves on a machine without them ({@code -Dpvekit.pretendMissing=ROOT}).
   */
  public static final String PRETEND_MISSING_PROPERTY = "pvekit.pretendMissing";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> missing = describeMissing(context);
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("prerequisites present");
    }
    if (Ci.isCi()) {
      return ConditionEvaluationResult.enabled("CI=true: runs to fail on " + missing.get());
    }
    return ConditionEvaluationResult.disabled("skipped: " + missing.get());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    failUnderCi(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    failUnderCi(context);
  }

  private static void failUnderCi(ExtensionContext context) {
    Optional<String> missing = describeMissing(context);
    if (missing.isPresent() && Ci.isCi()) {
      throw new AssertionError(
          "CI=true, so a missing prerequisite fails instead of skipping: "
              + missing.get()
              + ". Install it in .ci/run.");
    }
  }

  /** The missing prerequisites of the test class and, for a test, of its method. */
  private static Optional<String> describeMissing(ExtensionContext context) {
    Optional<Class<?>> testClass = context.getTestClass();
    if (testClass.isEmpty()) {
      return Optional.empty();
    }
    List<AnnotatedElement> elements = new ArrayList<>();
    elements.add(testClass.get());
    context.getTestMethod().ifPresent(elements::add);
    Set<Prerequisite> wanted = EnumSet.noneOf(Prerequisite.class);
    for (AnnotatedElement element : elements) {
      AnnotationSupport.findAnnotation(element, Requires.class)
          .ifPresent(r -> wanted.addAll(List.of(r.value())));
    }
    List<String> reasons = new ArrayList<>();
    for (Prerequisite prerequisite : wanted) {
      whyMissing(prerequisite)
          .ifPresent(
              why ->
                  reasons.add(
                      prerequisite.displayName()
                          + ": "
                          + why
                          + " ("
                          + prerequisite.remedy()
                          + ")"));
    }
    return reasons.isEmpty()
        ? Optional.empty()
        : Optional.of(testClass.get().getSimpleName() + " needs " + String.join("; ", reasons));
  }

  /** Why the prerequisite is missing here, honouring {@link #PRETEND_MISSING_PROPERTY}. */
  static Optional<String> whyMissing(Prerequisite prerequisite) {
    String pretend = System.getProperty(PRETEND_MISSING_PROPERTY, "");
    for (String name : pretend.split(",")) {
      if (name.trim().equals(prerequisite.name())) {
        return Optional.of("pretended missing via -D" + PRETEND_MISSING_PROPERTY);
      }
    }
    return prerequisite.missing();
  }
}
