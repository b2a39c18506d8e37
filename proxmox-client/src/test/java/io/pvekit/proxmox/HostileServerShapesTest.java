package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.pvekit.proxmox.WireMockSupport.API;
import static io.pvekit.proxmox.WireMockSupport.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Part of the attack corpus: a server (or whatever answers in its place) that sends well-formed
 * JSON of the wrong shape. Every typed call either reads it leniently or fails with a {@link
 * ProxmoxException} that names the JSON path; no Jackson exception, {@code
 * IllegalArgumentException} or {@code IllegalStateException} reaches the caller.
 */
@Timeout(120)
class HostileServerShapesTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String EVERY_FIELD_WRONG =
      "{\"node\":[\"a\"],\"id\":{},\"type\":[],\"vmid\":\"x\",\"upid\":{},\"status\":[1],"
          + "\"storage\":1,\"volid\":{},\"iface\":[],\"poolid\":{},\"name\":{},\"version\":[],"
          + "\"members\":\"x\",\"loadavg\":{},\"cpuinfo\":[],\"result\":7,\"ip-addresses\":1,"
          + "\"total\":\"many\",\"n\":[],\"t\":{}}";

  /** {@code data} values no endpoint returns; each is valid JSON. */
  private static final List<String> WRONG_DATA =
      List.of(
          "\"x\"",
          "\"UPID:garbage\"",
          "1",
          "-1",
          "1e400",
          "123456789012345678901234567890",
          "true",
          "null",
          "[]",
          "{}",
          "[1]",
          "[\"x\"]",
          "[[]]",
          "[{}]",
          "[null]",
          "{\"a\":[1]}",
          EVERY_FIELD_WRONG,
          "[" + EVERY_FIELD_WRONG + "]",
          "{\"vms\":" + EVERY_FIELD_WRONG + "}",
          "\"\\u0000\"");

  @Test
  void everyTypedCall_onEveryWrongShape_failsOnlyWithAProxmoxException() {
    List<String> escaped = new ArrayList<>();
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      for (String wrong : WRONG_DATA) {
        server.resetAll();
        server.stubFor(any(anyUrl()).willReturn(data(wrong)));
        for (Map.Entry<String, Consumer<ProxmoxClient>> op : TypedCalls.all().entrySet()) {
          try {
            op.getValue().accept(client);
          } catch (ProxmoxException expected) {
            assertThat(expected.getMessage())
                .as(op.getKey() + " on " + wrong)
                .startsWith(expected.method() + " " + expected.path() + ": ")
                .doesNotContain(WireMockSupport.TOKEN_SECRET);
          } catch (RuntimeException e) {
            escaped.add(op.getKey() + " on " + wrong + ": " + e);
          }
        }
      }
    }
    assertThat(escaped).isEmpty();
  }

  @Test
  void aMissingOrWrongTypedRequiredField_namesTheJsonPath() {
    server.stubFor(get(urlEqualTo(API + "/version")).willReturn(data("\"9.1.3\"")));
    server.stubFor(
        get(urlEqualTo(API + "/cluster/resources"))
            .willReturn(data("[{\"id\":\"qemu/100\",\"type\":\"qemu\"},{\"type\":\"qemu\"}]")));
    server.stubFor(
        get(urlEqualTo(API + "/nodes"))
            .willReturn(data("[{\"node\":\"pve1\"},{\"node\":\"pve2\"},{\"node\":[\"pve3\"]}]")));
    server.stubFor(get(urlEqualTo(API + "/cluster/nextid")).willReturn(data("{\"id\":100}")));
    server.stubFor(
        any(urlEqualTo(API + "/nodes/pve1/qemu/100/status/start"))
            .willReturn(data("{\"upid\":\"UPID:...\"}")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(client::version)
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageStartingWith("GET /version: ")
          .hasMessageContaining("$.data.version")
          .hasMessageContaining("#malformed-response");
      assertThatThrownBy(() -> client.cluster().resources())
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("$.data[1].id")
          .hasMessageContaining("lacks 'id'");
      assertThatThrownBy(client::nodes)
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("$.data[2].node");
      assertThatThrownBy(() -> client.cluster().nextId())
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("GET /cluster/nextid")
          .hasMessageContaining("$.data");
      assertThatThrownBy(() -> client.node("pve1").qemu().vm(100).start())
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageStartingWith("POST /nodes/pve1/qemu/100/status/start: ")
          .hasMessageContaining("UPID");
    }
  }

  @Test
  void aHugeWrongValue_isNotCopiedIntoTheMessage() {
    String big = "x".repeat(1 << 20);
    server.stubFor(
        get(urlEqualTo(API + "/cluster/resources"))
            .willReturn(data("[{\"type\":\"qemu\",\"name\":\"" + big + "\"}]")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.cluster().resources())
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(4096));
    }
  }
}
