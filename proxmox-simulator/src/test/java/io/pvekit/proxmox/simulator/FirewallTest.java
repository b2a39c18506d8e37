package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator's firewall on the wire: positions, digests, errors and permissions as in PVE. */
class FirewallTest {
  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .addUser("ops@pve", "opspw")
              .acl("/", "ops@pve", "PVEAuditor")
              .container(200, "ct200", 512, 8, false));

  private RawHttp http;

  @BeforeEach
  void login() {
    http = RawHttp.to(pve.simulator()).login(pve.simulator());
  }

  private List<String> comments(String rules) {
    List<String> out = new ArrayList<>();
    int pos = 0;
    for (JsonNode rule : http.get(rules).data()) {
      assertThat(rule.get("pos").asInt()).isEqualTo(pos++);
      out.add(rule.path("comment").asText());
    }
    return out;
  }

  @Test
  void newRules_goToTheTop_moveToMovesBeforeTheTarget_deleteClosesTheGap() {
    String rules = "/cluster/firewall/rules";
    for (String name : new String[] {"c", "b", "a"}) {
      assertThat(http.post(rules, "type", "in", "action", "ACCEPT", "comment", name).status())
          .isEqualTo(200);
    }
    assertThat(comments(rules)).containsExactly("a", "b", "c");
    assertThat(http.get(rules + "/0").data().get("enable").asInt())
        .as("PVE writes enable=0 when the request does not set it")
        .isZero();

    assertThat(http.put(rules + "/0", "moveto", "2").status()).isEqualTo(200);
    assertThat(comments(rules)).containsExactly("b", "a", "c");
    assertThat(http.put(rules + "/0", "moveto", "9").status()).isEqualTo(200);
    assertThat(comments(rules)).containsExactly("a", "c", "b");

    assertThat(http.delete(rules + "/1").status()).isEqualTo(200);
    assertThat(comments(rules)).containsExactly("a", "b");
    RawHttp.Response missing = http.delete(rules + "/2");
    assertThat(missing.status()).isEqualTo(500);
    assertThat(missing.reason()).isEqualTo("no rule at position 2");
  }

  @Test
  void aStaleDigest_isRefused_andTheCurrentOneAccepted() {
    String rules = "/cluster/firewall/rules";
    http.post(rules, "type", "out", "action", "DROP", "enable", "1");
    String digest = http.get(rules).data().get(0).get("digest").asText();
    assertThat(digest).hasSize(40);
    http.post(rules, "type", "in", "action", "ACCEPT");
    RawHttp.Response stale = http.put(rules + "/1", "comment", "x", "digest", digest);
    assertThat(stale.status()).isEqualTo(500);
    assertThat(stale.reason()).startsWith("detected modified configuration");
    String current = http.get(rules).data().get(0).get("digest").asText();
    assertThat(http.put(rules + "/1", "comment", "x", "digest", current).status()).isEqualTo(200);
    assertThat(http.get(rules + "/1").data().get("comment").asText()).isEqualTo("x");
  }

  @Test
  void invalidRules_failLikeVerifyRule() {
    String rules = "/nodes/pve1/lxc/200/firewall/rules";
    RawHttp.Response noProto = http.post(rules, "type", "in", "action", "ACCEPT", "dport", "22");
    assertThat(noProto.status()).isEqualTo(400);
    assertThat(noProto.json().get("errors").get("proto").asText())
        .isEqualTo("missing property - 'dport' requires this property");
    RawHttp.Response action = http.post(rules, "type", "in", "action", "ALLOW");
    assertThat(action.json().get("errors").get("action").asText()).isEqualTo("Invalid value");
    RawHttp.Response alias = http.post(rules, "type", "in", "action", "DROP", "source", "nowhere");
    assertThat(alias.json().get("errors").get("source").asText())
        .isEqualTo("no such alias 'nowhere'");
    RawHttp.Response macro = http.post(rules, "type", "in", "action", "ACCEPT", "macro", "ssh");
    assertThat(macro.status()).isEqualTo(200);
    assertThat(http.get(rules + "/0").data().get("macro").asText()).isEqualTo("SSH");
  }

  @Test
  void guestOptions_persist_andAnUnknownGuestFailsLikePve() {
    String options = "/nodes/pve1/lxc/200/firewall/options";
    assertThat(http.put(options, "enable", "1", "policy_in", "DROP").status()).isEqualTo(200);
    JsonNode read = http.get(options).data();
    assertThat(read.get("enable").asInt()).isEqualTo(1);
    assertThat(read.get("policy_in").asText()).isEqualTo("DROP");
    http.put(options, "delete", "policy_in");
    assertThat(http.get(options).data().has("policy_in")).isFalse();

    RawHttp.Response unknown = http.get("/nodes/pve1/qemu/777/firewall/options");
    assertThat(unknown.status()).isEqualTo(500);
    assertThat(unknown.reason())
        .isEqualTo("Configuration file 'nodes/pve1/qemu-server/777.conf' does not exist");
  }

  @Test
  void aliasesAndIpSets_haveUniqueCaseInsensitiveNames() {
    String aliases = "/cluster/firewall/aliases";
    assertThat(http.post(aliases, "name", "mgmt", "cidr", "10.0.0.0/8").status()).isEqualTo(200);
    RawHttp.Response twice = http.post(aliases, "name", "MGMT", "cidr", "10.1.0.0/16");
    assertThat(twice.status()).isEqualTo(500);
    assertThat(twice.reason()).isEqualTo("alias 'MGMT' already exists");
    RawHttp.Response badCidr = http.post(aliases, "name", "lab", "cidr", "10.0.0.300");
    assertThat(badCidr.status()).isEqualTo(400);

    String ipset = "/cluster/firewall/ipset";
    assertThat(http.post(ipset, "name", "blocked").status()).isEqualTo(200);
    assertThat(http.post(ipset + "/blocked", "cidr", "192.0.2.0/24").status()).isEqualTo(200);
    assertThat(http.post(ipset + "/blocked", "cidr", "mgmt", "nomatch", "1").status())
        .isEqualTo(200);
    assertThat(http.post(ipset + "/blocked", "cidr", "192.0.2.0/24").status()).isEqualTo(400);
    assertThat(http.post(ipset + "/blocked", "cidr", "other").reason())
        .isEqualTo("no such alias 'other'");
    JsonNode entries = http.get(ipset + "/blocked").data();
    assertThat(entries.findValuesAsText("cidr")).containsExactly("192.0.2.0/24", "mgmt");
    assertThat(entries.get(1).get("nomatch").asInt()).isEqualTo(1);
    assertThat(http.get(ipset + "/blocked/192.0.2.0%2F24").data().get("cidr").asText())
        .isEqualTo("192.0.2.0/24");

    RawHttp.Response notEmpty = http.delete(ipset + "/blocked");
    assertThat(notEmpty.reason()).isEqualTo("IPSet 'blocked' is not empty");
    assertThat(http.delete(ipset + "/blocked", "force", "1").status()).isEqualTo(200);
    assertThat(http.get(ipset).data()).isEmpty();
  }

  @Test
  void aUserWithoutSysModify_reads_butCannotChange() {
    RawHttp ops = RawHttp.to(pve.simulator()).login("ops@pve", "opspw");
    assertThat(ops.get("/cluster/firewall/rules").status()).isEqualTo(200);
    RawHttp.Response denied = ops.post("/cluster/firewall/rules", "type", "in", "action", "DROP");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.reason()).contains("Sys.Modify");
    RawHttp.Response guest = ops.put("/nodes/pve1/lxc/200/firewall/options", "enable", "1");
    assertThat(guest.status()).isEqualTo(403);
    assertThat(guest.reason()).contains("/vms/200, VM.Config.Network");
  }
}
