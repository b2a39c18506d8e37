package io.pvekit.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pvekit.checks.Category;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunChecksToJunitTest {
  @TempDir Path dir;

  private ProxmoxSimulator pve;
  private ProxmoxClient proxmox;
  // The Proxmox category needs no cluster; a client pointing nowhere proves it is not used.
  private KubernetesClient nowhere;
  private final StringWriter text = new StringWriter();

  @BeforeEach
  void start() {
    pve = ProxmoxSimulator.builder().token(CloneVmsTest.TOKEN, CloneVmsTest.SECRET, false).start();
    proxmox =
        ProxmoxClient.builder()
            .baseUrl(pve.httpsUrl().toString())
            .pinnedFingerprint(pve.fingerprint())
            .authentication(
                Authentication.apiToken(CloneVmsTest.TOKEN, Secret.of(CloneVmsTest.SECRET)))
            .build();
    nowhere =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:9").build())
            .build();
  }

  @AfterEach
  void stop() {
    nowhere.close();
    proxmox.close();
    pve.close();
  }

  @Test
  void writesAJunitReportWithOneTestCasePerProxmoxCheck() throws Exception {
    Path report = dir.resolve("checks.xml");

    int code =
        RunChecksToJunit.run(
            proxmox, nowhere, Set.of(Category.PROXMOX), report, new PrintWriter(text, true));

    String xml = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(xml).startsWith("<?xml").contains("<testsuite").contains("<testcase");
    long cases = xml.lines().filter(l -> l.contains("<testcase")).count();
    assertThat(text.toString()).startsWith(cases + " checks in ").contains(report.toString());
    assertThat(code).as(text + xml).isZero();
  }

  @Test
  void saysWhenTheReportCannotBeWritten() {
    Path report = dir.resolve("missing-dir").resolve("checks.xml");

    int code =
        RunChecksToJunit.run(
            proxmox, nowhere, Set.of(Category.PROXMOX), report, new PrintWriter(text, true));

    assertThat(code).isEqualTo(3);
    assertThat(text.toString()).contains("cannot write the report to " + report);
  }
}
