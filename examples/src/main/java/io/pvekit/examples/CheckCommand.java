package io.pvekit.examples;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pvekit.checks.Category;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckReport;
import io.pvekit.checks.IntegrityChecks;
import io.pvekit.checks.PlatformChecks;
import io.pvekit.checks.ReportFormat;
import io.pvekit.checks.Reports;
import io.pvekit.checks.Severity;
import io.pvekit.checks.Waivers;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pvekit check}: runs the platform's integrity checks and writes a report. Exit code 0 when
 * nothing at or above {@code --fail-on} failed, 1 when a check failed, 2 when one could not be
 * evaluated (or the arguments were wrong).
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    subcommands = CheckDiffCommand.class,
    description = {
      "Integrity checks of the whole platform: Proxmox VE, the management cluster, operators,"
          + " tenant clusters, the LXC runtime and database services.",
      "Exit code: 0 passed, 1 a check failed, 2 a check could not be evaluated."
    })
final class CheckCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Management cluster.")
  Path kubeconfig;

  @Option(names = "--proxmox-url", paramLabel = "URL", description = "https://HOST:8006")
  String proxmoxUrl;

  @Option(
      names = "--proxmox-token",
      paramLabel = "TOKEN",
      description = "USER@REALM!NAME=SECRET (or set PVEKIT_PROXMOX_TOKEN).")
  String proxmoxToken;

  @Option(
      names = "--proxmox-fingerprint",
      paramLabel = "SHA256",
      description = "Trust exactly this certificate (the UI shows it); default: the JVM's CAs.")
  String fingerprint;

  @Option(
      names = "--category",
      paramLabel = "C",
      split = ",",
      description = "Only these categories: proxmox, management, operators, tenant, lxc, database.")
  List<String> categories = new ArrayList<>();

  @Option(
      names = "--check",
      paramLabel = "ID",
      split = ",",
      description = "Only checks whose id matches (* matches anything), e.g. operators.*")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "table",
      description = "table, json, junit, sarif, prometheus or html (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report here.")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "info",
      description =
          "Lowest severity whose failure sets the exit code: info, low, medium, high, critical,"
              + " or none to always exit 0 (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(names = "--exceptions", paramLabel = "FILE", description = "Exceptions (YAML).")
  Path exceptions;

  @Option(
      names = "--deadline",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Deadline of the whole run (default: ${DEFAULT-VALUE}).")
  int deadlineSeconds;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try {
      ReportFormat reportFormat = ReportFormat.parse(format);
      Optional<Severity> gate =
          failOn.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(Severity.parse(failOn));
      IntegrityChecks.Builder checks =
          IntegrityChecks.builder()
              .checks(PlatformChecks.all())
              .deadline(Duration.ofSeconds(deadlineSeconds));
      if (!categories.isEmpty()) {
        Set<Category> only = EnumSet.noneOf(Category.class);
        categories.forEach(c -> only.add(Category.parse(c)));
        checks.categories(only);
      }
      checks.ids(ids);
      if (exceptions != null) {
        checks.waivers(Waivers.load(exceptions));
      }
      boolean terminal = System.console() != null && output == null;
      if (terminal) {
        checks.listener(progress(err, checks.build().checks().size()));
      }
      CheckReport report;
      try (KubernetesClient kubernetes = kubernetes();
          ProxmoxClient proxmox = proxmox()) {
        report = checks.build().run(CheckContext.of(kubernetes, proxmox));
      }
      if (terminal) {
        err.print("\r\u001b[K");
        err.flush();
      }
      String text =
          Reports.render(report, reportFormat, terminal && reportFormat == ReportFormat.TABLE);
      if (output == null) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      } else {
        Files.writeString(output, text);
        spec.commandLine()
            .getOut()
            .println(
                "wrote "
                    + output
                    + " ("
                    + report.results().size()
                    + " checks, coverage "
                    + Math.round(report.coverage() * 1000) / 10.0
                    + "%)");
      }
      return report.exitCode(gate);
    } catch (IllegalArgumentException e) {
      err.println("pvekit check: " + e.getMessage());
      CliErrors.trace(spec, e);
      return CheckReport.EXIT_ERRORS;
    }
  }

  private KubernetesClient kubernetes() throws IOException {
    if (kubeconfig == null) {
      throw new IllegalArgumentException("--kubeconfig: missing; give the management cluster's");
    }
    if (!Files.isReadable(kubeconfig)) {
      throw new IllegalArgumentException("--kubeconfig: '" + kubeconfig + "' cannot be read");
    }
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    // fabric8 runs 5 requests per host at once by default: the checks run 32 at a time
    config.setMaxConcurrentRequests(IntegrityChecks.DEFAULT_PARALLELISM * 2);
    config.setMaxConcurrentRequestsPerHost(IntegrityChecks.DEFAULT_PARALLELISM * 2);
    config.setRequestRetryBackoffLimit(1);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private ProxmoxClient proxmox() {
    if (proxmoxUrl == null) {
      throw new IllegalArgumentException("--proxmox-url: missing; give https://HOST:8006");
    }
    String token = proxmoxToken != null ? proxmoxToken : System.getenv("PVEKIT_PROXMOX_TOKEN");
    if (token == null) {
      throw new IllegalArgumentException(
          "--proxmox-token: missing; give USER@REALM!NAME=SECRET or set PVEKIT_PROXMOX_TOKEN");
    }
    int bang = token.indexOf('!');
    int eq = bang < 0 ? -1 : token.indexOf('=', bang);
    if (bang < 0 || eq < 0 || eq == token.length() - 1) {
      // the value is a secret: name its shape, never echo it
      throw new IllegalArgumentException(
          "--proxmox-token: expected USER@REALM!NAME=SECRET (for example ci@pve!checks=...)");
    }
    ProxmoxClient.Builder b =
        ProxmoxClient.builder()
            .baseUrl(proxmoxUrl)
            .authentication(
                Authentication.apiToken(token.substring(0, eq), Secret.of(token.substring(eq + 1))))
            .deadline(Duration.ofSeconds(30));
    if (fingerprint != null) {
      b.pinnedFingerprint(fingerprint);
    }
    return b.build();
  }

  /** A one-line progress bar on standard error, for a terminal. */
  private static java.util.function.Consumer<io.pvekit.checks.CheckResult> progress(
      PrintWriter err, int total) {
    AtomicInteger done = new AtomicInteger();
    return r -> {
      int n = done.incrementAndGet();
      int width = 30;
      int filled = total == 0 ? width : n * width / total;
      synchronized (err) {
        err.print(
            "\r["
                + "#".repeat(filled)
                + " ".repeat(width - filled)
                + "] "
                + n
                + "/"
                + total
                + " "
                + r.checkId()
                + "\u001b[K");
        err.flush();
      }
    };
  }
}
