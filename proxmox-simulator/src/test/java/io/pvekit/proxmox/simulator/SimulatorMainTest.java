package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return SimulatorMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void help_printsUsage() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: proxmox-simulator").contains("--password SECRET");
  }

  @Test
  void badOptions_exitWith2AndNameTheProblem() {
    assertThat(run("--port", "http")).isEqualTo(2);
    assertThat(err.toString()).contains("--port: 'http' is not a number").contains("Usage:");
    assertThat(run("--frobnicate", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown option --frobnicate");
    assertThat(run("--user")).isEqualTo(2);
    assertThat(err.toString()).contains("option --user needs a value");
    assertThat(run("--user", "root")).isEqualTo(2);
    assertThat(err.toString()).contains("user: 'root' is not of the form user@realm");
  }

  @Test
  void options_configureTheSimulator() {
    try (ProxmoxSimulator sim =
        SimulatorMain.parse(
                "--port",
                "0",
                "--http-port",
                "0",
                "--user",
                "admin@pve",
                "--password",
                "pw",
                "--token",
                "admin@pve!ci=abc",
                "--pve-version",
                "9.1.5")
            .start()) {
      assertThat(sim.username()).isEqualTo("admin@pve");
      RawHttp http = RawHttp.to(sim).token("admin@pve!ci", "abc");
      assertThat(http.get("/version").data().get("version").asText()).isEqualTo("9.1.5");
      assertThat(RawHttp.to(sim).login("admin@pve", "pw").ticket()).startsWith("PVE:admin@pve:");
    }
  }
}
