package io.pvekit.checks.bench;

import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckReport;
import io.pvekit.checks.CheckSettings;
import io.pvekit.checks.CheckStatus;
import io.pvekit.checks.IntegrityChecks;
import io.pvekit.checks.PlatformChecks;
import io.pvekit.checks.fixture.Fixture;
import io.pvekit.checks.fixture.KubePlatform;
import io.pvekit.checks.fixture.KubePlatform.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * All built-in checks against a platform of 2,000 pods and 200 VMs with 20 ms added to every
 * Kubernetes and Proxmox answer: the parallel runner against the same runner one check at a time,
 * interleaved in one process. Run by {@code integrity-checks/bench/run.sh}; not a unit test.
 */
public final class CheckBenchmark {
  private CheckBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args [rounds] (default 5)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Duration latency = Duration.ofMillis(20);
    int pods = 2000;
    int vms = 200;
    // the fixture has pods and 3 guests (a template, two tenant workers) of its own
    long own =
        KubePlatform.objects(Variant.HEALTHY).stream()
            .filter(o -> o instanceof io.fabric8.kubernetes.api.model.Pod)
            .count();
    try (Fixture f =
        Fixture.start(Variant.HEALTHY, latency, pods - (int) own, vms - 3, p -> false)) {
      System.out.printf(
          Locale.ROOT,
          "platform: %d pods, %d guests in Proxmox, latency %d ms per"
              + " answer on both APIs; %d checks; %d cores; java %s%n",
          f.cluster().client().pods().inAnyNamespace().list().getItems().size(),
          f.pve().client().cluster().resources(io.pvekit.proxmox.ClusterResource.Kind.VM).size(),
          latency.toMillis(),
          PlatformChecks.all().size(),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      List<Long> parallel = new ArrayList<>();
      List<Long> serial = new ArrayList<>();
      // the JIT needs a few runs: the first parallel runs are dominated by compilation
      for (int i = 1; i <= 3; i++) {
        run(f, IntegrityChecks.DEFAULT_PARALLELISM, "warm-up " + i + " parallel");
        run(f, 1, "warm-up " + i + " serial");
      }
      for (int i = 1; i <= rounds; i++) {
        parallel.add(run(f, IntegrityChecks.DEFAULT_PARALLELISM, "round " + i + " parallel"));
        serial.add(run(f, 1, "round " + i + " serial  "));
      }
      long p = median(parallel);
      long s = median(serial);
      System.out.printf(
          Locale.ROOT,
          "median of %d: parallel (%d threads) %d ms, serial %d ms," + " ratio %.1fx%n",
          rounds,
          IntegrityChecks.DEFAULT_PARALLELISM,
          p,
          s,
          (double) s / p);
    }
  }

  private static long run(Fixture f, int parallelism, String label) {
    CheckContext fresh =
        CheckContext.of(
            f.cluster().client(), f.pve().client(), CheckSettings.defaults(), Fixture.CLOCK);
    long start = System.nanoTime();
    CheckReport report =
        IntegrityChecks.builder()
            .checks(PlatformChecks.all())
            .parallelism(parallelism)
            .deadline(Duration.ofMinutes(10))
            .clock(Fixture.CLOCK)
            .build()
            .run(fresh);
    long ms = (System.nanoTime() - start) / 1_000_000;
    long pass = report.results().stream().filter(r -> r.status() == CheckStatus.PASS).count();
    System.out.printf(
        Locale.ROOT, "%s: %d ms, %d/%d PASS%n", label, ms, pass, report.results().size());
    if (Boolean.getBoolean("bench.verbose")) {
      report.results().stream()
          .sorted((a, b) -> b.duration().compareTo(a.duration()))
          .limit(12)
          .forEach(
              r -> System.out.println("    " + r.duration().toMillis() + " ms " + r.checkId()));
    }
    return ms;
  }

  private static long median(List<Long> xs) {
    List<Long> sorted = xs.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
