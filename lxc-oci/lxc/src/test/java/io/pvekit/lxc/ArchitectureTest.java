package io.pvekit.lxc;

import io.pvekit.testing.ArchitectureRules;
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
    ArchitectureRules.assertOnlyOwnInternalsUsed("io.pvekit.lxc", SHARED_BY_OCI);
  }
}
