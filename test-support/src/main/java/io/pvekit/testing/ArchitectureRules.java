package io.pvekit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;

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
    assertOnlyOwnInternalsUsed(modulePackage, Set.of());
  }

  /**
   * Fails when production classes under {@code modulePackage} use an internal package of any other
   * pvekit module, except the internal packages another module deliberately shares with this one
   * (each such package is named by the calling test, with the reason).
   *
   * @param modulePackage the module's public package, for example {@code io.pvekit.lxc}
   * @param sharedInternals internal packages of other modules this one may use, exactly as named
   */
  public static void assertOnlyOwnInternalsUsed(String modulePackage, Set<String> sharedInternals) {
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
                "are internal classes of another pvekit module, not shared with this one",
                c ->
                    c.getPackageName().startsWith("io.pvekit.")
                        && c.getPackageName().contains(".internal")
                        && !c.getPackageName().startsWith(modulePackage + ".")
                        && !sharedInternals.contains(c.getPackageName())))
        .because("modules talk only through each other's public package")
        .check(classes);
  }
}
