package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.pvekit.proxmox.WireMockSupport.API;
import static io.pvekit.proxmox.WireMockSupport.data;
import static io.pvekit.proxmox.WireMockSupport.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsWireTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void connectionReset_onGet_isRetriedThenReportedAsNoResponse() {
    server.stubFor(
        get(urlEqualTo(API + "/cluster/resources"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.raw().get("/cluster/resources"))
          .isInstanceOf(ProxmoxNoResponseException.class)
          .hasMessageContaining("GET /cluster/resources")
          .hasMessageContaining("after 3 attempts")
          .hasMessageContaining("#no-response")
          .hasMessageNotContaining(WireMockSupport.TOKEN_SECRET);
    }
    server.verify(3, getRequestedFor(urlEqualTo(API + "/cluster/resources")));
  }

  @Test
  void connectionReset_onPost_isNeverRetried() {
    server.stubFor(
        post(urlEqualTo(API + "/nodes/pve1/qemu"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.raw().post("/nodes/pve1/qemu", Map.of("vmid", 100)))
          .isInstanceOf(ProxmoxNoResponseException.class)
          .hasMessageContaining("writes are not retried");
    }
    server.verify(1, postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu")));
  }

  @Test
  void status502And503_areRetriedForGet() {
    server.stubFor(
        get(urlEqualTo(API + "/nodes"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(502, "Bad Gateway", ""))
            .willSetStateTo("second"));
    server.stubFor(
        get(urlEqualTo(API + "/nodes"))
            .inScenario("flaky")
            .whenScenarioStateIs("second")
            .willReturn(error(503, "Service Unavailable", ""))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo(API + "/nodes"))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(data("[]")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThat(client.raw().get("/nodes").isArray()).isTrue();
    }
    server.verify(3, getRequestedFor(urlEqualTo(API + "/nodes")));
  }

  @Test
  void status503_onPost_isNotRetried() {
    server.stubFor(
        post(urlEqualTo(API + "/nodes/pve1/qemu/100/status/start"))
            .willReturn(error(503, "Service Unavailable", "{\"data\":null}")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.raw().post("/nodes/pve1/qemu/100/status/start", Map.of()))
          .isInstanceOf(ProxmoxApiException.class)
          .satisfies(e -> assertThat(((ProxmoxApiException) e).status()).isEqualTo(503));
    }
    server.verify(1, postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/status/start")));
  }

  @Test
  void error500_carriesReasonPhraseMessageAndBody() {
    server.stubFor(
        post(urlEqualTo(API + "/nodes/pve1/qemu/100/status/shutdown"))
            .willReturn(
                error(
                    500,
                    "VM 100 not running",
                    "{\"data\":null,\"message\":\"VM 100 not running\\n\"}")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.raw().post("/nodes/pve1/qemu/100/status/shutdown", Map.of()))
          .isExactlyInstanceOf(ProxmoxApiException.class)
          .hasMessageContaining("POST /nodes/pve1/qemu/100/status/shutdown: 500 VM 100 not running")
          .satisfies(
              e -> {
                ProxmoxApiException api = (ProxmoxApiException) e;
                assertThat(api.status()).isEqualTo(500);
                assertThat(api.reason()).isEqualTo("VM 100 not running");
                assertThat(api.method()).isEqualTo("POST");
                assertThat(api.path()).isEqualTo("/nodes/pve1/qemu/100/status/shutdown");
                assertThat(api.body()).hasValueSatisfying(b -> assertThat(b).contains("message"));
              });
    }
  }

  @Test
  void error400_withErrorsBody_becomesParameterException_withTheErrorsMap() {
    server.stubFor(
        get(urlPathEqualTo(API + "/cluster/nextid"))
            .willReturn(
                error(
                    400,
                    "Parameter verification failed.",
                    "{\"errors\":{\"vmid\":\"VM 200 already exists\"},\"data\":null}")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.raw().get("/cluster/nextid", Map.of("vmid", 200)))
          .isInstanceOf(ProxmoxParameterException.class)
          .hasMessageContaining("400 Parameter verification failed.")
          .hasMessageContaining("vmid: VM 200 already exists")
          .satisfies(
              e ->
                  assertThat(((ProxmoxApiException) e).errors())
                      .containsExactly(Map.entry("vmid", "VM 200 already exists")));
    }
    server.verify(1, getRequestedFor(urlEqualTo(API + "/cluster/nextid?vmid=200")));
  }

  @Test
  void statusMapping_403_404_501_500NotFound() {
    server.stubFor(
        get(urlEqualTo(API + "/a"))
            .willReturn(
                error(403, "Permission check failed (/vms/100, VM.Audit)", "{\"data\":null}")));
    server.stubFor(
        get(urlEqualTo(API + "/b"))
            .willReturn(error(501, "Method 'GET /b' not implemented", "{\"data\":null}")));
    server.stubFor(
        get(urlEqualTo(API + "/c"))
            .willReturn(
                error(
                    500,
                    "Configuration file 'nodes/pve1/qemu-server/100.conf' does not exist",
                    "{\"data\":null}")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.raw().get("/a"))
          .isInstanceOf(ProxmoxPermissionException.class)
          .hasMessageContaining("VM.Audit");
      assertThatThrownBy(() -> client.raw().get("/b")).isInstanceOf(ProxmoxNotFoundException.class);
      assertThatThrownBy(() -> client.raw().get("/c")).isInstanceOf(ProxmoxNotFoundException.class);
    }
  }

  @Test
  void slowResponse_timesOut_withAClearMessage() {
    server.stubFor(get(urlEqualTo(API + "/version")).willReturn(data("{}").withFixedDelay(1500)));
    try (ProxmoxClient client =
        WireMockSupport.clientBuilder(
                server, Authentication.apiToken(WireMockSupport.TOKEN_ID, Secret.of("s")))
            .readTimeout(Duration.ofMillis(200))
            .retryPolicy(RetryPolicy.none())
            .build()) {
      assertThatThrownBy(() -> client.raw().get("/version"))
          .isInstanceOf(ProxmoxNoResponseException.class)
          .hasMessageContaining("timed out")
          .hasMessageContaining("readTimeout");
    }
  }

  @Test
  void malformedJson_isAClearException() {
    server.stubFor(
        get(urlEqualTo(API + "/version"))
            .willReturn(WireMockSupport.json("{\"data\": {\"version\": ")));
    server.stubFor(
        get(urlEqualTo(API + "/nodes")).willReturn(WireMockSupport.json("<html>proxy</html>")));
    server.stubFor(get(urlEqualTo(API + "/cluster")).willReturn(WireMockSupport.json("[1,2]")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.raw().get("/version"))
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("GET /version: the 200 response is not JSON");
      assertThatThrownBy(() -> client.raw().get("/nodes"))
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("<html>proxy</html>");
      assertThatThrownBy(() -> client.raw().get("/cluster"))
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("no \"data\" member");
    }
  }

  @Test
  void listener_seesEveryAttempt_withTemplateAndStatus() {
    server.stubFor(
        get(urlEqualTo(API + "/nodes"))
            .inScenario("l")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(503, "busy", ""))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo(API + "/nodes"))
            .inScenario("l")
            .whenScenarioStateIs("ok")
            .willReturn(data("[]")));
    List<RequestEvent> events = new CopyOnWriteArrayList<>();
    try (ProxmoxClient client =
        WireMockSupport.clientBuilder(
                server, Authentication.apiToken(WireMockSupport.TOKEN_ID, Secret.of("s")))
            .listener(events::add)
            .build()) {
      client.raw().get("/nodes");
    }
    assertThat(events).extracting(RequestEvent::status).containsExactly(503, 200);
    assertThat(events).extracting(RequestEvent::attempt).containsExactly(1, 2);
    assertThat(events).allSatisfy(e -> assertThat(e.pathTemplate()).isEqualTo("/nodes"));
    assertThat(events).allSatisfy(e -> assertThat(e.duration()).isPositive());
  }

  @Test
  void formEncoding_booleansAsOneZero_collectionsRepeated_secretsAndPropertyStringsByWireForm() {
    server.stubFor(post(urlEqualTo(API + "/x")).willReturn(data("null")));
    server.stubFor(get(urlPathEqualTo(API + "/y")).willReturn(data("null")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      Map<String, Object> params = new java.util.LinkedHashMap<>();
      params.put("start", true);
      params.put("template", false);
      params.put("vms", List.of(100, 101));
      params.put("password", Secret.of("p w&"));
      params.put("net0", QemuNet.parse("virtio,bridge=vmbr0"));
      client.raw().post("/x", params);
      client.raw().get("/y", Map.of("full", true));
    }
    server.verify(
        postRequestedFor(urlEqualTo(API + "/x"))
            .withRequestBody(
                equalTo(
                    "start=1&template=0&vms=100&vms=101&password=p+w%26&net0=virtio%2Cbridge%3Dvmbr0")));
    server.verify(getRequestedFor(urlEqualTo(API + "/y?full=1")));
  }
}
