package io.pvekit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.checks.fixture.Fixture;
import io.pvekit.checks.fixture.KubePlatform.Variant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of the realistic platform loaded in a real headless Chromium (Debian's {@code
 * chromium}, installed by {@code .ci/run}): the DOM the browser built has every check row, the
 * summary and the ImagePullBackOff cause.
 */
class HtmlReportIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  @Test
  void theRealisticReport_rendersInHeadlessChromium() throws Exception {
    assertThat(CHROMIUM).as("apt-get install chromium").isExecutable();
    CheckReport report;
    try (Fixture f = Fixture.start(Variant.REALISTIC)) {
      report =
          IntegrityChecks.builder()
              .checks(PlatformChecks.all())
              .clock(Fixture.CLOCK)
              .build()
              .run(f.context());
    }
    Path page = dir.resolve("report.html");
    Files.writeString(page, Reports.render(report, ReportFormat.HTML, false));
    Process p =
        new ProcessBuilder(
                List.of(
                    CHROMIUM.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + dir.resolve("profile"),
                    "--dump-dom",
                    page.toUri().toString()))
            .redirectError(dir.resolve("chromium.log").toFile())
            .start();
    byte[] dom = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String html = new String(dom, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.log"))).isZero();
    // what the browser parsed, not the file: rows, the summary and the causes
    assertThat(html)
        .contains("<h1>pvekit integrity checks</h1>")
        .contains("<span class=\"FAIL\">11 fail</span>")
        .contains("<span id=\"coverage\">coverage 90.1%</span>")
        .contains("ImagePullBackOff pulling quay.io/spotahome/redis-operator:v1.3.0-rc1");
    for (CheckResult r : report.results()) {
      assertThat(html).contains("<tr data-check=\"" + r.checkId() + "\">");
    }
    for (Category c : Category.values()) {
      assertThat(html).contains("<table id=\"" + c.id() + "\">");
    }
  }
}
