package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.pvekit.proxmox.WireMockSupport.API;
import static io.pvekit.proxmox.WireMockSupport.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Wire forms and typed answers of the firewall, SDN and HA calls. */
class FirewallSdnHaWireTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ProxmoxClient client;

  @BeforeEach
  void stubs() {
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(data("null")));
    client = WireMockSupport.tokenClient(server);
  }

  @Test
  void firewallAnswers_areTyped() {
    server.stubFor(
        get(urlEqualTo(API + "/nodes/pve1/lxc/200/firewall/options"))
            .willReturn(
                data(
                    "{\"enable\":1,\"policy_in\":\"DROP\",\"macfilter\":0,\"digest\":\"abc\","
                        + "\"radv\":1}")));
    FirewallOptions options = client.node("pve1").lxc().container(200).firewall().options();
    assertThat(options.enabled()).isTrue();
    assertThat(options.policyIn()).contains("DROP");
    assertThat(options.policyOut()).isEmpty();
    assertThat(options.macFilter()).contains(false);
    assertThat(options.digest()).contains("abc");
    assertThat(options.raw().get("radv").asInt()).as("keys without a field stay reachable").isOne();

    server.stubFor(
        get(urlEqualTo(API + "/cluster/firewall/rules"))
            .willReturn(
                data(
                    "[{\"pos\":0,\"type\":\"in\",\"action\":\"ACCEPT\",\"macro\":\"SSH\","
                        + "\"enable\":1,\"iface\":\"net0\",\"log\":\"info\",\"digest\":\"d1\"},"
                        + "{\"pos\":1,\"type\":\"out\",\"action\":\"DROP\",\"digest\":\"d1\"}]")));
    List<FirewallRule> rules = client.cluster().firewall().rules();
    assertThat(rules).extracting(r -> r.pos().orElseThrow()).containsExactly(0L, 1L);
    assertThat(rules.get(0).iface()).contains("net0");
    assertThat(rules.get(0).digest()).contains("d1");
    assertThat(rules.get(1).enabled()).as("PVE leaves enable out for disabled rules").isFalse();

    server.stubFor(
        get(urlEqualTo(API + "/cluster/firewall/ipset/blocked"))
            .willReturn(
                data(
                    "[{\"cidr\":\"192.0.2.0/24\",\"digest\":\"e\"},"
                        + "{\"cidr\":\"192.0.2.7\",\"nomatch\":1,\"comment\":\"gw\",\"digest\":\"e\"}]")));
    List<FirewallIpSetEntry> entries = client.cluster().firewall().ipSetEntries("blocked");
    assertThat(entries).extracting(FirewallIpSetEntry::noMatch).containsExactly(false, true);
    assertThat(entries.get(1).comment()).contains("gw");

    server.stubFor(
        get(urlEqualTo(API + "/cluster/firewall/aliases"))
            .willReturn(data("[{\"name\":\"mgmt\",\"cidr\":\"10.0.0.0/8\",\"digest\":\"f\"}]")));
    assertThat(client.cluster().firewall().aliases())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.name()).isEqualTo("mgmt");
              assertThat(a.cidr()).isEqualTo("10.0.0.0/8");
              assertThat(a.comment()).isEmpty();
            });
  }

  @Test
  void ruleChanges_sendPvesForms() {
    var fw = client.node("pve1").qemu().vm(100).firewall();
    fw.moveRule(3, 0);
    server.verify(
        putRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/firewall/rules/3"))
            .withRequestBody(equalTo("moveto=0")));
    fw.updateRule(
        1, FirewallRule.builder().type("in").action("DROP").proto("tcp").dport("80").build());
    server.verify(
        putRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/firewall/rules/1"))
            .withRequestBody(
                equalTo(
                    "type=in&action=DROP&proto=tcp&dport=80&enable=1"
                        + "&delete=macro%2Ciface%2Csource%2Cdest%2Csport%2Clog%2Ccomment")));
    client.cluster().firewall().removeFromIpSet("blocked", "192.0.2.0/24");
    server.verify(
        deleteRequestedFor(urlEqualTo(API + "/cluster/firewall/ipset/blocked/192.0.2.0%2F24")));
    client.cluster().firewall().deleteIpSet("blocked", true);
    server.verify(deleteRequestedFor(urlEqualTo(API + "/cluster/firewall/ipset/blocked?force=1")));
    assertThatThrownBy(() -> fw.setOptions(true, "ALLOW", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policyIn: 'ALLOW' must be ACCEPT, REJECT or DROP");
  }

  @Test
  void sdnViews_areQueryParameters_andPendingEntriesAreTyped() {
    server.stubFor(
        get(urlEqualTo(API + "/cluster/sdn/zones?pending=1"))
            .willReturn(
                data(
                    "[{\"zone\":\"tenants\",\"type\":\"vlan\",\"state\":\"new\","
                        + "\"pending\":{\"bridge\":\"vmbr0\",\"mtu\":1450}}]")));
    SdnZone zone = client.cluster().sdn().zones(SdnApi.View.PENDING).get(0);
    assertThat(zone.state()).contains("new");
    assertThat(zone.bridge()).as("not running yet").isEmpty();
    assertThat(zone.pending()).containsEntry("bridge", "vmbr0").containsEntry("mtu", "1450");

    server.stubFor(
        get(urlEqualTo(API + "/cluster/sdn/vnets?running=1"))
            .willReturn(
                data(
                    "[{\"vnet\":\"tenanta\",\"zone\":\"tenants\",\"tag\":100,\"type\":\"vnet\","
                        + "\"vlanaware\":1}]")));
    SdnVnet vnet = client.cluster().sdn().vnets(SdnApi.View.RUNNING).get(0);
    assertThat(vnet.tag()).contains(100L);
    assertThat(vnet.vlanAware()).isTrue();
    assertThat(vnet.state()).isEmpty();

    server.stubFor(
        get(urlEqualTo(API + "/cluster/sdn/vnets/tenanta/subnets"))
            .willReturn(
                data(
                    "[{\"subnet\":\"tenants-10.10.0.0-24\",\"cidr\":\"10.10.0.0/24\","
                        + "\"vnet\":\"tenanta\",\"zone\":\"tenants\",\"gateway\":\"10.10.0.1\","
                        + "\"snat\":1,\"type\":\"subnet\"}]")));
    SdnSubnet subnet = client.cluster().sdn().subnets("tenanta").get(0);
    assertThat(subnet.id()).isEqualTo("tenants-10.10.0.0-24");
    assertThat(subnet.gateway()).contains("10.10.0.1");
    assertThat(subnet.snat()).isTrue();
    assertThatThrownBy(() -> client.cluster().sdn().subnets("Tenant_A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vnet: 'Tenant_A'");
  }

  @Test
  void haLists_areTyped() {
    server.stubFor(
        get(urlEqualTo(API + "/cluster/ha/resources"))
            .willReturn(
                data(
                    "[{\"sid\":\"vm:100\",\"type\":\"vm\",\"state\":\"started\","
                        + "\"max_restart\":1,\"failback\":1,\"digest\":\"x\"}]")));
    HaResource resource = client.cluster().ha().resources().get(0);
    assertThat(resource.sid()).isEqualTo("vm:100");
    assertThat(resource.maxRestart()).contains(1L);
    assertThat(resource.failback()).contains(true);

    server.stubFor(
        get(urlEqualTo(API + "/cluster/ha/rules"))
            .willReturn(
                data(
                    "[{\"rule\":\"cp-apart\",\"type\":\"resource-affinity\","
                        + "\"resources\":\"vm:101,vm:102,vm:103\",\"affinity\":\"negative\"}]")));
    HaRule rule = client.cluster().ha().rules().get(0);
    assertThat(rule.resources()).containsExactly("vm:101", "vm:102", "vm:103");
    assertThat(rule.affinity()).contains("negative");
    assertThat(rule.strict()).isFalse();

    server.stubFor(
        get(urlEqualTo(API + "/cluster/ha/status/current"))
            .willReturn(
                data(
                    "[{\"id\":\"quorum\",\"type\":\"quorum\",\"node\":\"pve1\",\"status\":\"OK\","
                        + "\"quorate\":1},{\"id\":\"master\",\"type\":\"master\",\"node\":\"pve1\","
                        + "\"status\":\"pve1 (active)\",\"timestamp\":1700000000}]")));
    List<HaStatusEntry> status = client.cluster().ha().status();
    assertThat(status.get(0).quorate()).contains(true);
    assertThat(status.get(1).timestamp()).contains(Instant.ofEpochSecond(1_700_000_000));
  }
}
