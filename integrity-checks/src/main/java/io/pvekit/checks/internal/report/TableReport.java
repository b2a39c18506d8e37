package io.pvekit.checks.internal.report;

import io.pvekit.checks.Category;
import io.pvekit.checks.CheckReport;
import io.pvekit.checks.CheckResult;
import io.pvekit.checks.CheckStatus;
import io.pvekit.checks.Evidence;
import io.pvekit.checks.Waiver;
import java.util.List;
import java.util.Locale;

/** The human table: grouped by category, problems and the fix under each failing check. */
public final class TableReport {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";

  private TableReport() {}

  /**
   * Renders a report.
   *
   * @param report the report
   * @param colour whether to use ANSI colour
   * @return the text
   */
  public static String render(CheckReport report, boolean colour) {
    StringBuilder out = new StringBuilder();
    for (Category category : Category.values()) {
      List<CheckResult> rows =
          report.results().stream().filter(r -> r.category() == category).toList();
      if (rows.isEmpty()) {
        continue;
      }
      out.append(colour ? BOLD : "")
          .append(category.title())
          .append(colour ? RESET : "")
          .append('\n');
      for (CheckResult r : rows) {
        String status = String.format(Locale.ROOT, "%-13s", label(r));
        out.append("  ")
            .append(colour ? colour(r.status()) + status + RESET : status)
            .append(String.format(Locale.ROOT, "%-40s", r.checkId()))
            .append(' ')
            .append(r.message())
            .append('\n');
        if (r.status() == CheckStatus.PASS || r.status() == CheckStatus.SKIP) {
          continue;
        }
        for (Evidence e : r.evidence()) {
          if (e.problem()) {
            out.append("                 - ")
                .append(e.subject())
                .append(": ")
                .append(e.detail())
                .append('\n');
          }
        }
        r.waivedBecause()
            .ifPresent(w -> out.append("                 waived: ").append(w).append('\n'));
        r.remediation().ifPresent(x -> out.append("                 fix: ").append(x).append('\n'));
      }
      out.append('\n');
    }
    for (Waiver w : report.expiredWaivers()) {
      out.append("expired exception: ").append(describe(w)).append('\n');
    }
    for (Waiver w : report.unusedWaivers()) {
      out.append("unused exception: ").append(describe(w)).append('\n');
    }
    out.append(summary(report)).append('\n');
    return out.toString();
  }

  private static String describe(Waiver w) {
    return w.check()
        + w.scope().map(s -> " [" + s + "]").orElse("")
        + " ("
        + w.reason()
        + ", expires "
        + w.expires()
        + ")";
  }

  /** One line: counts by status, waived, coverage and duration. */
  public static String summary(CheckReport report) {
    StringBuilder b = new StringBuilder();
    b.append(report.results().size()).append(" checks:");
    report
        .counts()
        .forEach(
            (s, n) ->
                b.append(' ')
                    .append(n)
                    .append(' ')
                    .append(s.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(','));
    long waived = report.results().stream().filter(r -> r.waivedBecause().isPresent()).count();
    b.append(' ')
        .append(waived)
        .append(" waived; coverage ")
        .append(String.format(Locale.ROOT, "%.1f%%", report.coverage() * 100))
        .append(" in ")
        .append(report.duration().toMillis())
        .append(" ms");
    return b.toString();
  }

  private static String label(CheckResult r) {
    return r.waivedBecause().isPresent() ? r.status().name() + "*" : r.status().name();
  }

  private static String colour(CheckStatus s) {
    return switch (s) {
      case PASS -> "\u001b[32m";
      case WARN -> "\u001b[33m";
      case FAIL -> "\u001b[31m";
      case SKIP -> "\u001b[90m";
      default -> "\u001b[35m";
    };
  }
}
