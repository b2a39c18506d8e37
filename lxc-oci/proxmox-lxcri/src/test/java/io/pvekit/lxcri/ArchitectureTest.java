package io.pvekit.lxcri;

import io.pvekit.testing.ArchitectureRules;
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
    ArchitectureRules.assertOnlyOwnInternalsUsed("io.pvekit.lxcri", SHARED_BY_LXC);
  }
}
