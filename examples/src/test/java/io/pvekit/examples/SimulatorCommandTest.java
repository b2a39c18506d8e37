package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SimulatorCommandTest {
  @Test
  void help_listsTheSimulatorOptions() {
    StringWriter out = new StringWriter();
    int status =
        PvekitCli.run(
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            "simulator",
            "--help");
    assertThat(status).isZero();
    assertThat(out.toString()).contains("--port").contains("--password").contains("--token");
  }

  @Test
  void simulator_printsOneListeningLine_andStopsWhenInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    AtomicInteger status = new AtomicInteger(-1);
    Thread runner =
        new Thread(
            () ->
                status.set(
                    PvekitCli.run(
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true),
                        "simulator",
                        "--port",
                        "0",
                        "--password",
                        "SECRET")));
    runner.start();
    for (int i = 0; i < 500 && !out.toString().contains("\n"); i++) {
      Thread.sleep(20);
    }
    runner.interrupt();
    runner.join(10_000);
    assertThat(out.toString())
        .matches(
            "listening on https://127\\.0\\.0\\.1:\\d+ fingerprint ([0-9A-F]{2}:){31}[0-9A-F]{2}\\R");
    assertThat(status.get()).isZero();
  }
}
