package io.pvekit.testing;

import org.junit.jupiter.api.Test;

class ArchitectureTest {
  @Test
  void usesNoOtherModulesInternals() {
    ArchitectureRules.assertOnlyOwnInternalsUsed("io.pvekit.testing");
  }
}
