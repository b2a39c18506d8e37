package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProxmoxSimulatorTest {
  private static ProxmoxSimulator sim;
  private static RawHttp http;
  private static String csrf;

  @BeforeAll
  static void start() {
    sim = ProxmoxSimulator.start();
    http = RawHttp.to(sim).login(sim);
    csrf =
        RawHttp.to(sim)
            .post("/access/ticket", "username", sim.username(), "password", http.ticket())
            .data()
            .get("CSRFPreventionToken")
            .asText();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void version_answersLikePve91() {
    RawHttp.Response r = http.get("/version");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.data().get("version").asText()).isEqualTo("9.1.3");
    assertThat(r.data().get("release").asText()).isEqualTo("9.1");
    assertThat(r.data().get("repoid").asText()).matches("[0-9a-f]{8,64}");
    assertThat(r.header("server")).isEqualTo("pve-api-daemon/3.0");
    assertThat(r.header("content-type")).isEqualTo("application/json;charset=UTF-8");
  }

  @Test
  void unknownPath_is501WithMethodAndPathInTheReason() {
    RawHttp.Response r = http.get("/nodes/pve1/nope");
    assertThat(r.status()).isEqualTo(501);
    assertThat(r.reason()).isEqualTo("Method 'GET /nodes/pve1/nope' not implemented");
  }

  @Test
  void largeAnswers_areGzipped_whenTheClientAcceptsIt() throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        "Cookie", "PVEAuthCookie=" + URLEncoder.encode(http.ticket(), StandardCharsets.UTF_8));
    headers.put("Accept-Encoding", "gzip");
    RawHttp.Response r = http.raw("GET", "/api2/json/access/permissions", headers, null);
    assertThat(r.status()).as(r.reason()).isEqualTo(200);
    assertThat(r.header("content-encoding")).isEqualTo("gzip");
    assertThat(r.header("connection")).isEqualTo("close");
    RawHttp.Response plain = http.get("/access/permissions");
    assertThat(plain.header("content-encoding")).isNull();
    assertThat(plain.body().length()).isGreaterThan(1024);
    assertThat(Integer.parseInt(r.header("content-length"))).isLessThan(plain.body().length());
  }

  @Test
  void jsonBodies_areAcceptedLikeForms_withRealBooleans() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        "Cookie", "PVEAuthCookie=" + URLEncoder.encode(http.ticket(), StandardCharsets.UTF_8));
    headers.put("CSRFPreventionToken", csrf);
    headers.put("Content-Type", "application/json");
    RawHttp.Response r =
        http.raw(
            "POST",
            "/api2/json/nodes/pve1/qemu/9000/clone",
            headers,
            "{\"newid\": 4242, \"full\": true, \"name\": \"json-vm\"}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(Tasks.run(http, r)).isEqualTo("OK");
    RawHttp.Response wrong =
        http.raw(
            "POST",
            "/api2/json/nodes/pve1/qemu/9000/clone",
            headers,
            "{\"newid\": 4243, \"full\": \"true\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(wrong.json().get("errors").get("full").asText())
        .isEqualTo("type check ('boolean') failed - got 'true'");
  }

  @Test
  void unknownNode_failsLikePveproxysHostLookup() {
    RawHttp.Response r = http.get("/nodes/pve9/qemu");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.reason())
        .isEqualTo(
            "hostname lookup 'pve9' failed - failed to get address info for: pve9: Name or"
                + " service not known");
  }

  @Test
  void fingerprint_isSha256InProxmoxForm() {
    assertThat(sim.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(sim.listeningLine())
        .isEqualTo(
            "listening on https://127.0.0.1:"
                + sim.httpsPort()
                + " fingerprint "
                + sim.fingerprint());
  }
}
