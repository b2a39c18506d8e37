package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProxmoxSimulatorTest {
  private static ProxmoxSimulator sim;
  private static RawHttp http;

  @BeforeAll
  static void start() {
    sim = ProxmoxSimulator.start();
    http = RawHttp.to(sim).login(sim);
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
