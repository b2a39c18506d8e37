package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.proxmox.VmId;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./demo.sh} with {@code PVEKIT_PROXMOX_URL} set runs its Proxmox parts against that Proxmox
 * VE. A simulator started by this test stands in for a real one: the demo's process only knows its
 * URL, token and certificate fingerprint, as it would know a real cluster's.
 */
class DemoAgainstProxmoxUrlTest {
  @TempDir Path dir;

  @Test
  void demo_usesTheProxmoxItIsPointedAt_andLeavesItAsItWas() throws Exception {
    try (ProxmoxSimulator pve =
        ProxmoxSimulator.builder().token("root@pam!ci", "s3cret-value", false).start()) {
      PvekitProcess.Result result =
          PvekitProcess.run(
              dir,
              Map.of(
                  DemoProxmox.URL, pve.httpsUrl().toString(),
                  DemoProxmox.TOKEN, "root@pam!ci=s3cret-value",
                  DemoProxmox.FINGERPRINT, pve.fingerprint()),
              "demo");
      assertThat(result.status()).as(result.stderr()).isZero();
      assertThat(result.stdout())
          .contains("1. Proxmox VE at " + pve.httpsUrl())
          .doesNotContain("(simulated)")
          .doesNotContain("answered 503")
          .containsPattern("linked-cloned template 9000 into \\[\\d+, \\d+, \\d+\\]")
          .contains("deleted team-a: VMs left [9000] (only the template)")
          .contains("against the Proxmox VE at " + pve.httpsUrl())
          .doesNotContain("s3cret-value")
          .endsWith("demo finished" + System.lineSeparator());
      assertThat(pve.vmIds()).isEqualTo(Set.of(VmId.of(9000)));
      // clone, start, stop and delete of 3 VMs, by the Proxmox part and again by the tenant part
      assertThat(pve.taskUpids()).as("tasks the demo ran in the Proxmox it was given").hasSize(24);
    }
  }

  @Test
  void demo_withAUrlButNoToken_saysWhatIsMissingInOneLine() throws Exception {
    PvekitProcess.Result result =
        PvekitProcess.run(dir, Map.of(DemoProxmox.URL, "https://pve.invalid:8006"), "demo");
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.stderr().lines())
        .singleElement()
        .asString()
        .contains(
            "PVEKIT_PROXMOX_TOKEN: expected USER@REALM!NAME=SECRET when PVEKIT_PROXMOX_URL is set");
  }
}
