package io.pvekit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.checks.fixture.Fixture;
import io.pvekit.checks.fixture.KubePlatform.Variant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The realistic platform, asserted check by check. */
class RealisticPlatformTest {
  static Fixture realistic;
  static CheckReport report;

  @BeforeAll
  static void run() {
    realistic = Fixture.start(Variant.REALISTIC);
    report =
        IntegrityChecks.builder()
            .checks(PlatformChecks.all())
            .clock(Fixture.CLOCK)
            .build()
            .run(realistic.context());
  }

  @AfterAll
  static void stop() {
    realistic.close();
  }

  /** Every check not named here must PASS. */
  static final Map<String, CheckStatus> NOT_PASSING = new LinkedHashMap<>();

  static {
    // the token lacks Sys.Audit on / and Datastore.Audit: a 403 and filtered lists, never PASS
    NOT_PASSING.put("proxmox.cluster-quorate", CheckStatus.NOT_EVALUATED);
    NOT_PASSING.put("proxmox.storage-active", CheckStatus.NOT_EVALUATED);
    NOT_PASSING.put("proxmox.storage-free-space", CheckStatus.NOT_EVALUATED);
    NOT_PASSING.put("proxmox.image-storage-present", CheckStatus.NOT_EVALUATED);
    NOT_PASSING.put("lxc.templates-present", CheckStatus.NOT_EVALUATED);
    NOT_PASSING.put("proxmox.token-privileges", CheckStatus.FAIL);
    // two operators in ImagePullBackOff, one crash-looping
    NOT_PASSING.put("management.pending-pods", CheckStatus.FAIL);
    NOT_PASSING.put("operators.mariadb", CheckStatus.FAIL);
    NOT_PASSING.put("operators.redis", CheckStatus.FAIL);
    NOT_PASSING.put("operators.clickhouse", CheckStatus.FAIL);
    NOT_PASSING.put("operators.image-pulls", CheckStatus.FAIL);
    NOT_PASSING.put("operators.crash-loops", CheckStatus.FAIL);
    NOT_PASSING.put("operators.restarts", CheckStatus.FAIL);
    NOT_PASSING.put("database.mariadb-ready", CheckStatus.SKIP);
    NOT_PASSING.put("database.redis-ready", CheckStatus.SKIP);
    NOT_PASSING.put("database.clickhouse-ready", CheckStatus.SKIP);
    // a tenant's worker VM is stopped and its namespace has no quota; a backup is overdue
    NOT_PASSING.put("tenant.worker-vms-provisioned", CheckStatus.FAIL);
    NOT_PASSING.put("tenant.quotas", CheckStatus.FAIL);
    NOT_PASSING.put("database.backups-recent", CheckStatus.FAIL);
  }

  @Test
  void everyCheck_hasItsExpectedStatus() {
    Map<String, CheckStatus> actual = new LinkedHashMap<>();
    Map<String, CheckStatus> expected = new LinkedHashMap<>();
    for (CheckResult r : report.results()) {
      actual.put(r.checkId(), r.status());
      expected.put(r.checkId(), NOT_PASSING.getOrDefault(r.checkId(), CheckStatus.PASS));
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void imagePullBackOff_namesTheImageAndTheRegistryError() {
    CheckResult mariadb = report.result("operators.mariadb").orElseThrow();
    assertThat(mariadb.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.subject())
                  .isEqualTo("pod mariadb-operator/mariadb-operator-5c8d7f9b4-qm7vz");
              assertThat(e.detail())
                  .contains(
                      "ImagePullBackOff pulling "
                          + "docker-registry3.mariadb.com/mariadb-operator/mariadb-operator:25.10.2")
                  .contains("not found");
            });
    assertThat(report.result("operators.redis").orElseThrow().evidence())
        .anySatisfy(e -> assertThat(e.detail()).contains("401 UNAUTHORIZED"));
  }

  @Test
  void crashLoopBackOff_namesTheLastTermination() {
    assertThat(report.result("operators.clickhouse").orElseThrow().evidence())
        .anySatisfy(
            e ->
                assertThat(e.detail())
                    .isEqualTo(
                        "clickhouse-operator: CrashLoopBackOff, restarted 37"
                            + " times, last terminated: Error (exit code 1)"));
  }

  @Test
  void coverage_andExitCode_reflectWhatCouldNotBeChecked() {
    long evaluated = report.results().stream().filter(r -> r.status().evaluated()).count();
    assertThat(evaluated).isEqualTo(report.results().size() - 8);
    assertThat(report.coverage()).isEqualTo((double) evaluated / report.results().size());
    assertThat(report.exitCode(Optional.of(Severity.INFO))).isEqualTo(CheckReport.EXIT_ERRORS);
    assertThat(report.exitCode(Optional.empty())).isEqualTo(CheckReport.EXIT_OK);
  }

  @Test
  void aForbiddenKubernetesRead_isNotEvaluated_notAbsent() {
    try (Fixture f =
        Fixture.start(
            Variant.HEALTHY,
            java.time.Duration.ZERO,
            0,
            0,
            path -> path.startsWith("/apis/apiextensions.k8s.io"))) {
      CheckReport r =
          IntegrityChecks.builder()
              .checks(PlatformChecks.all())
              .ids(java.util.List.of("management.*-crds", "tenant.tcp-crd-installed"))
              .clock(Fixture.CLOCK)
              .build()
              .run(f.context());
      assertThat(r.results())
          .hasSize(3)
          .allSatisfy(
              x -> {
                assertThat(x.status()).isEqualTo(CheckStatus.NOT_EVALUATED);
                assertThat(x.message()).contains("403");
              });
    }
  }
}
