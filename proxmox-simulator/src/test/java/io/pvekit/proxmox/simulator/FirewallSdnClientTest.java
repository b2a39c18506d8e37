package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ClusterFirewall;
import io.pvekit.proxmox.FirewallIpSetEntry;
import io.pvekit.proxmox.FirewallOptions;
import io.pvekit.proxmox.FirewallRule;
import io.pvekit.proxmox.GuestFirewall;
import io.pvekit.proxmox.HaApi;
import io.pvekit.proxmox.HaResource;
import io.pvekit.proxmox.HaRule;
import io.pvekit.proxmox.HaStatusEntry;
import io.pvekit.proxmox.ProxmoxApiException;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.ProxmoxParameterException;
import io.pvekit.proxmox.ProxmoxPermissionException;
import io.pvekit.proxmox.SdnApi;
import io.pvekit.proxmox.SdnSubnet;
import io.pvekit.proxmox.SdnVnet;
import io.pvekit.proxmox.SdnZone;
import io.pvekit.proxmox.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's firewall, SDN and HA calls, with typed answers, against the stateful simulator. */
class FirewallSdnClientTest {
  private static final Duration AWAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(10))
              .addUser("ops@pve", "opspw")
              .acl("/", "ops@pve", "PVEAuditor")
              .node("pve2", 16, 64L << 30)
              .container(200, "ct200", 512, 8, false)
              .container(201, "ct201", 512, 8, false));

  private ProxmoxClient client;

  private ProxmoxClient clientFor(String user, String password) {
    return ProxmoxClient.builder()
        .baseUrl(pve.simulator().httpUrl().toString())
        .authentication(Authentication.password(user, Secret.of(password)))
        .build();
  }

  @BeforeEach
  void connect() {
    client = clientFor(pve.simulator().username(), pve.simulator().password());
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static FirewallRule rule(String comment) {
    return FirewallRule.builder().type("in").action("ACCEPT").comment(comment).build();
  }

  private static List<String> comments(List<FirewallRule> rules) {
    return rules.stream().map(r -> r.comment().orElse("")).toList();
  }

  @Test
  void clusterRules_addedOnTop_movedUpdatedAndDeleted() {
    ClusterFirewall fw = client.cluster().firewall();
    fw.addRule(rule("third"));
    fw.addRule(rule("second"));
    fw.addRule(rule("first"));
    assertThat(comments(fw.rules())).containsExactly("first", "second", "third");
    assertThat(fw.rules()).extracting(r -> r.pos().orElseThrow()).containsExactly(0L, 1L, 2L);

    fw.moveRule(2, 0);
    assertThat(comments(fw.rules())).containsExactly("third", "first", "second");
    fw.updateRule(
        1,
        FirewallRule.builder()
            .type("in")
            .action("DROP")
            .proto("tcp")
            .dport("8006")
            .enabled(false)
            .build());
    FirewallRule updated = fw.rule(1);
    assertThat(updated.action()).isEqualTo("DROP");
    assertThat(updated.dport()).contains("8006");
    assertThat(updated.comment()).as("left out, so deleted").isEmpty();
    assertThat(updated.enabled()).isFalse();

    fw.deleteRule(0);
    assertThat(fw.rules()).extracting(FirewallRule::action).containsExactly("DROP", "ACCEPT");
    assertThatThrownBy(() -> fw.deleteRule(5))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("no rule at position 5");
  }

  @Test
  void guestOptionsAndRules_persist_forQemuAndLxc() {
    GuestFirewall ct = client.node("pve1").lxc().container(200).firewall();
    ct.setOptions(true, "DROP", "ACCEPT");
    FirewallOptions options = ct.options();
    assertThat(options.enabled()).isTrue();
    assertThat(options.policyIn()).contains("DROP");
    assertThat(options.policyOut()).contains("ACCEPT");
    assertThat(options.digest()).isPresent();
    ct.addRule(
        FirewallRule.builder().type("in").action("ACCEPT").macro("ssh").iface("net0").build());
    assertThat(ct.rules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.macro()).as("PVE's spelling").contains("SSH");
              assertThat(r.iface()).contains("net0");
            });

    GuestFirewall vm = client.node("pve1").qemu().vm(9000).firewall();
    assertThat(vm.options().enabled()).isFalse();
    assertThat(vm.rules()).isEmpty();
    assertThatThrownBy(() -> client.node("pve1").qemu().vm(4242).firewall().rules())
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining(
            "Configuration file 'nodes/pve1/qemu-server/4242.conf' does not exist");
    assertThatThrownBy(
            () ->
                vm.addRule(FirewallRule.builder().type("in").action("ACCEPT").dport("22").build()))
        .isInstanceOf(ProxmoxParameterException.class)
        .hasMessageContaining("proto");
  }

  @Test
  void aliasesAndIpSets_withEntries() {
    ClusterFirewall fw = client.cluster().firewall();
    fw.createAlias("mgmt", "10.0.0.0/8", "management");
    assertThat(fw.aliases())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.name()).isEqualTo("mgmt");
              assertThat(a.cidr()).isEqualTo("10.0.0.0/8");
              assertThat(a.comment()).contains("management");
            });
    assertThatThrownBy(() -> fw.createAlias("Mgmt", "10.1.0.0/16", null))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("alias 'Mgmt' already exists");

    fw.createIpSet("blocked", "bad actors");
    fw.addToIpSet("blocked", "192.0.2.0/24", "test net");
    fw.excludeFromIpSet("blocked", "192.0.2.7", null);
    fw.addToIpSet("blocked", "mgmt", null);
    assertThat(fw.ipSets())
        .singleElement()
        .satisfies(s -> assertThat(s.comment()).contains("bad actors"));
    assertThat(fw.ipSetEntries("blocked"))
        .extracting(FirewallIpSetEntry::cidr, FirewallIpSetEntry::noMatch)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("192.0.2.0/24", false),
            org.assertj.core.groups.Tuple.tuple("192.0.2.7", true),
            org.assertj.core.groups.Tuple.tuple("mgmt", false));
    fw.updateIpSetEntry("blocked", "192.0.2.7", "gateway", false);
    assertThat(fw.ipSetEntries("blocked").get(1))
        .satisfies(
            e -> {
              assertThat(e.noMatch()).isFalse();
              assertThat(e.comment()).contains("gateway");
            });
    fw.updateAlias("MGMT", "10.0.0.0/16", null);
    assertThat(fw.aliases())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.cidr()).isEqualTo("10.0.0.0/16");
              assertThat(a.comment()).isEmpty();
            });
    fw.removeFromIpSet("blocked", "192.0.2.0/24");
    assertThat(fw.ipSetEntries("blocked"))
        .extracting(FirewallIpSetEntry::cidr)
        .containsExactly("192.0.2.7", "mgmt");

    fw.addRule(FirewallRule.builder().type("in").action("DROP").source("+blocked").build());
    assertThatThrownBy(() -> fw.deleteIpSet("blocked", false))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("IPSet 'blocked' is not empty");
    fw.deleteIpSet("blocked", true);
    fw.deleteAlias("mgmt");
    assertThat(fw.ipSets()).isEmpty();
    assertThat(fw.aliases()).isEmpty();
  }

  @Test
  void aUserWithoutSysModify_gets403() {
    try (ProxmoxClient ops = clientFor("ops@pve", "opspw")) {
      assertThat(ops.cluster().firewall().rules()).isEmpty();
      assertThatThrownBy(() -> ops.cluster().firewall().addRule(rule("x")))
          .isInstanceOf(ProxmoxPermissionException.class)
          .hasMessageContaining("Sys.Modify");
      assertThatThrownBy(
              () -> ops.node("pve1").lxc().container(200).firewall().setOptions(true, null, null))
          .isInstanceOf(ProxmoxPermissionException.class)
          .hasMessageContaining("VM.Config.Network");
      assertThatThrownBy(() -> ops.cluster().sdn().createSimpleZone("lab"))
          .isInstanceOf(ProxmoxPermissionException.class)
          .hasMessageContaining("SDN.Allocate");
    }
  }

  @Test
  void sdn_pendingUntilApplied_thenRunning() {
    SdnApi sdn = client.cluster().sdn();
    sdn.createVlanZone("tenants", "vmbr0");
    sdn.createVnet("tenanta", "tenants", 100);
    sdn.createSubnet("tenanta", "10.10.0.0/24", "10.10.0.1", false);

    SdnZone pendingZone = sdn.zones(SdnApi.View.PENDING).get(0);
    assertThat(pendingZone.state()).contains("new");
    assertThat(pendingZone.pending()).containsEntry("bridge", "vmbr0");
    assertThat(sdn.zones(SdnApi.View.RUNNING)).isEmpty();
    assertThat(sdn.zones().get(0).bridge()).as("written").contains("vmbr0");
    SdnVnet pendingVnet = sdn.vnets(SdnApi.View.PENDING).get(0);
    assertThat(pendingVnet.state()).contains("new");
    assertThat(pendingVnet.pending()).containsEntry("zone", "tenants").containsEntry("tag", "100");
    SdnSubnet subnet = sdn.subnets("tenanta").get(0);
    assertThat(subnet.id()).isEqualTo("tenants-10.10.0.0-24");
    assertThat(subnet.cidr()).isEqualTo("10.10.0.0/24");
    assertThat(subnet.gateway()).contains("10.10.0.1");

    sdn.apply().await(AWAIT);
    assertThat(sdn.zones(SdnApi.View.PENDING).get(0).state()).isEmpty();
    assertThat(sdn.vnets(SdnApi.View.RUNNING))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.zone()).contains("tenants");
              assertThat(v.tag()).contains(100L);
            });

    sdn.setVnetTag("tenanta", 200);
    SdnVnet changed = sdn.vnets(SdnApi.View.PENDING).get(0);
    assertThat(changed.state()).contains("changed");
    assertThat(changed.tag()).contains(100L);
    assertThat(changed.pending()).containsEntry("tag", "200");

    sdn.deleteSubnet("tenanta", subnet.id());
    assertThatThrownBy(() -> sdn.deleteZone("tenants"))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("zone tenants is used by vnet tenanta");
    sdn.deleteVnet("tenanta");
    sdn.deleteZone("tenants");
    assertThat(sdn.zones()).isEmpty();
    assertThat(sdn.zones(SdnApi.View.PENDING).get(0).state()).contains("deleted");
    sdn.apply().await(AWAIT);
    assertThat(sdn.zones(SdnApi.View.PENDING)).isEmpty();
  }

  @Test
  void sdnValidation_errorsNameTheField() {
    SdnApi sdn = client.cluster().sdn();
    assertThatThrownBy(() -> sdn.createVnet("web", "nozone", null))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("zone 'nozone'");
    sdn.createSimpleZone("lab");
    // PVE wraps the zone type's parameter error into a 500: its first line is the reason, the
    // parameter's own text follows in the body's message
    assertThatThrownBy(() -> sdn.createVnet("web", "lab", 5))
        .isInstanceOfSatisfying(
            ProxmoxApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(500);
              assertThat(e.reason())
                  .isEqualTo("create sdn vnet object failed: 400 Parameter verification failed.");
              assertThat(e.body())
                  .hasValueSatisfying(
                      b -> assertThat(b).contains("tag: vlan tag is not allowed on simple zone"));
            });
    sdn.createVnet("web", "lab", null);
    assertThatThrownBy(() -> sdn.createSubnet("web", "10.0.0.0/24", "10.9.9.1", true))
        .isInstanceOfSatisfying(
            ProxmoxApiException.class,
            e ->
                assertThat(e.body())
                    .hasValueSatisfying(
                        b ->
                            assertThat(b)
                                .contains(
                                    "gateway ip 10.9.9.1 is not part of subnet 10.0.0.0/24")));
  }

  @Test
  void haLists_areTyped_againstTheSimulatedCrm() {
    HaApi ha = client.cluster().ha();
    ha.add("ct:200", HaApi.State.STARTED, "cache");
    HaResource resource = ha.resources().get(0);
    assertThat(resource.sid()).isEqualTo("ct:200");
    assertThat(resource.type()).isEqualTo("ct");
    assertThat(resource.state()).isEqualTo("started");
    assertThat(resource.comment()).contains("cache");
    assertThat(ha.resource("ct:200").digest()).isPresent();

    List<HaStatusEntry> status = ha.status();
    assertThat(status)
        .filteredOn(s -> s.type().equals("quorum"))
        .singleElement()
        .satisfies(q -> assertThat(q.quorate()).contains(true));
    assertThat(status)
        .filteredOn(s -> s.type().equals("service"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sid()).contains("ct:200");
              assertThat(s.state()).contains("started");
              assertThat(s.requestState()).contains("started");
            });
    assertThat(status)
        .filteredOn(s -> s.type().equals("master"))
        .singleElement()
        .satisfies(m -> assertThat(m.timestamp()).isPresent());

    ha.setState("ct:200", HaApi.State.STOPPED);
    assertThat(ha.resources().get(0).state()).isEqualTo("stopped");
    assertThat(client.node("pve1").lxc().container(200).status().status()).isEqualTo("stopped");
  }

  @Test
  void haRules_bindManagedResources_andAreListedTyped() {
    HaApi ha = client.cluster().ha();
    assertThatThrownBy(
            () -> ha.createResourceAffinityRule("apart", List.of("ct:200", "ct:201"), false))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("cannot use unmanaged resource(s) ct:200, ct:201.");
    ha.add("ct:200", HaApi.State.STOPPED, null);
    ha.add("ct:201", HaApi.State.STOPPED, null);
    ha.createResourceAffinityRule("apart", List.of("ct:200", "ct:201"), false);
    ha.createNodeAffinityRule("pinned", List.of("ct:200"), List.of("pve1:2", "pve2"), true);
    assertThatThrownBy(
            () -> ha.createNodeAffinityRule("gone", List.of("ct:200"), List.of("pve9"), false))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("cannot use non-existant node(s) pve9.");

    List<HaRule> rules = ha.rules();
    assertThat(rules).extracting(HaRule::rule).containsExactly("apart", "pinned");
    HaRule apart = rules.get(0);
    assertThat(apart.type()).isEqualTo("resource-affinity");
    assertThat(apart.resources()).containsExactly("ct:200", "ct:201");
    assertThat(apart.affinity()).contains("negative");
    HaRule pinned = rules.get(1);
    assertThat(pinned.nodes()).containsExactly("pve1:2", "pve2");
    assertThat(pinned.strict()).isTrue();
    assertThat(pinned.raw().get("order").asInt()).isEqualTo(2);

    ha.deleteRule("apart");
    assertThat(ha.rules()).extracting(HaRule::rule).containsExactly("pinned");
  }

  @Test
  void qinqAndVxlanZones_needTheirKeys_andTheirVnetsATag() {
    SdnApi sdn = client.cluster().sdn();
    sdn.createQinqZone("carrier", "vmbr1", 300);
    sdn.createVxlanZone("overlay", List.of("10.0.0.1", "10.0.0.2"));
    assertThat(sdn.zones())
        .extracting(SdnZone::zone, SdnZone::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("carrier", "qinq"),
            org.assertj.core.groups.Tuple.tuple("overlay", "vxlan"));
    assertThat(sdn.zones().get(0).tag()).contains(300L);
    assertThat(sdn.zones().get(1).raw().get("peers").asText()).isEqualTo("10.0.0.1,10.0.0.2");
    assertThatThrownBy(() -> sdn.createVnet("cust", "carrier", null))
        .isInstanceOfSatisfying(
            ProxmoxApiException.class,
            e ->
                assertThat(e.body())
                    .hasValueSatisfying(b -> assertThat(b).contains("tag: missing vlan tag")));
    sdn.createVnet("cust", "carrier", 20);
    sdn.createVnet("tunnel", "overlay", 100_000);
    assertThat(sdn.vnets()).extracting(v -> v.tag().orElseThrow()).containsExactly(20L, 100_000L);
  }

  @Test
  void readme_firewallAndSdnFlow() {
    // README: firewall
    ClusterFirewall datacenter = client.cluster().firewall();
    datacenter.createAlias("mgmt", "10.0.0.0/8", "management");
    datacenter.addRule(
        FirewallRule.builder().type("in").action("ACCEPT").macro("SSH").source("mgmt").build());
    GuestFirewall web = client.node("pve1").lxc().container(200).firewall();
    web.setOptions(true, "DROP", "ACCEPT");
    web.addRule(
        FirewallRule.builder().type("in").action("ACCEPT").proto("tcp").dport("443").build());

    SdnApi sdn = client.cluster().sdn();
    sdn.createVlanZone("tenants", "vmbr0");
    sdn.createVnet("tenanta", "tenants", 100);
    sdn.createSubnet("tenanta", "10.10.0.0/24", "10.10.0.1", false);
    List<SdnZone> pending = sdn.zones(SdnApi.View.PENDING); // state() "new" until applied
    sdn.apply().await(AWAIT);
    List<SdnZone> running = sdn.zones(SdnApi.View.RUNNING);
    // README: firewall end
    assertThat(datacenter.rules().get(0).source()).contains("mgmt");
    assertThat(web.options().policyIn()).contains("DROP");
    assertThat(web.rules().get(0).dport()).contains("443");
    assertThat(pending.get(0).state()).contains("new");
    assertThat(running.get(0).bridge()).contains("vmbr0");
  }
}
