package io.pvekit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module boundary rule, checked in every module: code of one module never reaches into another
 * module's {@code ..internal..} packages.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /**
   * Fails when production classes under {@code modulePackage} use an internal package of any other
   * pvekit module.
   *
   * @param modulePackage the module's public package, for example {@code io.pvekit.proxmox}
   */
  public static void assertOnlyOwnInternalsUsed(String modulePackage) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(modulePackage);
    if (classes.isEmpty()) {
      throw new AssertionError("no production classes found under " + modulePackage);
    }
    noClasses()
        .that()
        .resideInAPackage(modulePackage + "..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "are internal classes of another pvekit module",
                c ->
                    c.getPackageName().startsWith("io.pvekit.")
                        && c.getPackageName().contains(".internal")
                        && !c.getPackageName().startsWith(modulePackage + ".")))
        .because("modules talk only through each other's public package")
        .check(classes);
  }
}
