package io.pvekit.checks.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.checks.Category;
import io.pvekit.checks.CheckReport;
import io.pvekit.checks.CheckResult;
import io.pvekit.checks.CheckStatus;
import io.pvekit.checks.Evidence;
import io.pvekit.checks.Severity;
import io.pvekit.checks.Waiver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The JSON form (schema: {@code io/pvekit/checks/report-schema.json}). */
public final class JsonReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /**
   * Renders a report.
   *
   * @param report the report
   * @return JSON text
   */
  public static String render(CheckReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", CheckReport.FORMAT_VERSION);
    root.put("startedAt", report.startedAt().toString());
    root.put("durationMillis", report.duration().toMillis());
    ObjectNode summary = root.putObject("summary");
    summary.put("total", report.results().size());
    report.counts().forEach((s, n) -> summary.put(key(s), n));
    summary.put(
        "waived", report.results().stream().filter(r -> r.waivedBecause().isPresent()).count());
    summary.put("coverage", Math.round(report.coverage() * 10_000) / 10_000.0);
    ArrayNode results = root.putArray("results");
    for (CheckResult r : report.results()) {
      ObjectNode o = results.addObject();
      o.put("id", r.checkId());
      o.put("category", r.category().id());
      o.put("severity", r.severity().name().toLowerCase(Locale.ROOT));
      o.put("title", r.title());
      o.put("status", r.status().name());
      o.put("message", r.message());
      o.put("durationMillis", r.duration().toMillis());
      r.remediation().ifPresent(x -> o.put("remediation", x));
      r.waivedBecause().ifPresent(x -> o.put("waivedBecause", x));
      ArrayNode ev = o.putArray("evidence");
      for (Evidence e : r.evidence()) {
        ev.addObject()
            .put("subject", e.subject())
            .put("detail", e.detail())
            .put("problem", e.problem());
      }
    }
    waivers(root.putArray("expiredExceptions"), report.expiredWaivers());
    waivers(root.putArray("unusedExceptions"), report.unusedWaivers());
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report that cannot be written as JSON", e);
    }
  }

  /** The summary key of a status: {@code notEvaluated} for NOT_EVALUATED. */
  public static String key(CheckStatus s) {
    String[] parts = s.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder b = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return b.toString();
  }

  private static void waivers(ArrayNode out, List<Waiver> waivers) {
    for (Waiver w : waivers) {
      ObjectNode o = out.addObject();
      o.put("check", w.check());
      w.scope().ifPresent(s -> o.put("scope", s));
      o.put("reason", w.reason());
      o.put("expires", w.expires().toString());
    }
  }

  /**
   * Reads a report back.
   *
   * @param text JSON text
   * @return the report
   */
  public static CheckReport read(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a pvekit check report: expected a JSON object");
    }
    if (!CheckReport.FORMAT_VERSION.equals(root.path("version").asText())) {
      throw new IllegalArgumentException(
          "version: '"
              + root.path("version").asText()
              + "' is not a report version this build reads ("
              + CheckReport.FORMAT_VERSION
              + ")");
    }
    List<CheckResult> results = new ArrayList<>();
    int i = 0;
    for (JsonNode r : root.path("results")) {
      String where = "results[" + i++ + "]";
      try {
        var b =
            CheckResult.builder()
                .checkId(r.path("id").asText())
                .category(Category.parse(r.path("category").asText()))
                .severity(Severity.parse(r.path("severity").asText()))
                .title(r.path("title").asText())
                .status(CheckStatus.valueOf(r.path("status").asText()))
                .message(r.path("message").asText())
                .duration(Duration.ofMillis(r.path("durationMillis").asLong()));
        if (r.hasNonNull("remediation")) {
          b.remediation(r.get("remediation").asText());
        }
        if (r.hasNonNull("waivedBecause")) {
          b.waivedBecause(r.get("waivedBecause").asText());
        }
        for (JsonNode e : r.path("evidence")) {
          b.addEvidence(
              Evidence.of(
                  e.path("subject").asText(),
                  e.path("detail").asText(),
                  e.path("problem").asBoolean()));
        }
        results.add(b.build());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return CheckReport.builder()
        .startedAt(Instant.parse(root.path("startedAt").asText()))
        .duration(Duration.ofMillis(root.path("durationMillis").asLong()))
        .results(results)
        .expiredWaivers(readWaivers(root.path("expiredExceptions")))
        .unusedWaivers(readWaivers(root.path("unusedExceptions")))
        .build();
  }

  private static List<Waiver> readWaivers(JsonNode list) {
    List<Waiver> out = new ArrayList<>();
    for (JsonNode w : list) {
      var b =
          Waiver.builder()
              .check(w.path("check").asText())
              .reason(w.path("reason").asText())
              .expires(LocalDate.parse(w.path("expires").asText()));
      if (w.hasNonNull("scope")) {
        b.scope(w.get("scope").asText());
      }
      out.add(b.build());
    }
    return out;
  }
}
