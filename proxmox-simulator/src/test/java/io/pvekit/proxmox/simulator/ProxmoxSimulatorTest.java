package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ProxmoxSimulatorTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void version_answersLikePve91() throws Exception {
    try (ProxmoxSimulator sim = ProxmoxSimulator.start()) {
      HttpResponse<String> response = get(sim, "/api2/json/version");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"version\":\"9.1.3\"").contains("\"release\":\"9.1\"");
    }
  }

  @Test
  void unknownPath_is501() throws Exception {
    try (ProxmoxSimulator sim = ProxmoxSimulator.start()) {
      assertThat(get(sim, "/api2/json/nodes/pve1/nope").statusCode()).isEqualTo(501);
    }
  }

  private HttpResponse<String> get(ProxmoxSimulator sim, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(sim.baseUrl().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
