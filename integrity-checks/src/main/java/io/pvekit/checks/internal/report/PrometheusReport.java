package io.pvekit.checks.internal.report;

import io.pvekit.checks.CheckReport;
import io.pvekit.checks.CheckResult;
import io.pvekit.checks.CheckStatus;
import java.util.Locale;

/**
 * Prometheus text exposition (format 0.0.4): one 0/1 series per check and status, so that an alert
 * can tell a check that stopped reporting from one that passes; durations; counts by status;
 * coverage; the time of the run.
 */
public final class PrometheusReport {
  private PrometheusReport() {}

  /**
   * Renders a report.
   *
   * @param report the report
   * @return exposition text
   */
  public static String render(CheckReport report) {
    StringBuilder out = new StringBuilder();
    family(out, "pvekit_check_status", "Integrity check result: 1 for the status the check has.");
    for (CheckResult r : report.results()) {
      for (CheckStatus s : CheckStatus.values()) {
        out.append("pvekit_check_status{check=\"")
            .append(label(r.checkId()))
            .append("\",category=\"")
            .append(r.category().id())
            .append("\",severity=\"")
            .append(r.severity().name().toLowerCase(Locale.ROOT))
            .append("\",status=\"")
            .append(s.name().toLowerCase(Locale.ROOT))
            .append("\"} ")
            .append(r.status() == s ? 1 : 0)
            .append('\n');
      }
    }
    family(out, "pvekit_check_waived", "1 when an exception waives the check's result.");
    for (CheckResult r : report.results()) {
      out.append("pvekit_check_waived{check=\"")
          .append(label(r.checkId()))
          .append("\"} ")
          .append(r.waivedBecause().isPresent() ? 1 : 0)
          .append('\n');
    }
    family(out, "pvekit_check_duration_seconds", "How long each check ran.");
    for (CheckResult r : report.results()) {
      out.append("pvekit_check_duration_seconds{check=\"")
          .append(label(r.checkId()))
          .append("\"} ")
          .append(seconds(r.duration().toNanos()))
          .append('\n');
    }
    family(out, "pvekit_checks", "Number of checks by status.");
    report
        .counts()
        .forEach(
            (s, n) ->
                out.append("pvekit_checks{status=\"")
                    .append(s.name().toLowerCase(Locale.ROOT))
                    .append("\"} ")
                    .append(n)
                    .append('\n'));
    family(
        out,
        "pvekit_checks_coverage_ratio",
        "Share of checks that could be evaluated (PASS, WARN or FAIL).");
    out.append("pvekit_checks_coverage_ratio ")
        .append(String.format(Locale.ROOT, "%.4f", report.coverage()))
        .append('\n');
    family(out, "pvekit_checks_run_duration_seconds", "How long the whole run took.");
    out.append("pvekit_checks_run_duration_seconds ")
        .append(seconds(report.duration().toNanos()))
        .append('\n');
    family(out, "pvekit_checks_last_run_timestamp_seconds", "When the run started (Unix time).");
    out.append("pvekit_checks_last_run_timestamp_seconds ")
        .append(report.startedAt().getEpochSecond())
        .append('\n');
    family(out, "pvekit_checks_exceptions", "Exceptions by state (expired, unused).");
    out.append("pvekit_checks_exceptions{state=\"expired\"} ")
        .append(report.expiredWaivers().size())
        .append('\n');
    out.append("pvekit_checks_exceptions{state=\"unused\"} ")
        .append(report.unusedWaivers().size())
        .append('\n');
    return out.toString();
  }

  private static void family(StringBuilder out, String name, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
  }

  /** Label values escape backslash, double quote and line feed. */
  static String label(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
