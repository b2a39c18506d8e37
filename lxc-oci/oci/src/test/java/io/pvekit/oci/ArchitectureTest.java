package io.pvekit.oci;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.pvekit.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("io.pvekit.oci");

  @Test
  void usesNoOtherModulesInternals() {
    ArchitectureRules.assertOnlyOwnInternalsUsed("io.pvekit.oci");
  }

  /** Usable without the runtime: no LXC, no Proxmox client, no liblxc binding. */
  @Test
  void dependsOnNeitherTheRuntimeNorProxmox() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.pvekit.lxc..", "io.pvekit.lxcri..", "io.pvekit.proxmox..")
        .because("the OCI model and images are usable without the LXC runtime or Proxmox")
        .check(CLASSES);
  }

  /** jnr-ffi is optional for users: only the unpacker's libc calls need it. */
  @Test
  void onlyTheUnpackersLibcCallsUseJnr() {
    noClasses()
        .that(
            DescribedPredicate.describe(
                "are not the unpacker's libc binding (Native and its nested classes)",
                (JavaClass c) -> !c.getName().startsWith("io.pvekit.oci.internal.unpack.Native")))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jnr..", "com.kenai..")
        .because("pvekit-oci declares jnr-ffi optional")
        .check(CLASSES);
  }
}
