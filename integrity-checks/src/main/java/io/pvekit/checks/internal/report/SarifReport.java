package io.pvekit.checks.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.checks.CheckReport;
import io.pvekit.checks.CheckResult;
import io.pvekit.checks.CheckStatus;
import io.pvekit.checks.Evidence;
import java.util.Locale;

/**
 * SARIF 2.1.0: every check is a rule; every result other than PASS is a SARIF result (FAIL an
 * error, WARN a warning, could-not-check a note), its evidence subjects logical locations.
 */
public final class SarifReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SarifReport() {}

  /**
   * Renders a report.
   *
   * @param report the report
   * @return SARIF JSON text
   */
  public static String render(CheckReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "pvekit-checks");
    driver.put("informationUri", "https://github.com/pvekit/pvekit");
    driver.put("semanticVersion", CheckReport.FORMAT_VERSION + ".0.0");
    ArrayNode rules = driver.putArray("rules");
    ArrayNode results = run.putArray("results");
    int index = 0;
    for (CheckResult r : report.results()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", r.checkId());
      rule.put("name", r.title());
      rule.putObject("shortDescription").put("text", r.title());
      r.remediation().ifPresent(x -> rule.putObject("help").put("text", x));
      rule.putObject("defaultConfiguration").put("level", level(r));
      rule.putObject("properties")
          .put("category", r.category().id())
          .put("severity", r.severity().name().toLowerCase(Locale.ROOT));
      if (r.status() != CheckStatus.PASS && r.status() != CheckStatus.SKIP) {
        ObjectNode res = results.addObject();
        res.put("ruleId", r.checkId());
        res.put("ruleIndex", index);
        res.put("level", level(r));
        res.put("kind", r.status().evaluated() ? "fail" : "review");
        res.putObject("message").put("text", r.status() + ": " + r.message());
        ArrayNode locations = res.putArray("locations");
        for (Evidence e : r.evidence()) {
          if (e.problem()) {
            ObjectNode loc = locations.addObject();
            loc.putArray("logicalLocations")
                .addObject()
                .put("fullyQualifiedName", e.subject())
                .put("kind", "resource");
            loc.putObject("message").put("text", e.detail());
          }
        }
        if (r.waivedBecause().isPresent()) {
          res.putArray("suppressions")
              .addObject()
              .put("kind", "external")
              .put("justification", r.waivedBecause().get());
        }
      }
      index++;
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report that cannot be written as SARIF", e);
    }
  }

  private static String level(CheckResult r) {
    return switch (r.status()) {
      case FAIL -> "error";
      case WARN -> "warning";
      case PASS, SKIP -> "none";
      default -> "note";
    };
  }
}
