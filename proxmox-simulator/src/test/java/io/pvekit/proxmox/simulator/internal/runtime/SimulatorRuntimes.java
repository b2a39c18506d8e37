package io.pvekit.proxmox.simulator.internal.runtime;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Starts runtimes with the default inventory for tests that look inside. */
final class SimulatorRuntimes {
  private SimulatorRuntimes() {}

  static SimulatorRuntime start() {
    return SimulatorRuntime.start(
        new RuntimeConfig(
            InetAddress.getLoopbackAddress(),
            0,
            0,
            List.of(new RuntimeConfig.User("root@pam", "pvekit")),
            List.of(),
            List.of(),
            InventorySpec.defaults(),
            List.of(),
            0,
            Clock.systemUTC(),
            Duration.ofMillis(10),
            "9.1.3",
            Duration.ZERO,
            true));
  }
}
