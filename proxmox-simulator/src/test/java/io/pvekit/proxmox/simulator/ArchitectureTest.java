package io.pvekit.proxmox.simulator;

import io.pvekit.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  @Test
  void usesNoOtherModulesInternals() {
    ArchitectureRules.assertOnlyOwnInternalsUsed("io.pvekit.proxmox.simulator");
  }
}
