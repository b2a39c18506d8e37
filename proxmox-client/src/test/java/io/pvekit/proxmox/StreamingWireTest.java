package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The streaming read path ({@code cluster().resources()}) against real HTTP: the envelope in any
 * member order, the failures a tree reader reports, charsets, and the per-template URL cache.
 */
class StreamingWireTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String RESOURCES = API + "/cluster/resources";
  private static final String ENTRY = "{\"id\":\"qemu/100\",\"type\":\"qemu\",\"vmid\":100}";

  @Test
  void dataAfterOtherMembers_andOtherMembersOfAnyShape_areRead() {
    server.stubFor(
        get(urlEqualTo(RESOURCES))
            .willReturn(
                json(
                    "{\"total\":1,\"changes\":{\"a\":[1,{\"b\":null}]},\"data\":["
                        + ENTRY
                        + "],\"x\":\"y\"}")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThat(client.cluster().resources())
          .singleElement()
          .satisfies(r -> assertThat(r.vmid()).contains(VmId.of(100)));
    }
  }

  @Test
  void brokenBodies_failAsTheTreeReaderFails() {
    server.stubFor(get(urlEqualTo(RESOURCES)).willReturn(json("{\"data\":[" + ENTRY + ",")));
    server.stubFor(get(urlEqualTo(RESOURCES + "?type=vm")).willReturn(json("<html>proxy</html>")));
    server.stubFor(get(urlEqualTo(RESOURCES + "?type=node")).willReturn(json("[" + ENTRY + "]")));
    server.stubFor(get(urlEqualTo(RESOURCES + "?type=storage")).willReturn(json("{\"total\":0}")));
    server.stubFor(get(urlEqualTo(RESOURCES + "?type=sdn")).willReturn(json("")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.cluster().resources())
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("GET /cluster/resources: the 200 response is not JSON");
      assertThatThrownBy(() -> client.cluster().resources(ClusterResource.Kind.VM))
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("is not JSON")
          .hasMessageContaining("<html>proxy</html>");
      for (ClusterResource.Kind kind :
          List.of(ClusterResource.Kind.NODE, ClusterResource.Kind.STORAGE)) {
        assertThatThrownBy(() -> client.cluster().resources(kind))
            .isInstanceOf(ProxmoxMalformedResponseException.class)
            .hasMessageContaining("has no \"data\" member");
      }
      assertThatThrownBy(() -> client.cluster().resources(ClusterResource.Kind.SDN))
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("has no \"data\" member");
    }
  }

  @Test
  void aBadEntry_isReportedAsSuch_unlessTheBodyIsBrokenToo() {
    server.stubFor(
        get(urlEqualTo(RESOURCES)).willReturn(data("[{\"type\":\"qemu\"}, " + ENTRY + "]")));
    server.stubFor(
        get(urlEqualTo(RESOURCES + "?type=vm"))
            .willReturn(json("{\"data\":[{\"type\":\"qemu\"}, " + ENTRY + "], \"total\": ]")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThatThrownBy(() -> client.cluster().resources())
          .isExactlyInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("wrong type or shape at $.data[0].id")
          .hasMessageContaining("cluster resource: the response lacks 'id': {\"type\":\"qemu\"}");
      assertThatThrownBy(() -> client.cluster().resources(ClusterResource.Kind.VM))
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("is not JSON");
    }
  }

  @Test
  void aDeclaredCharsetOtherThanUtf8_isHonoured() {
    byte[] latin1 =
        ("{\"data\":[{\"id\":\"qemu/100\",\"type\":\"qemu\",\"name\":\"caf\u00e9\"}]}")
            .getBytes(StandardCharsets.ISO_8859_1);
    server.stubFor(
        get(urlEqualTo(RESOURCES))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=ISO-8859-1")
                    .withBody(latin1)));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThat(client.cluster().resources())
          .singleElement()
          .satisfies(r -> assertThat(r.name()).contains("caf\u00e9"))
          .satisfies(r -> assertThat(r.raw().path("name").asText()).isEqualTo("caf\u00e9"));
    }
  }

  @Test
  void cachedUrls_areOnlyThoseWithoutPlaceholdersOrQuery() {
    server.stubFor(get(urlPathEqualTo(API + "/y")).willReturn(data("null")));
    server.stubFor(get(urlPathEqualTo(API + "/nodes/pve1/qemu")).willReturn(data("[]")));
    server.stubFor(get(urlPathEqualTo(API + "/nodes/pve2/qemu")).willReturn(data("[]")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      client.raw().get("/y", Map.of("full", true));
      client.raw().get("/y");
      client.raw().get("/y", Map.of("full", false));
      client.node("pve1").qemu().list();
      client.node("pve2").qemu().list();
    }
    server.verify(1, getRequestedFor(urlEqualTo(API + "/y?full=1")));
    server.verify(1, getRequestedFor(urlEqualTo(API + "/y")));
    server.verify(1, getRequestedFor(urlEqualTo(API + "/y?full=0")));
    server.verify(1, getRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu")));
    server.verify(1, getRequestedFor(urlEqualTo(API + "/nodes/pve2/qemu")));
  }

  @Test
  void nodeNames_areCheckedAsThePveNodePatternSays() {
    Pattern pveNode = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
    for (String name :
        List.of(
            "pve1", "a", "Z", "9", "pve-1", "a-b-c", "", "-", "-a", "a-", "a_b", "a.b", "p\u00e9",
            "\u0661", "a b", "abc-", "x--y")) {
      boolean valid = pveNode.matcher(name).matches();
      if (valid) {
        assertThat(NodeName.of(name).value()).as(name).isEqualTo(name);
      } else {
        assertThatThrownBy(() -> NodeName.of(name))
            .as(name)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'" + name + "' is not a node name");
      }
    }
  }
}
