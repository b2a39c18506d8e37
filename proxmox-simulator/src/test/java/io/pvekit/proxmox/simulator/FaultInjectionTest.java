package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  @Test
  void error_answersLikePveWithTheMessageAsReason() {
    try (ProxmoxSimulator sim =
        ProxmoxSimulator.builder()
            .fault(FaultRule.on("GET", "/nodes/{node}/qemu").withError(500, "got timeout"))
            .start()) {
      RawHttp http = RawHttp.to(sim).login(sim);
      RawHttp.Response r = http.get("/nodes/pve1/qemu");
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.reason()).isEqualTo("got timeout");
      assertThat(r.json().get("message").asText()).isEqualTo("got timeout\n");
      assertThat(r.header("connection")).isEqualTo("close");
      assertThat(http.get("/nodes/pve1/lxc").status()).isEqualTo(200);
    }
  }

  @Test
  void droppedConnection_resetsWithoutAnswer() {
    try (ProxmoxSimulator sim = ProxmoxSimulator.start()) {
      RawHttp http = RawHttp.to(sim).login(sim);
      sim.addFault(FaultRule.on("*", "/cluster/*").withDroppedConnection().times(1));
      assertThatThrownBy(() -> http.get("/cluster/resources")).isInstanceOf(AssertionError.class);
      assertThat(http.get("/cluster/resources").status()).isEqualTo(200);
    }
  }

  @Test
  void latency_delaysTheAnswerAtLeastThatLong() {
    try (ProxmoxSimulator sim =
        ProxmoxSimulator.builder()
            .fault(FaultRule.on("GET", "/version").withLatency(Duration.ofMillis(300)))
            .start()) {
      RawHttp http = RawHttp.to(sim).login(sim);
      long start = System.nanoTime();
      assertThat(http.get("/version").status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void ticketExpiry_forcesOneReLogin() {
    try (ProxmoxSimulator sim =
        ProxmoxSimulator.builder()
            .fault(FaultRule.on("GET", "/nodes").withTicketExpiry().times(1))
            .start()) {
      RawHttp http = RawHttp.to(sim).login(sim);
      assertThat(http.get("/version").status()).isEqualTo(200);
      RawHttp.Response expired = http.get("/nodes");
      assertThat(expired.status()).isEqualTo(401);
      assertThat(expired.reason()).isEqualTo("permission denied - invalid PVE ticket");
      assertThat(http.get("/version").status()).isEqualTo(401);
      assertThat(http.login(sim).get("/nodes").status()).isEqualTo(200);
    }
  }

  @Test
  void taskFailure_failsTheStartedTask_andUndoesIt() {
    try (ProxmoxSimulator sim =
        ProxmoxSimulator.builder()
            .taskDuration(Duration.ofMillis(10))
            .fault(
                FaultRule.on("POST", "/nodes/{node}/qemu/{vmid}/clone")
                    .withTaskFailure("clone failed: got timeout")
                    .times(1))
            .start()) {
      RawHttp http = RawHttp.to(sim).login(sim);
      RawHttp.Response failed = http.post("/nodes/pve1/qemu/9000/clone", "newid", "101");
      assertThat(failed.status()).isEqualTo(200);
      assertThat(Tasks.run(http, failed)).isEqualTo("clone failed: got timeout");
      assertThat(sim.vmIds()).containsExactly(io.pvekit.proxmox.VmId.of(9000));
      assertThat(Tasks.run(http, http.post("/nodes/pve1/qemu/9000/clone", "newid", "101")))
          .isEqualTo("OK");
    }
  }

  @Test
  void probability_withTheSameSeed_hitsTheSameRequests() {
    assertThat(hits(7)).isEqualTo(hits(7)).contains(true).contains(false);
    assertThat(hits(7)).isNotEqualTo(hits(8));
  }

  private static List<Boolean> hits(long seed) {
    try (ProxmoxSimulator sim =
        ProxmoxSimulator.builder()
            .seed(seed)
            .fault(FaultRule.on("GET", "/version").withError(503, "busy").withProbability(0.5))
            .start()) {
      RawHttp http = RawHttp.to(sim).login(sim);
      List<Boolean> hits = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        hits.add(http.get("/version").status() == 503);
      }
      return hits;
    }
  }

  @Test
  void rules_validateTheirArguments() {
    assertThatThrownBy(() -> FaultRule.on("GET", "nodes"))
        .hasMessageContaining("must start with '/'");
    assertThatThrownBy(() -> FaultRule.on("GET", "/x").withError(200, "ok"))
        .hasMessageContaining("is not an error");
    assertThatThrownBy(() -> FaultRule.on("GET", "/x").withProbability(1.5))
        .hasMessageContaining("1.5");
    assertThat(FaultRule.on("post", "/x").withError(500, "boom").times(2).toString())
        .isEqualTo("FaultRule[POST /x, error=500 boom, times=2]");
  }
}
