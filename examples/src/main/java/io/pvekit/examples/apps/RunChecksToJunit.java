package io.pvekit.examples.apps;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pvekit.checks.Category;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckReport;
import io.pvekit.checks.CheckStatus;
import io.pvekit.checks.IntegrityChecks;
import io.pvekit.checks.PlatformChecks;
import io.pvekit.checks.ReportFormat;
import io.pvekit.checks.Reports;
import io.pvekit.checks.Severity;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the platform's integrity checks and writes the report as JUnit XML, the format CI servers
 * (Jenkins, GitLab, GitHub test reporters) show as a test run: one test case per check.
 *
 * <pre>
 * java io.pvekit.examples.apps.RunChecksToJunit https://pve:8006 'root@pam!ops' SECRET checks.xml [SHA256]
 * </pre>
 *
 * <p>The Kubernetes categories use the default kubeconfig ({@code KUBECONFIG} or {@code
 * ~/.kube/config}); checks that cannot reach a cluster are reported, not hidden.
 */
public final class RunChecksToJunit {
  private RunChecksToJunit() {}

  /**
   * Command-line entry point: all categories.
   *
   * @param args base URL, token id, secret, report file, optional certificate fingerprint
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    if (args.length < 4 || args.length > 5) {
      out.println("usage: RunChecksToJunit BASE_URL TOKEN_ID SECRET REPORT_XML [SHA256]");
      System.exit(2);
    }
    ProxmoxClient.Builder builder =
        ProxmoxClient.builder()
            .baseUrl(args[0])
            .authentication(Authentication.apiToken(args[1], Secret.of(args[2])));
    if (args.length == 5) {
      builder.pinnedFingerprint(args[4]);
    }
    try (ProxmoxClient proxmox = builder.build();
        KubernetesClient kubernetes = new KubernetesClientBuilder().build()) {
      System.exit(run(proxmox, kubernetes, EnumSet.allOf(Category.class), Path.of(args[3]), out));
    }
  }

  /**
   * Runs the checks and writes the JUnit report.
   *
   * @param proxmox a connected Proxmox VE client
   * @param kubernetes the management cluster's client
   * @param categories which categories to run
   * @param report the JUnit XML file to write (replaced if it exists)
   * @param out where the summary goes
   * @return the report's exit code for HIGH and above: 0 passed, 1 a check failed, 2 a check could
   *     not be evaluated; 3 when the report could not be written
   */
  public static int run(
      ProxmoxClient proxmox,
      KubernetesClient kubernetes,
      Set<Category> categories,
      Path report,
      PrintWriter out) {
    IntegrityChecks checks =
        IntegrityChecks.builder().checks(PlatformChecks.all()).categories(categories).build();
    CheckReport result = checks.run(CheckContext.of(kubernetes, proxmox));
    try {
      Files.writeString(
          report, Reports.render(result, ReportFormat.JUNIT, false), StandardCharsets.UTF_8);
    } catch (IOException e) {
      out.println("error: cannot write the report to " + report + ": " + e);
      return 3;
    }
    Map<CheckStatus, Integer> counts = result.counts();
    out.printf(
        "%d checks in %d ms: %d pass, %d warn, %d fail, %d not evaluated; JUnit report %s%n",
        result.results().size(),
        result.duration().toMillis(),
        counts.get(CheckStatus.PASS),
        counts.get(CheckStatus.WARN),
        counts.get(CheckStatus.FAIL),
        result.results().size()
            - counts.get(CheckStatus.PASS)
            - counts.get(CheckStatus.WARN)
            - counts.get(CheckStatus.FAIL),
        report);
    return result.exitCode(Optional.of(Severity.HIGH));
  }
}
