package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The third-party Python client proxmoxer (Debian's python3-proxmoxer, run with Debian's
 * /usr/bin/python3) drives the simulator: against the standalone jar and an in-process instance.
 */
@Requires(Prerequisite.PROXMOXER)
class ProxmoxerIT {
  private static final Path SCRIPT = Path.of("src/test/resources/python/proxmoxer_lifecycle.py");
  private static final Path PROVISIONING =
      Path.of("src/test/resources/python/proxmoxer_provisioning.py");

  @Test
  void proxmoxer_againstTheStandaloneJar() throws Exception {
    try (StandaloneProcess sim = StandaloneProcess.start("--port", "0", "--password", "SECRET")) {
      assertThat(runScript(SCRIPT, sim.port(), "SECRET"))
          .contains("nodes pve1")
          .contains("status running")
          .endsWith("OK\n");
    }
  }

  @Test
  void proxmoxer_provisioningFlow_againstTheStandaloneJarWithAnInventoryFile() throws Exception {
    try (StandaloneProcess sim =
        StandaloneProcess.start(
            "--port",
            "0",
            "--password",
            "SECRET",
            "--task-duration",
            "20",
            "--inventory",
            "src/test/resources/inventory/proxmoxer.yaml")) {
      assertThat(runScript(PROVISIONING, sim.port(), "SECRET"))
          .contains("pool 100")
          .contains("snapshot rolled back")
          .contains("agent up after 2 refusals")
          .contains("agent exec 0")
          .contains("migrated to pve2")
          .contains("volume deleted")
          .endsWith("OK\n");
    }
  }

  @Test
  void proxmoxer_againstAnInProcessSimulator() throws Exception {
    try (ProxmoxSimulator sim = ProxmoxSimulator.start()) {
      assertThat(runScript(SCRIPT, sim.httpsPort(), sim.password())).endsWith("OK\n");
      assertThat(sim.runningTasks()).isZero();
      assertThat(sim.taskUpids()).hasSize(4);
    }
  }

  private static String runScript(Path script, int port, String password) throws Exception {
    Process python =
        new ProcessBuilder(
                "/usr/bin/python3",
                script.toString(),
                "127.0.0.1",
                Integer.toString(port),
                "root@pam",
                password)
            .redirectErrorStream(true)
            .start();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as("proxmoxer output:%n%s", out).isZero();
    return out;
  }
}
