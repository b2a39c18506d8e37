package io.pvekit.checks.internal.report;

import io.pvekit.checks.Category;
import io.pvekit.checks.CheckReport;
import io.pvekit.checks.CheckResult;
import io.pvekit.checks.CheckStatus;
import io.pvekit.checks.Evidence;
import io.pvekit.checks.Waiver;
import java.util.List;
import java.util.Locale;

/** One self-contained HTML page: no script, no external style, font or image. */
public final class HtmlReport {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
          + "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}"
          + "table{border-collapse:collapse;width:100%}"
          + "td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}"
          + ".status{font-weight:bold;white-space:nowrap}"
          + ".PASS{color:#1a7f37}.WARN{color:#9a6700}.FAIL{color:#cf222e}.SKIP{color:#6e7781}"
          + ".NOT_EVALUATED,.TIMEOUT,.ERROR{color:#8250df}"
          + "ul{margin:4px 0;padding-left:1.2em}.fix{color:#555}"
          + ".summary span{margin-right:1em}";

  private HtmlReport() {}

  /**
   * Renders a report.
   *
   * @param report the report
   * @return HTML text
   */
  public static String render(CheckReport report) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>pvekit integrity checks</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>pvekit integrity checks</h1>\n")
        .append("<p class=\"summary\" id=\"summary\">");
    report
        .counts()
        .forEach(
            (s, n) ->
                out.append("<span class=\"")
                    .append(s.name())
                    .append("\">")
                    .append(n)
                    .append(' ')
                    .append(s.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append("</span>"));
    out.append("<span id=\"coverage\">coverage ")
        .append(String.format(Locale.ROOT, "%.1f%%", report.coverage() * 100))
        .append("</span><span>started ")
        .append(report.startedAt())
        .append(", ")
        .append(report.duration().toMillis())
        .append(" ms</span></p>\n");
    for (Category c : Category.values()) {
      List<CheckResult> rs = report.results().stream().filter(r -> r.category() == c).toList();
      if (rs.isEmpty()) {
        continue;
      }
      out.append("<h2>")
          .append(Xml.escape(c.title()))
          .append("</h2>\n<table id=\"")
          .append(c.id())
          .append("\"><tr><th>Status</th><th>Check</th><th>Severity</th>")
          .append("<th>Result</th></tr>\n");
      for (CheckResult r : rs) {
        out.append("<tr data-check=\"")
            .append(Xml.escape(r.checkId()))
            .append("\">")
            .append("<td class=\"status ")
            .append(r.status().name())
            .append("\">")
            .append(r.status().name())
            .append(r.waivedBecause().isPresent() ? " (waived)" : "")
            .append("</td><td><b>")
            .append(Xml.escape(r.title()))
            .append("</b><br><code>")
            .append(Xml.escape(r.checkId()))
            .append("</code></td><td>")
            .append(r.severity().name().toLowerCase(Locale.ROOT))
            .append("</td><td>")
            .append(Xml.escape(r.message()));
        if (r.status() != CheckStatus.PASS && r.status() != CheckStatus.SKIP) {
          out.append("<ul>");
          for (Evidence e : r.evidence()) {
            if (e.problem()) {
              out.append("<li><code>")
                  .append(Xml.escape(e.subject()))
                  .append("</code>: ")
                  .append(Xml.escape(e.detail()))
                  .append("</li>");
            }
          }
          out.append("</ul>");
          r.waivedBecause()
              .ifPresent(w -> out.append("<div>waived: ").append(Xml.escape(w)).append("</div>"));
          r.remediation()
              .ifPresent(
                  x ->
                      out.append("<div class=\"fix\">fix: ")
                          .append(Xml.escape(x))
                          .append("</div>"));
        }
        out.append("</td></tr>\n");
      }
      out.append("</table>\n");
    }
    waivers(out, "Expired exceptions", report.expiredWaivers());
    waivers(out, "Unused exceptions", report.unusedWaivers());
    return out.append("</body></html>\n").toString();
  }

  private static void waivers(StringBuilder out, String title, List<Waiver> ws) {
    if (ws.isEmpty()) {
      return;
    }
    out.append("<h2>").append(title).append("</h2><ul>");
    for (Waiver w : ws) {
      out.append("<li><code>")
          .append(Xml.escape(w.check()))
          .append("</code> ")
          .append(Xml.escape(w.scope().orElse("")))
          .append(": ")
          .append(Xml.escape(w.reason()))
          .append(" (expires ")
          .append(w.expires())
          .append(")</li>");
    }
    out.append("</ul>\n");
  }
}
