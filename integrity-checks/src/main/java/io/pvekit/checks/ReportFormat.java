package io.pvekit.checks;

import java.util.Locale;

/** The forms a report can be written in. */
public enum ReportFormat {
  /** A table grouped by category with a summary, for people (colour on a terminal). */
  TABLE,
  /** JSON with a version field; see {@code report-schema.json}. */
  JSON,
  /** JUnit XML, one test case per check, for CI; see {@code junit.xsd}. */
  JUNIT,
  /** SARIF 2.1.0, for code-scanning dashboards. */
  SARIF,
  /** Prometheus text exposition, for a textfile collector or a pushgateway. */
  PROMETHEUS,
  /** One self-contained HTML page. */
  HTML;

  /**
   * The format with this name, case-insensitive.
   *
   * @param text {@code table}, {@code json}, ...
   * @return the format
   * @throws IllegalArgumentException naming the valid names
   */
  public static ReportFormat parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "format: '" + text + "' is not one of table, json, junit, sarif, prometheus, html", e);
    }
  }
}
