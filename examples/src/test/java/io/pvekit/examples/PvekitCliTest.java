package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PvekitCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PvekitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void demo_talksToTheSimulatorAndListsRuntimes() {
    assertThat(run("demo")).isZero();
    assertThat(out.toString())
        .contains("GET /api2/json/version -> 200")
        .contains("\"version\":\"9.1.3\"")
        .contains("ProxmoxCluster           infrastructure.cluster.x-k8s.io/v1alpha2")
        .contains("lxc  runtimeClass handler: proxmox-lxc")
        .endsWith("demo finished" + System.lineSeparator());
  }

  @Test
  void unknownCommand_failsWithUsageOnStderr() {
    assertThat(run("nope")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument").contains("Usage: pvekit");
  }

  @Test
  void help_listsTheDemo() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("demo").contains("Run the pvekit demo");
  }
}
