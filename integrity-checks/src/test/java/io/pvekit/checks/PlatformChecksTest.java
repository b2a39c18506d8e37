package io.pvekit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.checks.fixture.Fixture;
import io.pvekit.checks.fixture.KubePlatform.Variant;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in check passes on the healthy fixture and fails on the broken one. */
class PlatformChecksTest {
  static Fixture healthy;
  static Fixture broken;

  @BeforeAll
  static void start() {
    healthy = Fixture.start(Variant.HEALTHY);
    broken = Fixture.start(Variant.BROKEN);
  }

  @AfterAll
  static void stop() {
    healthy.close();
    broken.close();
  }

  static Stream<String> ids() {
    return PlatformChecks.all().stream().map(Check::id);
  }

  static Check check(String id) {
    return PlatformChecks.all().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void thereAreAtLeast80Checks_withUniqueIds_inEveryCategory() {
    List<Check> all = PlatformChecks.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(80);
    assertThat(new HashSet<>(all.stream().map(Check::id).toList())).hasSameSizeAs(all);
    Map<Category, Long> perCategory = new EnumMap<>(Category.class);
    all.forEach(c -> perCategory.merge(c.category(), 1L, Long::sum));
    assertThat(perCategory.get(Category.TENANT)).isGreaterThanOrEqualTo(10);
    assertThat(perCategory.get(Category.LXC)).isGreaterThanOrEqualTo(8);
    assertThat(perCategory.get(Category.DATABASE)).isGreaterThanOrEqualTo(12);
    assertThat(perCategory).containsKeys(Category.values());
    Set<String> ids = all.stream().map(Check::id).collect(Collectors.toSet());
    for (Check c : all) {
      assertThat(ids).as("dependencies of " + c.id()).containsAll(c.dependencies());
    }
  }

  @ParameterizedTest
  @MethodSource("ids")
  void passesOnTheHealthyPlatform(String id) throws Exception {
    CheckOutcome outcome = check(id).function().evaluate(healthy.context());
    assertThat(outcome.status()).as(outcome.toString()).isEqualTo(CheckStatus.PASS);
    assertThat(outcome.evidence()).as("evidence of " + id).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("ids")
  void failsOnTheBrokenPlatform(String id) throws Exception {
    CheckContext context = broken.context();
    if (id.equals("proxmox.api-reachable")) {
      context = unreachableProxmox();
    }
    CheckOutcome outcome = check(id).function().evaluate(context);
    assertThat(outcome.status()).as(outcome.toString()).isEqualTo(CheckStatus.FAIL);
    assertThat(outcome.evidence()).as("evidence of " + id).anyMatch(Evidence::problem);
  }

  /** The only way to break "reachable": nothing listens at the URL. */
  private static CheckContext unreachableProxmox() {
    ProxmoxClient dead =
        ProxmoxClient.builder()
            .baseUrl("http://127.0.0.1:9")
            .authentication(Authentication.apiToken("root@pam!checks", Secret.of("x")))
            .deadline(Duration.ofSeconds(3))
            .build();
    return CheckContext.of(
        broken.context().kubernetes(), dead, CheckSettings.defaults(), Fixture.CLOCK);
  }

  @Test
  void theWholeRun_onTheHealthyPlatform_passesEverything() {
    CheckReport report =
        IntegrityChecks.builder()
            .checks(PlatformChecks.all())
            .clock(Fixture.CLOCK)
            .build()
            .run(healthy.context());
    assertThat(report.results())
        .filteredOn(r -> r.status() != CheckStatus.PASS)
        .as("results other than PASS")
        .isEmpty();
    assertThat(report.coverage()).isEqualTo(1.0);
    assertThat(report.exitCode(java.util.Optional.of(Severity.INFO))).isZero();
  }
}
