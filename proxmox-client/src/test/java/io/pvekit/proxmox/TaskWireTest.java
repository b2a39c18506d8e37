package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.pvekit.proxmox.WireMockSupport.API;
import static io.pvekit.proxmox.WireMockSupport.data;
import static io.pvekit.proxmox.WireMockSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TaskWireTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Upid UPID =
      Upid.parse("UPID:pve1:0000A1B2:0012D687:6560F00D:qmclone:9000:root@pam:");
  private static final String STATUS = API + "/nodes/pve1/tasks/" + UPID + "/status";
  private static final String LOG = API + "/nodes/pve1/tasks/" + UPID + "/log";

  private static String status(String state, String exit) {
    return "{\"upid\":\""
        + UPID
        + "\",\"node\":\"pve1\",\"status\":\""
        + state
        + "\""
        + (exit == null ? "" : ",\"exitstatus\":\"" + exit + "\"")
        + ",\"type\":\"qmclone\"}";
  }

  private void stubStatuses(String... bodies) {
    String state = Scenario.STARTED;
    for (int i = 0; i < bodies.length; i++) {
      String next = i == bodies.length - 1 ? state : "s" + (i + 1);
      server.stubFor(
          get(urlEqualTo(STATUS))
              .inScenario("task")
              .whenScenarioStateIs(state)
              .willReturn(data(bodies[i]))
              .willSetStateTo(next));
      state = next;
    }
  }

  @Test
  void await_pollsUntilStopped_andReturnsOk() {
    stubStatuses(status("running", null), status("running", null), status("stopped", "OK"));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      TaskStatus done = client.task(UPID).await(Duration.ofSeconds(30));
      assertThat(done.isSuccessful()).isTrue();
      assertThat(done.exitStatus()).contains("OK");
    }
    server.verify(3, getRequestedFor(urlEqualTo(STATUS)));
  }

  @Test
  void await_treatsWarningsAsSuccess() {
    stubStatuses(status("stopped", "WARNINGS: 2"));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      TaskStatus done = client.task(UPID).await(Duration.ofSeconds(5));
      assertThat(done.isSuccessful()).isTrue();
      assertThat(done.warnings()).isEqualTo(2);
    }
  }

  @Test
  void await_failure_raisesTaskFailedException_withExitStatusAndTheLastLogLines() {
    stubStatuses(status("stopped", "clone failed: no space left on device"));
    server.stubFor(
        get(urlPathEqualTo(LOG))
            .withQueryParam("limit", WireMock.equalTo("1"))
            .willReturn(json("{\"total\":45,\"data\":[{\"n\":1,\"t\":\"create full clone\"}]}")));
    server.stubFor(
        get(urlEqualTo(LOG + "?start=25&limit=20"))
            .willReturn(
                json(
                    "{\"total\":45,\"data\":[{\"n\":44,\"t\":\"transferred 31.0 GiB\"},"
                        + "{\"n\":45,\"t\":\"TASK ERROR: clone failed: no space left on device\"}]}")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.task(UPID).await(Duration.ofSeconds(5)))
          .isInstanceOf(TaskFailedException.class)
          .hasMessageContaining(
              "task qmclone 9000 on pve1 failed: clone failed: no space left on device")
          .hasMessageContaining("TASK ERROR")
          .satisfies(
              e -> {
                TaskFailedException failed = (TaskFailedException) e;
                assertThat(failed.exitStatus()).isEqualTo("clone failed: no space left on device");
                assertThat(failed.logTail()).last().asString().startsWith("TASK ERROR");
                assertThat(failed.upid()).isEqualTo(UPID);
              });
    }
  }

  @Test
  void await_timeout_saysTheTaskGoesOn() {
    stubStatuses(status("running", null));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.task(UPID).await(Duration.ofMillis(250)))
          .isInstanceOf(TaskTimeoutException.class)
          .hasMessageContaining("still running")
          .hasMessageContaining(UPID.format());
    }
  }
}
