package io.pvekit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pvekit.checks.fixture.Fixture;
import io.pvekit.checks.fixture.KubePlatform.Variant;
import io.pvekit.proxmox.ProxmoxClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's example, compiled and run. */
class ReadmeExampleTest {
  @Test
  void readmeExample() {
    try (Fixture f = Fixture.start(Variant.REALISTIC)) {
      KubernetesClient kubernetes = f.cluster().client();
      ProxmoxClient proxmox = f.pve().client();
      // README-START
      CheckReport report =
          IntegrityChecks.builder()
              .checks(PlatformChecks.all())
              .categories(Set.of(Category.OPERATORS, Category.DATABASE))
              .waivers(
                  List.of(
                      Waiver.builder()
                          .check("operators.mariadb")
                          .scope("* mariadb-operator/*")
                          .reason("registry migration, OPS-1234")
                          .expires(LocalDate.parse("2026-12-31"))
                          .build()))
              .build()
              .run(CheckContext.of(kubernetes, proxmox));
      String table = Reports.render(report, ReportFormat.TABLE, false);
      int exitCode = report.exitCode(Optional.of(Severity.HIGH)); // 0, 1 or 2
      // README-END
      assertThat(table).contains("FAIL         operators.redis");
      assertThat(report.result("operators.mariadb").orElseThrow().waivedBecause()).isPresent();
      assertThat(exitCode).isEqualTo(CheckReport.EXIT_FAILURES);
    }
  }
}
