package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.pvekit.checks.CheckReport;
import io.pvekit.checks.CheckStatus;
import io.pvekit.checks.Reports;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pvekit check} through the real entry point, against proxmox-simulator and an empty
 * Kubernetes API (it answers /version and empty lists: a cluster with nothing installed).
 */
class CheckCommandTest {
  static final String TOKEN = "root@pam!checks=cli-secret";
  static ProxmoxSimulator pve;
  static HttpServer kubernetes;
  static final Set<String> LISTS =
      Set.of(
          "pods",
          "nodes",
          "deployments",
          "daemonsets",
          "customresourcedefinitions",
          "validatingwebhookconfigurations",
          "mutatingwebhookconfigurations",
          "storageclasses",
          "services",
          "persistentvolumeclaims",
          "networkpolicies",
          "resourcequotas",
          "runtimeclasses",
          "endpoints",
          "kubevirts",
          "virtualmachineinstances",
          "clusters",
          "machines",
          "proxmoxmachines",
          "kamajicontrolplanes",
          "tenantcontrolplanes",
          "datastores",
          "scheduledbackups",
          "mariadbs",
          "backups",
          "redisfailovers",
          "rabbitmqclusters",
          "clickhouseinstallations",
          "kafkas");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;
  Path kubeconfig;

  @BeforeAll
  static void start() throws Exception {
    pve =
        ProxmoxSimulator.builder()
            .port(0)
            .httpPort(0)
            .token("root@pam!checks", "cli-secret", false)
            .start();
    kubernetes = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    kubernetes.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          String last = path.substring(path.lastIndexOf('/') + 1);
          int status = 200;
          String body;
          if (path.equals("/version")) {
            body = "{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.2\"}";
          } else if (LISTS.contains(last)) {
            body = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{},\"items\":[]}";
          } else {
            status = 404;
            body =
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"reason\":\"NotFound\",\"code\":404}";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(status, bytes.length);
          try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
          }
        });
    kubernetes.start();
  }

  @AfterAll
  static void stop() {
    kubernetes.stop(0);
    pve.close();
  }

  @BeforeEach
  void writeKubeconfig() throws Exception {
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: mgmt\n"
            + "  cluster:\n    server: http://127.0.0.1:"
            + kubernetes.getAddress().getPort()
            + "\n"
            + "contexts:\n- name: mgmt\n  context:\n    cluster: mgmt\n    user: admin\n"
            + "current-context: mgmt\nusers:\n- name: admin\n  user:\n    token: abc\n");
  }

  private int run(String... args) {
    return PvekitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private String[] args(String... more) {
    String[] base = {
      "check",
      "--kubeconfig",
      kubeconfig.toString(),
      "--proxmox-url",
      pve.httpUrl().toString(),
      "--proxmox-token",
      TOKEN
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void proxmoxCategory_asJson_passesOnTheSimulator() throws Exception {
    Path json = dir.resolve("report.json");
    int status =
        run(args("--category", "proxmox", "--format", "json", "--output", json.toString()));
    assertThat(out.toString()).startsWith("wrote " + json + " (15 checks, coverage 100.0%)");
    CheckReport report = Reports.readJson(Files.readString(json));
    assertThat(report.results())
        .hasSize(15)
        .allSatisfy(
            r ->
                assertThat(r.status())
                    .as(r.checkId() + ": " + r.message())
                    .isEqualTo(CheckStatus.PASS));
    assertThat(status).as(err.toString()).isZero();
  }

  @Test
  void anUnreachableCluster_isAnError_neverAPass() throws Exception {
    Files.writeString(
        kubeconfig,
        Files.readString(kubeconfig).replace(":" + kubernetes.getAddress().getPort(), ":9"));
    int status = run(args("--check", "management.api-server-version", "--format", "json"));
    CheckReport report = Reports.readJson(out.toString());
    assertThat(report.results().get(0).status()).isEqualTo(CheckStatus.ERROR);
    assertThat(report.coverage()).isZero();
    assertThat(status).isEqualTo(2);
  }

  @Test
  void failOnNone_alwaysExitsZero() {
    assertThat(run(args("--category", "proxmox", "--fail-on", "none"))).isZero();
    assertThat(out.toString())
        .contains("Proxmox VE\n")
        .contains("PASS         proxmox.api-reachable")
        .doesNotContain("\u001b[");
  }

  @Test
  void anEmptyCluster_failsTheKubernetesChecks_withTheFix() {
    int status =
        run(args("--check", "operators.*,tenant.kamaji-operator-running", "--fail-on", "high"));
    assertThat(status).isEqualTo(1);
    assertThat(out.toString())
        .contains("Operators\n")
        .contains("FAIL         operators.cloudnative-pg")
        .contains(
            "- deployment cnpg-system/cnpg-controller-manager: not found: the component is"
                + " not installed")
        .contains("fix: ImagePullBackOff: fix the image reference")
        .contains("Tenant clusters\n");
  }

  @Test
  void everyFormat_isWritten() throws Exception {
    for (String format : new String[] {"junit", "sarif", "prometheus", "html"}) {
      Path file = dir.resolve("report." + format);
      run(args("--category", "proxmox", "--format", format, "--output", file.toString()));
      String text = Files.readString(file);
      switch (format) {
        case "junit" ->
            assertThat(text).contains("<testsuites name=\"pvekit-checks\" tests=\"15\"");
        case "sarif" -> assertThat(text).contains("\"version\" : \"2.1.0\"");
        case "prometheus" ->
            assertThat(text)
                .contains(
                    "pvekit_check_status{check=\"proxmox.time-skew\",category=\"proxmox\","
                        + "severity=\"medium\",status=\"pass\"} 1");
        default ->
            assertThat(text)
                .startsWith("<!DOCTYPE html>")
                .contains("data-check=\"proxmox.api-reachable\"");
      }
    }
  }

  @Test
  void exceptions_waiveAFailure_andTheGateIgnoresIt() throws Exception {
    Path waivers = dir.resolve("exceptions.yaml");
    Files.writeString(
        waivers,
        "exceptions:\n  - check: operators.cloudnative-pg\n"
            + "    reason: installed next sprint\n    expires: 2099-01-01\n");
    int status =
        run(args("--check", "operators.cloudnative-pg", "--exceptions", waivers.toString()));
    assertThat(out.toString())
        .contains("FAIL*        operators.cloudnative-pg")
        .contains("waived: installed next sprint");
    assertThat(status).isZero();
  }

  @Test
  void diff_listsRegressionsAndFixes() throws Exception {
    Path old = dir.resolve("old.json");
    Path now = dir.resolve("new.json");
    run(args("--category", "proxmox", "--format", "json", "--output", old.toString()));
    Files.writeString(
        now,
        Files.readString(old)
            .replaceFirst(
                "\"status\" : \"PASS\"", "\"status\" : \"FAIL\", \"remediation\" : \"x\""));
    out.getBuffer().setLength(0);
    assertThat(run("check", "diff", old.toString(), now.toString())).isEqualTo(1);
    assertThat(out.toString())
        .startsWith("1 regressions, 0 fixes")
        .contains("REGRESSION proxmox.api-reachable: PASS -> FAIL");
    out.getBuffer().setLength(0);
    assertThat(run("check", "diff", now.toString(), old.toString())).isZero();
    assertThat(out.toString()).contains("FIXED      proxmox.api-reachable: FAIL -> PASS");
  }

  @Test
  void diff_ofAFileThatIsNotAReport_saysWhich() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"version\":\"7\"}");
    assertThat(run("check", "diff", bad.toString(), bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(bad + ": version: '7'");
  }

  @Test
  void aBadToken_isRefusedWithoutEchoingIt() {
    int status =
        run(
            "check",
            "--kubeconfig",
            kubeconfig.toString(),
            "--proxmox-url",
            pve.httpUrl().toString(),
            "--proxmox-token",
            "s3cr3t-value-only");
    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("--proxmox-token: expected USER@REALM!NAME=SECRET")
        .doesNotContain("s3cr3t-value-only");
  }

  @Test
  void aMissingKubeconfig_namesTheOption() {
    assertThat(run("check", "--proxmox-url", "http://127.0.0.1:1", "--proxmox-token", TOKEN))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--kubeconfig: missing");
  }
}
