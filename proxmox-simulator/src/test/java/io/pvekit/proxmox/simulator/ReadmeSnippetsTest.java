package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.VmId;
import io.pvekit.testing.ReadmeSnippets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of the simulator's and the client's READMEs are compiled code of these tests,
 * run against the simulator.
 */
class ReadmeSnippetsTest {
  private static final Path TESTS = Path.of("src/test/java/io/pvekit/proxmox/simulator");
  private static final Path CLIENT_README = Path.of("../proxmox-client/README.md");

  @Test
  void usage_startsASimulatorAndClonesThroughAClientOfIt() {
    // README: usage
    try (ProxmoxSimulator pve = ProxmoxSimulator.start();
        ProxmoxClient client = pve.newClient()) { // HTTPS, the simulator's certificate pinned
      client
          .node("pve1")
          .qemu()
          .vm(9000)
          .clone(CloneRequest.builder().newId(VmId.of(101)).name("web-1").build())
          .await(Duration.ofSeconds(30));
      assertThat(pve.guestConfig(VmId.of(101))).containsEntry("name", "web-1");
    }
    // README: usage end
  }

  @Test
  void simulatorReadme_quotesTheUsageAbove() {
    assertThat(
            ReadmeSnippets.assertQuoted(
                Path.of("README.md"), TESTS.resolve("ReadmeSnippetsTest.java"), "usage"))
        .contains("pve.newClient()");
  }

  @Test
  void clientReadme_quotesTheAgentFlowOfClientErgonomicsTest() {
    assertThat(
            ReadmeSnippets.assertQuoted(
                CLIENT_README, TESTS.resolve("ClientErgonomicsTest.java"), "agent"))
        .contains("waitForAgent");
  }

  @Test
  void clientReadme_quotesTheFirewallAndSdnFlowOfFirewallSdnClientTest() {
    assertThat(
            ReadmeSnippets.assertQuoted(
                CLIENT_README, TESTS.resolve("FirewallSdnClientTest.java"), "firewall"))
        .contains("sdn.apply()")
        .contains("addRule");
  }

  @Test
  void clientReadme_quotesTheConsoleFlowOfConsoleTest() {
    assertThat(
            ReadmeSnippets.assertQuoted(
                CLIENT_README, TESTS.resolve("ConsoleTest.java"), "console"))
        .contains("openTerminal()");
  }
}
