package io.pvekit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EngineTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
  static KubernetesClient kubernetes;
  static ProxmoxClient proxmox;
  static CheckContext context;

  @BeforeAll
  static void clients() {
    Config config =
        new ConfigBuilder()
            .withMasterUrl("http://127.0.0.1:9")
            .withRequestRetryBackoffLimit(0)
            .build();
    kubernetes = new KubernetesClientBuilder().withConfig(config).build();
    proxmox =
        ProxmoxClient.builder()
            .baseUrl("http://127.0.0.1:9")
            .authentication(Authentication.apiToken("ci@pve!t", Secret.of("x")))
            .build();
    context = CheckContext.of(kubernetes, proxmox, CheckSettings.defaults(), CLOCK);
  }

  @AfterAll
  static void close() {
    kubernetes.close();
    proxmox.close();
  }

  static Check check(String id, Severity severity, CheckFunction f, String... deps) {
    return Check.builder()
        .id(id)
        .category(Category.parse(id.substring(0, id.indexOf('.'))))
        .severity(severity)
        .title(id)
        .description("test check " + id)
        .remediation("fix " + id)
        .addDependencies(deps)
        .timeout(Duration.ofSeconds(5))
        .function(f)
        .build();
  }

  static CheckReport run(IntegrityChecks.Builder b) {
    return b.clock(CLOCK).build().run(context);
  }

  @Test
  void checksRunInParallel_notOneByOne() {
    List<Check> sleepy = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sleepy.add(
          check(
              "proxmox.sleep-" + i,
              Severity.LOW,
              c -> {
                Thread.sleep(300);
                return CheckOutcome.pass("slept");
              }));
    }
    long start = System.nanoTime();
    CheckReport report = run(IntegrityChecks.builder().checks(sleepy).parallelism(10));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(report.counts().get(CheckStatus.PASS)).isEqualTo(10);
    assertThat(millis).as("10 x 300 ms in parallel").isLessThan(2000);
    assertThat(report.results().get(0).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(290));
  }

  @Test
  void aHangingCheck_endsAsTimeout_andDoesNotHoldUpTheRun() {
    Check hang =
        Check.builder()
            .from(
                check(
                    "proxmox.hang",
                    Severity.HIGH,
                    c -> {
                      Thread.sleep(3_600_000);
                      return CheckOutcome.pass("never");
                    }))
            .timeout(Duration.ofMillis(200))
            .build();
    long start = System.nanoTime();
    CheckReport report =
        run(
            IntegrityChecks.builder()
                .checks(
                    List.of(
                        hang, check("proxmox.fine", Severity.LOW, c -> CheckOutcome.pass("ok")))));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
    assertThat(report.result("proxmox.hang").orElseThrow().status()).isEqualTo(CheckStatus.TIMEOUT);
    assertThat(report.result("proxmox.hang").orElseThrow().message()).contains("200 ms");
    assertThat(report.result("proxmox.fine").orElseThrow().status()).isEqualTo(CheckStatus.PASS);
    assertThat(report.exitCode(Optional.of(Severity.INFO))).isEqualTo(CheckReport.EXIT_ERRORS);
  }

  @Test
  void theOverallDeadline_endsEveryUnfinishedCheck() {
    CheckFunction hang =
        c -> {
          Thread.sleep(3_600_000);
          return CheckOutcome.pass("never");
        };
    long start = System.nanoTime();
    CheckReport report =
        run(
            IntegrityChecks.builder()
                .checks(
                    List.of(
                        check("proxmox.a", Severity.LOW, hang),
                        check(
                            "proxmox.b", Severity.LOW, c -> CheckOutcome.pass("ok"), "proxmox.a")))
                .deadline(Duration.ofMillis(300)));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
    assertThat(report.result("proxmox.a").orElseThrow().status()).isEqualTo(CheckStatus.TIMEOUT);
    assertThat(report.result("proxmox.a").orElseThrow().message()).contains("deadline of 300 ms");
    assertThat(report.result("proxmox.b").orElseThrow().status()).isEqualTo(CheckStatus.SKIP);
  }

  @Test
  void aCheckWhoseDependencyFailed_isSkippedWithTheReason() {
    AtomicInteger ran = new AtomicInteger();
    CheckReport report =
        run(
            IntegrityChecks.builder()
                .checks(
                    List.of(
                        check(
                            "tenant.child",
                            Severity.LOW,
                            c -> {
                              ran.incrementAndGet();
                              return CheckOutcome.pass("ok");
                            },
                            "tenant.parent"),
                        check("tenant.parent", Severity.LOW, c -> CheckOutcome.fail("broken")),
                        check("tenant.other", Severity.LOW, c -> CheckOutcome.warn("meh")),
                        check(
                            "tenant.after-warn",
                            Severity.LOW,
                            c -> CheckOutcome.pass("ok"),
                            "tenant.other"))));
    CheckResult child = report.result("tenant.child").orElseThrow();
    assertThat(child.status()).isEqualTo(CheckStatus.SKIP);
    assertThat(child.message()).isEqualTo("dependency tenant.parent is FAIL, not PASS");
    assertThat(ran).hasValue(0);
    assertThat(report.result("tenant.after-warn").orElseThrow().status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(report.results())
        .extracting(CheckResult::checkId)
        .containsExactly("tenant.child", "tenant.parent", "tenant.other", "tenant.after-warn");
  }

  @Test
  void couldNotCheck_isNeverPass() {
    CheckReport report =
        run(
            IntegrityChecks.builder()
                .checks(
                    List.of(
                        check(
                            "management.forbidden",
                            Severity.HIGH,
                            c -> {
                              throw new KubernetesClientException("pods is forbidden", 403, null);
                            }),
                        check(
                            "management.boom",
                            Severity.HIGH,
                            c -> {
                              throw new IllegalStateException("bug");
                            }),
                        check(
                            "management.unreachable",
                            Severity.HIGH,
                            c -> CheckOutcome.pass(c.kubernetes().pods().list().toString())))));
    assertThat(report.result("management.forbidden").orElseThrow().status())
        .isEqualTo(CheckStatus.NOT_EVALUATED);
    assertThat(report.result("management.forbidden").orElseThrow().message())
        .contains("403")
        .contains("forbidden");
    assertThat(report.result("management.boom").orElseThrow().status())
        .isEqualTo(CheckStatus.ERROR);
    assertThat(report.result("management.boom").orElseThrow().message())
        .contains("IllegalStateException: bug");
    assertThat(report.result("management.unreachable").orElseThrow().status())
        .isIn(CheckStatus.ERROR, CheckStatus.TIMEOUT);
    assertThat(report.coverage()).isZero();
    assertThat(report.results()).allSatisfy(r -> assertThat(r.remediation()).isPresent());
  }

  @Test
  void coverage_isTheShareOfEvaluatedChecks() {
    CheckReport report =
        run(
            IntegrityChecks.builder()
                .checks(
                    List.of(
                        check("lxc.a", Severity.LOW, c -> CheckOutcome.pass("ok")),
                        check("lxc.b", Severity.LOW, c -> CheckOutcome.fail("no")),
                        check("lxc.c", Severity.LOW, c -> CheckOutcome.notEvaluated("403")),
                        check("lxc.d", Severity.LOW, c -> CheckOutcome.warn("hm")))));
    assertThat(report.coverage()).isEqualTo(0.75);
  }

  @Test
  void filters_byCategoryIdAndSeverity() {
    List<Check> all =
        List.of(
            check("proxmox.a", Severity.LOW, c -> CheckOutcome.pass("ok")),
            check("proxmox.b", Severity.CRITICAL, c -> CheckOutcome.pass("ok")),
            check("lxc.a", Severity.HIGH, c -> CheckOutcome.pass("ok")),
            check("lxc.b", Severity.LOW, c -> CheckOutcome.pass("ok")));
    assertThat(ids(IntegrityChecks.builder().checks(all).categories(Set.of(Category.LXC))))
        .containsExactly("lxc.a", "lxc.b");
    assertThat(ids(IntegrityChecks.builder().checks(all).ids(List.of("*.a"))))
        .containsExactly("proxmox.a", "lxc.a");
    assertThat(ids(IntegrityChecks.builder().checks(all).minimumSeverity(Severity.HIGH)))
        .containsExactly("proxmox.b", "lxc.a");
  }

  private static List<String> ids(IntegrityChecks.Builder b) {
    return b.build().checks().stream().map(Check::id).toList();
  }

  @Test
  void exitCode_gatesOnSeverity_withAnOptOut() {
    CheckReport report =
        run(
            IntegrityChecks.builder()
                .checks(
                    List.of(
                        check("database.low", Severity.LOW, c -> CheckOutcome.fail("no")),
                        check("database.high", Severity.HIGH, c -> CheckOutcome.warn("hm")))));
    assertThat(report.exitCode(Optional.of(Severity.LOW))).isEqualTo(CheckReport.EXIT_FAILURES);
    assertThat(report.exitCode(Optional.of(Severity.MEDIUM))).isEqualTo(CheckReport.EXIT_OK);
    assertThat(report.exitCode(Optional.empty())).isEqualTo(CheckReport.EXIT_OK);
  }

  @Test
  void waivers_applyInScope_andExpiredOrUnusedOnesAreReported() {
    CheckFunction twoPods =
        c ->
            CheckOutcome.collect()
                .problem("pod mariadb-operator/mariadb-operator-1", "ImagePullBackOff")
                .problem("pod mariadb-operator/mariadb-operator-2", "ImagePullBackOff")
                .failIfAny("fine", "%d pods broken");
    CheckFunction otherNs =
        c ->
            CheckOutcome.collect()
                .problem("pod redis-operator/redis-operator-1", "ImagePullBackOff")
                .failIfAny("fine", "%d pods broken");
    Waiver inScope =
        Waiver.builder()
            .check("operators.mariadb")
            .scope("pod mariadb-operator/*")
            .reason("registry migration OPS-1")
            .expires(LocalDate.parse("2026-12-31"))
            .build();
    Waiver wrongScope =
        Waiver.builder()
            .check("operators.redis")
            .scope("pod mariadb-operator/*")
            .reason("wrong scope")
            .expires(LocalDate.parse("2026-12-31"))
            .build();
    Waiver expired =
        Waiver.builder()
            .check("operators.*")
            .reason("old")
            .expires(LocalDate.parse("2026-12-06"))
            .build();
    CheckReport report =
        run(
            IntegrityChecks.builder()
                .checks(
                    List.of(
                        check("operators.mariadb", Severity.HIGH, twoPods),
                        check("operators.redis", Severity.HIGH, otherNs)))
                .waivers(List.of(inScope, wrongScope, expired)));
    CheckResult mariadb = report.result("operators.mariadb").orElseThrow();
    assertThat(mariadb.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(mariadb.waivedBecause()).contains("registry migration OPS-1");
    assertThat(mariadb.counts()).isFalse();
    assertThat(report.result("operators.redis").orElseThrow().waivedBecause()).isEmpty();
    assertThat(report.expiredWaivers()).containsExactly(expired);
    assertThat(report.unusedWaivers()).containsExactly(wrongScope);
    assertThat(report.exitCode(Optional.of(Severity.INFO))).isEqualTo(CheckReport.EXIT_FAILURES);
  }

  @Test
  void waiversFile_isParsed_andErrorsNameTheField() {
    List<Waiver> waivers =
        Waivers.parse(
            "exceptions:\n"
                + "  - check: operators.mariadb\n"
                + "    scope: \"pod mariadb-operator/*\"\n"
                + "    reason: registry migration\n"
                + "    expires: 2026-12-31\n",
            "x.yaml");
    assertThat(waivers).hasSize(1);
    assertThat(waivers.get(0).scope()).contains("pod mariadb-operator/*");
    assertThatThrownBy(
            () -> Waivers.parse("exceptions:\n  - check: a.b\n    expires: 2026-01-01\n", "x.yaml"))
        .hasMessage("x.yaml: exceptions[0].reason: is missing");
    assertThatThrownBy(
            () ->
                Waivers.parse(
                    "exceptions:\n  - check: a.b\n    reason: r\n    expires: soon\n", "x.yaml"))
        .hasMessageContaining("exceptions[0].expires: 'soon' is not a date");
  }

  @Test
  void aDependencyCycle_isRefused() {
    List<Check> cycle =
        List.of(
            check("lxc.a", Severity.LOW, c -> CheckOutcome.pass("ok"), "lxc.b"),
            check("lxc.b", Severity.LOW, c -> CheckOutcome.pass("ok"), "lxc.a"));
    assertThatThrownBy(() -> run(IntegrityChecks.builder().checks(cycle)))
        .hasMessageContaining("cycle");
  }

  @Test
  void theListener_seesEveryResult() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    run(
        IntegrityChecks.builder()
            .checks(
                List.of(
                    check("lxc.a", Severity.LOW, c -> CheckOutcome.pass("ok")),
                    check("lxc.b", Severity.LOW, c -> CheckOutcome.fail("no"), "lxc.a")))
            .listener(r -> seen.add(r.checkId())));
    assertThat(seen).containsExactlyInAnyOrder("lxc.a", "lxc.b");
  }

  @Test
  void aBadCheckId_isRefusedNamingTheField() {
    assertThatThrownBy(() -> check("lxc.Bad Name", Severity.LOW, c -> null))
        .hasMessageStartingWith("id: 'lxc.Bad Name'");
    assertThatThrownBy(
            () ->
                Check.builder()
                    .from(check("lxc.a", Severity.LOW, c -> null))
                    .category(Category.PROXMOX)
                    .build())
        .hasMessageContaining("must start with its category 'proxmox.'");
  }
}
