package io.pvekit.checks;

import io.pvekit.checks.internal.report.HtmlReport;
import io.pvekit.checks.internal.report.JsonReport;
import io.pvekit.checks.internal.report.JunitReport;
import io.pvekit.checks.internal.report.PrometheusReport;
import io.pvekit.checks.internal.report.SarifReport;
import io.pvekit.checks.internal.report.TableReport;

/** Renders reports and reads JSON reports back. */
public final class Reports {
  private Reports() {}

  /**
   * Renders a report.
   *
   * @param report the report
   * @param format the form
   * @param colour ANSI colour (only for {@link ReportFormat#TABLE}; pass true on a terminal only)
   * @return the text
   */
  public static String render(CheckReport report, ReportFormat format, boolean colour) {
    return switch (format) {
      case TABLE -> TableReport.render(report, colour);
      case JSON -> JsonReport.render(report);
      case JUNIT -> JunitReport.render(report);
      case SARIF -> SarifReport.render(report);
      case PROMETHEUS -> PrometheusReport.render(report);
      case HTML -> HtmlReport.render(report);
    };
  }

  /**
   * Reads a report written as {@link ReportFormat#JSON}.
   *
   * @param json the text
   * @return the report
   * @throws IllegalArgumentException when it is not such a report, naming what is wrong
   */
  public static CheckReport readJson(String json) {
    return JsonReport.read(json);
  }
}
