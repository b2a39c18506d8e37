package io.pvekit.checks.internal.platform;

import io.pvekit.checks.Category;
import io.pvekit.checks.Check;
import io.pvekit.checks.CheckFunction;
import io.pvekit.checks.Severity;

/** Shorthand for declaring a check; the category comes from the id's prefix. */
final class Def {
  private Def() {}

  static Check check(
      String id,
      Severity severity,
      String title,
      String description,
      String remediation,
      CheckFunction function,
      String... dependencies) {
    return Check.builder()
        .id(id)
        .category(Category.parse(id.substring(0, id.indexOf('.'))))
        .severity(severity)
        .title(title)
        .description(description)
        .remediation(remediation)
        .addDependencies(dependencies)
        .function(function)
        .build();
  }
}
