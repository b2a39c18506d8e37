package io.pvekit.lxc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  /**
   * The internals pvekit-oci shares with this module (and only with it): file-system helpers that
   * stay inside a root, atomic file writes and the JSON display of values. Everything else of
   * another module is used through its public package.
   */
  static final Set<String> SHARED_BY_OCI =
      Set.of("io.pvekit.oci.internal.fs", "io.pvekit.oci.internal.json");

  @Test
  void usesNoOtherModulesInternals_butWhatPvekitOciSharesWithIt() {
    noClasses()
        .that()
        .resideInAPackage("io.pvekit.lxc..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are internal classes of another pvekit module, not shared with this one",
                (JavaClass c) ->
                    c.getPackageName().startsWith("io.pvekit.")
                        && c.getPackageName().contains(".internal")
                        && !c.getPackageName().startsWith("io.pvekit.lxc.")
                        && !SHARED_BY_OCI.contains(c.getPackageName())))
        .because("modules talk through each other's public package")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.pvekit.lxc"));
  }
}
