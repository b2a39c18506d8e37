package io.pvekit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.pvekit.checks.fixture.Fixture;
import io.pvekit.checks.fixture.KubePlatform.Variant;
import java.io.InputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every report format, on the healthy and the realistic platform. */
class ReportsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static CheckReport healthy;
  static CheckReport realistic;

  @BeforeAll
  static void run() {
    // an exception that waives the mariadb operator's image pull, one expired, one unused
    List<Waiver> waivers =
        List.of(
            Waiver.builder()
                .check("operators.mariadb")
                .scope("*mariadb-operator*")
                .reason("registry migration, OPS-1234")
                .expires(LocalDate.parse("2026-12-31"))
                .build(),
            Waiver.builder()
                .check("operators.redis")
                .reason("old")
                .expires(LocalDate.parse("2026-01-01"))
                .build(),
            Waiver.builder()
                .check("lxc.*")
                .reason("nothing to waive")
                .expires(LocalDate.parse("2026-12-31"))
                .build());
    try (Fixture h = Fixture.start(Variant.HEALTHY);
        Fixture r = Fixture.start(Variant.REALISTIC)) {
      healthy =
          IntegrityChecks.builder()
              .checks(PlatformChecks.all())
              .clock(Fixture.CLOCK)
              .build()
              .run(h.context());
      realistic =
          IntegrityChecks.builder()
              .checks(PlatformChecks.all())
              .clock(Fixture.CLOCK)
              .waivers(waivers)
              .build()
              .run(r.context());
    }
  }

  static List<CheckReport> both() {
    return List.of(healthy, realistic);
  }

  @Test
  void json_validatesAgainstTheCommittedSchema_andReadsBack() throws Exception {
    JsonSchema schema;
    try (InputStream in = CheckReport.class.getResourceAsStream("report-schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    for (CheckReport report : both()) {
      String text = Reports.render(report, ReportFormat.JSON, false);
      JsonNode node = JSON.readTree(text);
      Set<ValidationMessage> errors = schema.validate(node);
      assertThat(errors).as(text.substring(0, 300)).isEmpty();
      assertThat(node.path("version").asText()).isEqualTo("1");
      CheckReport back = Reports.readJson(text);
      assertThat(back.results())
          .extracting(CheckResult::status)
          .containsExactlyElementsOf(report.results().stream().map(CheckResult::status).toList());
      assertThat(back.results())
          .extracting(CheckResult::evidence)
          .containsExactlyElementsOf(report.results().stream().map(CheckResult::evidence).toList());
    }
    JsonNode broken = JSON.readTree(Reports.render(realistic, ReportFormat.JSON, false));
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("results").get(0))
        .put("status", "OK");
    assertThat(schema.validate(broken)).as("the schema can fail").isNotEmpty();
    assertThat(
            JSON.readTree(Reports.render(realistic, ReportFormat.JSON, false))
                .path("summary")
                .path("waived")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void json_ofAnotherVersion_isRefused() {
    assertThatThrownBy(() -> Reports.readJson("{\"version\":\"9\"}"))
        .hasMessageContaining("version: '9'");
  }

  @Test
  void junit_validatesAgainstTheCommittedXsd() throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator v = f.newSchema(CheckReport.class.getResource("junit.xsd")).newValidator();
    for (CheckReport report : both()) {
      String xml = Reports.render(report, ReportFormat.JUNIT, false);
      v.validate(new StreamSource(new StringReader(xml)));
      assertThat(xml).contains("tests=\"" + report.results().size() + "\"");
    }
    String xml = Reports.render(realistic, ReportFormat.JUNIT, false);
    assertThat(xml)
        .contains("<failure message=\"2 problems with deployments in redis-operator\"")
        .contains("<skipped message=\"waived: registry migration, OPS-1234\"/>")
        .contains("<error message=\"the Proxmox API refused the read");
    assertThatThrownBy(
            () ->
                v.validate(
                    new StreamSource(
                        new StringReader(xml.replaceFirst("time=\"[0-9.]+\"", "time=\"soon\"")))))
        .as("the XSD can fail")
        .isInstanceOf(org.xml.sax.SAXException.class);
  }

  @Test
  void sarif_hasARulePerCheck_andAResultPerProblem() throws Exception {
    JsonNode sarif = JSON.readTree(Reports.render(realistic, ReportFormat.SARIF, false));
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    JsonNode run = sarif.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("rules")).hasSize(realistic.results().size());
    long notPassing =
        realistic.results().stream()
            .filter(r -> r.status() != CheckStatus.PASS && r.status() != CheckStatus.SKIP)
            .count();
    assertThat(run.path("results")).hasSize((int) notPassing);
    for (JsonNode res : run.path("results")) {
      int index = res.path("ruleIndex").asInt();
      assertThat(run.path("tool").path("driver").path("rules").get(index).path("id").asText())
          .isEqualTo(res.path("ruleId").asText());
      assertThat(res.path("level").asText()).isIn("error", "warning", "note");
    }
    assertThat(
            JSON.readTree(Reports.render(healthy, ReportFormat.SARIF, false))
                .path("runs")
                .get(0)
                .path("results"))
        .isEmpty();
  }

  static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\""
              + "(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\")*\\})? "
              + "(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|NaN|[+-]Inf)");
  static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void prometheus_parsesAsTextExposition() {
    for (CheckReport report : both()) {
      String text = Reports.render(report, ReportFormat.PROMETHEUS, false);
      Set<String> typed = new HashSet<>();
      Map<String, Integer> onePerCheck = new HashMap<>();
      for (String line : text.split("\n")) {
        if (line.startsWith("# TYPE ")) {
          String[] p = line.split(" ");
          assertThat(p).hasSize(4);
          assertThat(p[3]).isIn("gauge", "counter");
          assertThat(typed.add(p[2])).as("one TYPE per family: " + p[2]).isTrue();
          continue;
        }
        if (line.startsWith("# HELP ")) {
          continue;
        }
        Matcher m = SAMPLE.matcher(line);
        assertThat(m.matches()).as("sample line: " + line).isTrue();
        assertThat(typed).as("TYPE before samples of " + m.group(1)).contains(m.group(1));
        if (m.group(1).equals("pvekit_check_status")) {
          Matcher l = LABEL.matcher(m.group(2));
          Map<String, String> labels = new HashMap<>();
          while (l.find()) {
            labels.put(l.group(1), l.group(2));
          }
          onePerCheck.merge(
              labels.get("check"), (int) Double.parseDouble(m.group(3)), Integer::sum);
        }
      }
      assertThat(onePerCheck).hasSize(report.results().size());
      assertThat(onePerCheck.values()).containsOnly(1);
    }
    assertThat(Reports.render(realistic, ReportFormat.PROMETHEUS, false))
        .contains(
            "pvekit_check_status{check=\"operators.redis\",category=\"operators\","
                + "severity=\"high\",status=\"fail\"} 1")
        .contains("pvekit_checks_exceptions{state=\"expired\"} 1");
  }

  @Test
  void html_isSelfContained_andListsEveryCheck() {
    String html = Reports.render(realistic, ReportFormat.HTML, false);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .doesNotContain("<script")
        .doesNotContain("<link")
        .doesNotContain("src=")
        .doesNotContain("@import")
        .doesNotContain("url(");
    for (CheckResult r : realistic.results()) {
      assertThat(html).contains("data-check=\"" + r.checkId() + "\"");
    }
    assertThat(html)
        .contains("ImagePullBackOff pulling quay.io/spotahome/redis-operator:v1.3.0-rc1");
  }

  @Test
  void table_isGroupedByCategory_withColourOnlyWhenAsked() {
    String plain = Reports.render(realistic, ReportFormat.TABLE, false);
    assertThat(plain).doesNotContain("\u001b[");
    int last = -1;
    for (Category c : Category.values()) {
      int at = plain.indexOf(c.title() + "\n");
      assertThat(at).as(c.title()).isGreaterThan(last);
      last = at;
    }
    assertThat(plain)
        .contains("FAIL         operators.redis")
        .contains("fix: ImagePullBackOff: fix the image reference")
        .contains("FAIL*        operators.mariadb")
        .contains("expired exception: operators.redis (old, expires 2026-01-01)")
        .contains("unused exception: lxc.* (nothing to waive")
        .containsPattern(
            "81 checks: 62 pass, 0 warn, 11 fail, 3 skip, 5 not evaluated, 0 timeout,"
                + " 0 error, 1 waived; coverage 90\\.1% in \\d+ ms\n$");
    assertThat(Reports.render(realistic, ReportFormat.TABLE, true)).contains("\u001b[31mFAIL");
  }

  @Test
  void diff_listsRegressionsAndFixes() {
    ReportDiff worse = ReportDiff.between(healthy, realistic);
    assertThat(worse.regressions())
        .extracting(ReportDiff.Change::checkId)
        .containsExactlyInAnyOrderElementsOf(RealisticPlatformTest.NOT_PASSING.keySet());
    assertThat(worse.fixes()).isEmpty();
    ReportDiff better = ReportDiff.between(realistic, healthy);
    assertThat(better.fixes()).hasSameSizeAs(worse.regressions());
    assertThat(better.render())
        .startsWith("0 regressions, 19 fixes, 0 new checks, 0 removed")
        .contains("FIXED      operators.redis: FAIL -> PASS");
  }
}
