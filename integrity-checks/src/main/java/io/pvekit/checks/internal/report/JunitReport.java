package io.pvekit.checks.internal.report;

import io.pvekit.checks.Category;
import io.pvekit.checks.CheckReport;
import io.pvekit.checks.CheckResult;
import io.pvekit.checks.CheckStatus;
import io.pvekit.checks.Evidence;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML (schema: {@code io/pvekit/checks/junit.xsd}): one test suite per category, one test
 * case per check; FAIL is a failure, ERROR/TIMEOUT/NOT_EVALUATED an error, SKIP and waived results
 * skipped.
 */
public final class JunitReport {
  private static final java.time.format.DateTimeFormatter TIMESTAMP =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
          .withZone(java.time.ZoneOffset.UTC);

  private JunitReport() {}

  /**
   * Renders a report.
   *
   * @param report the report
   * @return XML text
   */
  public static String render(CheckReport report) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"pvekit-checks\" tests=\"")
        .append(report.results().size())
        .append("\" failures=\"")
        .append(count(report.results(), Kind.FAILURE))
        .append("\" errors=\"")
        .append(count(report.results(), Kind.ERROR))
        .append("\" skipped=\"")
        .append(count(report.results(), Kind.SKIPPED))
        .append("\" time=\"")
        .append(seconds(report.duration().toMillis()))
        .append("\">\n");
    for (Category c : Category.values()) {
      List<CheckResult> rs = report.results().stream().filter(r -> r.category() == c).toList();
      if (rs.isEmpty()) {
        continue;
      }
      long millis = rs.stream().mapToLong(r -> r.duration().toMillis()).sum();
      out.append("  <testsuite name=\"")
          .append(c.id())
          .append("\" tests=\"")
          .append(rs.size())
          .append("\" failures=\"")
          .append(count(rs, Kind.FAILURE))
          .append("\" errors=\"")
          .append(count(rs, Kind.ERROR))
          .append("\" skipped=\"")
          .append(count(rs, Kind.SKIPPED))
          .append("\" time=\"")
          .append(seconds(millis))
          .append("\" timestamp=\"")
          .append(TIMESTAMP.format(report.startedAt()))
          .append("\">\n");
      for (CheckResult r : rs) {
        out.append("    <testcase classname=\"pvekit.checks.")
            .append(c.id())
            .append("\" name=\"")
            .append(Xml.escape(r.checkId()))
            .append("\" time=\"")
            .append(seconds(r.duration().toMillis()))
            .append("\"");
        Kind k = kind(r);
        if (k == Kind.PASSED) {
          out.append("/>\n");
          continue;
        }
        out.append(">\n");
        String tag = k == Kind.FAILURE ? "failure" : k == Kind.ERROR ? "error" : "skipped";
        out.append("      <")
            .append(tag)
            .append(" message=\"")
            .append(Xml.escape(r.waivedBecause().map(w -> "waived: " + w).orElse(r.message())))
            .append("\"");
        if (k != Kind.SKIPPED) {
          out.append(" type=\"")
              .append(r.status().name())
              .append("\">")
              .append(Xml.escape(details(r)))
              .append("</")
              .append(tag)
              .append(">\n");
        } else {
          out.append("/>\n");
        }
        out.append("    </testcase>\n");
      }
      out.append("  </testsuite>\n");
    }
    return out.append("</testsuites>\n").toString();
  }

  private static String details(CheckResult r) {
    StringBuilder b =
        new StringBuilder(r.title())
            .append(" (")
            .append(r.severity().name().toLowerCase(Locale.ROOT))
            .append(")\n")
            .append(r.message())
            .append('\n');
    for (Evidence e : r.evidence()) {
      if (e.problem()) {
        b.append("- ").append(e.subject()).append(": ").append(e.detail()).append('\n');
      }
    }
    r.remediation().ifPresent(x -> b.append("fix: ").append(x).append('\n'));
    return b.toString();
  }

  private enum Kind {
    PASSED,
    FAILURE,
    ERROR,
    SKIPPED
  }

  private static Kind kind(CheckResult r) {
    if (r.waivedBecause().isPresent() || r.status() == CheckStatus.SKIP) {
      return Kind.SKIPPED;
    }
    if (r.status() == CheckStatus.FAIL) {
      return Kind.FAILURE;
    }
    return r.status().unknown() ? Kind.ERROR : Kind.PASSED;
  }

  private static long count(List<CheckResult> rs, Kind k) {
    return rs.stream().filter(r -> kind(r) == k).count();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
