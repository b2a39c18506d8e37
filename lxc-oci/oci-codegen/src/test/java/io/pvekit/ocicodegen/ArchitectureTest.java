package io.pvekit.ocicodegen;

import io.pvekit.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  @Test
  void usesNoOtherModulesInternals() {
    ArchitectureRules.assertOnlyOwnInternalsUsed("io.pvekit.ocicodegen");
  }
}
