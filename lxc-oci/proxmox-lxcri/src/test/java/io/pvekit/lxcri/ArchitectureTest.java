package io.pvekit.lxcri;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  /**
   * What the runtime shares with its own command line: the state files the lean commands read
   * without loading the translator or liblxc (start-up time is the CLI's main cost), the bundle
   * preparation and hook runner that {@code explain} and {@code hook} show and run.
   */
  static final Set<String> SHARED_BY_LXC = Set.of("io.pvekit.lxc.internal.runtime");

  @Test
  void usesNoOtherModulesInternals_butWhatTheRuntimeSharesWithIt() {
    noClasses()
        .that()
        .resideInAPackage("io.pvekit.lxcri..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are internal classes of another pvekit module, not shared with this one",
                (JavaClass c) ->
                    c.getPackageName().startsWith("io.pvekit.")
                        && c.getPackageName().contains(".internal")
                        && !c.getPackageName().startsWith("io.pvekit.lxcri.")
                        && !SHARED_BY_LXC.contains(c.getPackageName())))
        .because("modules talk through each other's public package")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.pvekit.lxcri"));
  }
}
