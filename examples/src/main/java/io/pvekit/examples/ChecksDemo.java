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
import io.pvekit.proxmox.ProxmoxClient;
import java.io.PrintWriter;
import java.util.Set;

/**
 * The integrity-check part of the demo: the Proxmox VE checks run in parallel against the demo's
 * Proxmox, and the report as people read it. The Kubernetes categories need a cluster, which the
 * demo does not have; {@code pvekit check --kubeconfig} runs them all.
 */
final class ChecksDemo {

  private final PrintWriter out;
  private final DemoProxmox pve;

  ChecksDemo(PrintWriter out, DemoProxmox pve) {
    this.out = out;
    this.pve = pve;
  }

  void run() {
    out.println(
        "5. Integrity checks (the Proxmox VE category, against the " + pve.description() + ")");
    ProxmoxClient proxmox = pve.client();
    try (KubernetesClient nowhere =
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
