package io.pvekit.examples;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pvekit.checks.Category;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckReport;
import io.pvekit.checks.IntegrityChecks;
import io.pvekit.checks.PlatformChecks;
import io.pvekit.checks.ReportFormat;
import io.pvekit.checks.Reports;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.io.PrintWriter;
import java.util.Set;

/**
 * The integrity-check part of the demo: the Proxmox VE checks run in parallel against the simulated
 * Proxmox, and the report as people read it. The Kubernetes categories need a cluster, which the
 * demo does not have; {@code pvekit check --kubeconfig} runs them all.
 */
final class ChecksDemo {
  private static final String TOKEN_ID = "root@pam!checks";

  private final PrintWriter out;

  ChecksDemo(PrintWriter out) {
    this.out = out;
  }

  void run() {
    out.println("5. Integrity checks (the Proxmox VE category, against the simulator)");
    String secret = "checks-" + Long.toHexString(System.nanoTime());
    try (ProxmoxSimulator pve = ProxmoxSimulator.builder().token(TOKEN_ID, secret, false).start();
        ProxmoxClient proxmox =
            ProxmoxClient.builder()
                .baseUrl(pve.httpsUrl().toString())
                .pinnedFingerprint(pve.fingerprint())
                .authentication(Authentication.apiToken(TOKEN_ID, Secret.of(secret)))
                .build();
        KubernetesClient nowhere =
            new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:9").build())
                .build()) {
      IntegrityChecks checks =
          IntegrityChecks.builder()
              .checks(PlatformChecks.all())
              .categories(Set.of(Category.PROXMOX))
              .build();
      CheckReport report = checks.run(CheckContext.of(nowhere, proxmox));
      for (String line : Reports.render(report, ReportFormat.TABLE, false).split("\n")) {
        out.println(line.isBlank() ? "" : "   " + line);
      }
    }
  }
}
