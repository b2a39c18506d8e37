package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.simulator.internal.runtime.UpstreamSchema;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data every GET endpoint answers has the shape the PVE 9.1 schema documents under {@code
 * returns}: required properties present, declared properties of the declared type, nothing
 * undeclared unless the schema allows more (or real PVE sends it, listed in {@link #SENT_BY_PVE}).
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class ResponseShapeTest {
  /**
   * Properties real servers send beyond their own schema (all seen in the recorded responses in
   * {@code shared/upstream/pve-responses}); the simulator sends them too.
   */
  private static final Map<String, Set<String>> SENT_BY_PVE =
      Map.ofEntries(
          Map.entry("/nodes", Set.of("id", "type", "disk", "maxdisk")),
          Map.entry(
              "/cluster/tasks",
              Set.of(
                  "node", "pid", "pstart", "starttime", "type", "id", "user", "status", "endtime")),
          Map.entry("/nodes/{node}/tasks/{upid}/status", Set.of("endtime", "tokenid")),
          Map.entry("/nodes/{node}/status", Set.of("mhz", "hvm", "user_hz", "flags")),
          Map.entry("/nodes/{node}/network", Set.of("bridge_stp", "bridge_fd")),
          Map.entry("/nodes/{node}/storage/{storage}/content", Set.of("content")),
          Map.entry("/nodes/{node}/qemu", Set.of("disk")),
          Map.entry(
              "/nodes/{node}/qemu/{vmid}/status/current",
              Set.of(
                  "disk",
                  "shares",
                  "balloon",
                  "balloon_min",
                  "freemem",
                  "ballooninfo",
                  "blockstat",
                  "nics",
                  "proxmox-support")),
          Map.entry("/nodes/{node}/lxc", Set.of("pid", "type", "swap")),
          // the "current" entry says whether the guest runs (qemu-server and pve-container)
          Map.entry("/nodes/{node}/qemu/{vmid}/snapshot", Set.of("running")),
          Map.entry("/nodes/{node}/lxc/{vmid}/snapshot", Set.of("running")),
          // the storage.cfg section (storage-config-list.json)
          Map.entry(
              "/storage",
              Set.of("type", "content", "shared", "path", "digest", "thinpool", "vgname", "nodes")),
          // the resources.cfg section with its digest (pve-ha-manager)
          Map.entry("/cluster/ha/resources", Set.of("type", "state", "digest", "max_restart")),
          Map.entry("/nodes/{node}/lxc/{vmid}/status/current", Set.of("pid", "type", "swap")),
          // pve-firewall's copy_opject_with_digest / copy_list_with_digest add the file's digest
          Map.entry("/cluster/firewall/options", Set.of("digest")),
          Map.entry("/cluster/firewall/rules", Set.of("digest")),
          Map.entry("/cluster/firewall/rules/{pos}", Set.of("digest")),
          Map.entry("/nodes/{node}/lxc/{vmid}/firewall/options", Set.of("digest")),
          Map.entry("/nodes/{node}/lxc/{vmid}/firewall/rules", Set.of("digest")),
          // pve-ha-manager's get_api_ha_rule returns the whole rules.cfg section
          Map.entry(
              "/cluster/ha/rules",
              Set.of("type", "resources", "nodes", "strict", "order", "digest")),
          Map.entry(
              "/cluster/ha/rules/{rule}",
              Set.of("resources", "nodes", "strict", "order", "digest")));

  private static ProxmoxSimulator sim;
  private static RawHttp http;
  private static String upid;

  @BeforeAll
  static void populate() {
    sim =
        ProxmoxSimulator.builder()
            .taskDuration(Duration.ofMillis(10))
            .pool("dev")
            .container(200, "ct200", 512, 8, true)
            .start();
    http = RawHttp.to(sim).login(sim);
    Tasks.run(http, http.post("/nodes/pve1/qemu/9000/clone", "newid", "101", "pool", "dev"));
    RawHttp.Response start = http.post("/nodes/pve1/qemu/101/status/start");
    Tasks.run(http, start);
    upid = start.data().asText();
    Tasks.run(http, http.post("/nodes/pve1/qemu/101/snapshot", "snapname", "s1"));
    http.post("/cluster/ha/resources", "sid", "vm:101");
    http.post("/access/users/root@pam/token/ci");
    http.post("/cluster/firewall/rules", "type", "in", "action", "ACCEPT", "source", "10.0.0.1");
    http.put("/cluster/firewall/options", "enable", "1", "policy_in", "DROP", "ebtables", "0");
    http.put("/nodes/pve1/lxc/200/firewall/options", "enable", "1", "macfilter", "0");
    http.post("/nodes/pve1/lxc/200/firewall/rules", "type", "out", "action", "DROP");
    http.post("/cluster/firewall/aliases", "name", "mgmt", "cidr", "10.0.0.0/8", "comment", "m");
    http.post("/cluster/firewall/ipset", "name", "blocked", "comment", "b");
    http.post("/cluster/firewall/ipset/blocked", "cidr", "192.0.2.0/24", "nomatch", "1");
    http.post(
        "/cluster/sdn/zones", "zone", "tenants", "type", "vlan", "bridge", "vmbr0", "mtu", "1400");
    http.post("/cluster/sdn/vnets", "vnet", "tenanta", "zone", "tenants", "tag", "100");
    http.post(
        "/cluster/sdn/vnets/tenanta/subnets",
        "subnet",
        "10.10.0.0/24",
        "type",
        "subnet",
        "gateway",
        "10.10.0.1",
        "snat",
        "1");
    http.post(
        "/cluster/ha/rules",
        "rule",
        "pin",
        "type",
        "node-affinity",
        "resources",
        "vm:101",
        "nodes",
        "pve1");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void everyGetEndpoint_answersTheDocumentedShape() {
    List<String> problems = new ArrayList<>();
    check("/version", "/version", problems);
    check("/cluster/status", "/cluster/status", problems);
    check("/cluster/resources", "/cluster/resources", problems);
    check("/cluster/tasks", "/cluster/tasks", problems);
    check("/nodes", "/nodes", problems);
    check("/nodes/{node}/status", "/nodes/pve1/status", problems);
    check("/nodes/{node}/network", "/nodes/pve1/network", problems);
    check("/nodes/{node}/time", "/nodes/pve1/time", problems);
    check("/nodes/{node}/storage", "/nodes/pve1/storage", problems);
    check("/nodes/{node}/storage/{storage}/content", "/nodes/pve1/storage/local/content", problems);
    check(
        "/nodes/{node}/storage/{storage}/content",
        "/nodes/pve1/storage/local-lvm/content",
        problems);
    check("/nodes/{node}/qemu", "/nodes/pve1/qemu", problems);
    check("/nodes/{node}/qemu/{vmid}/config", "/nodes/pve1/qemu/101/config", problems);
    check(
        "/nodes/{node}/qemu/{vmid}/status/current",
        "/nodes/pve1/qemu/101/status/current",
        problems);
    check(
        "/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces",
        "/nodes/pve1/qemu/101/agent/network-get-interfaces",
        problems);
    check("/nodes/{node}/lxc", "/nodes/pve1/lxc", problems);
    check("/nodes/{node}/lxc/{vmid}/config", "/nodes/pve1/lxc/200/config", problems);
    check(
        "/nodes/{node}/lxc/{vmid}/status/current", "/nodes/pve1/lxc/200/status/current", problems);
    check("/nodes/{node}/lxc/{vmid}/interfaces", "/nodes/pve1/lxc/200/interfaces", problems);
    check("/nodes/{node}/tasks", "/nodes/pve1/tasks", problems);
    check("/nodes/{node}/tasks/{upid}/status", "/nodes/pve1/tasks/" + upid + "/status", problems);
    check("/nodes/{node}/tasks/{upid}/log", "/nodes/pve1/tasks/" + upid + "/log", problems);
    check("/pools", "/pools", problems);
    check("/pools/{poolid}", "/pools/dev", problems);
    check("/access/permissions", "/access/permissions", problems);
    check("/nodes/{node}/qemu/{vmid}/snapshot", "/nodes/pve1/qemu/101/snapshot", problems);
    check("/nodes/{node}/lxc/{vmid}/snapshot", "/nodes/pve1/lxc/200/snapshot", problems);
    check(
        "/nodes/{node}/qemu/{vmid}/snapshot/{snapname}/config",
        "/nodes/pve1/qemu/101/snapshot/s1/config",
        problems);
    check(
        "/nodes/{node}/storage/{storage}/content/{volume}",
        "/nodes/pve1/storage/local-lvm/content/local-lvm:vm-101-disk-0",
        problems);
    check("/storage", "/storage", problems);
    check("/access/acl", "/access/acl", problems);
    check("/access/users", "/access/users", problems);
    check("/access/users/{userid}/token", "/access/users/root@pam/token", problems);
    check("/nodes/{node}/qemu/{vmid}/migrate", "/nodes/pve1/qemu/101/migrate", problems);
    check("/nodes/{node}/lxc/{vmid}/migrate", "/nodes/pve1/lxc/200/migrate", problems);
    check("/cluster/ha/resources", "/cluster/ha/resources", problems);
    check("/cluster/ha/resources/{sid}", "/cluster/ha/resources/vm:101", problems);
    check("/cluster/ha/status/current", "/cluster/ha/status/current", problems);
    check("/cluster/firewall/options", "/cluster/firewall/options", problems);
    check("/cluster/firewall/rules", "/cluster/firewall/rules", problems);
    check("/cluster/firewall/rules/{pos}", "/cluster/firewall/rules/0", problems);
    check("/cluster/firewall/aliases", "/cluster/firewall/aliases", problems);
    check("/cluster/firewall/aliases/{name}", "/cluster/firewall/aliases/mgmt", problems);
    check("/cluster/firewall/ipset", "/cluster/firewall/ipset", problems);
    check("/cluster/firewall/ipset/{name}", "/cluster/firewall/ipset/blocked", problems);
    check(
        "/cluster/firewall/ipset/{name}/{cidr}",
        "/cluster/firewall/ipset/blocked/192.0.2.0%2F24",
        problems);
    check(
        "/nodes/{node}/lxc/{vmid}/firewall/options",
        "/nodes/pve1/lxc/200/firewall/options",
        problems);
    check(
        "/nodes/{node}/lxc/{vmid}/firewall/rules", "/nodes/pve1/lxc/200/firewall/rules", problems);
    check("/cluster/sdn", "/cluster/sdn", problems);
    check("/cluster/sdn/zones", "/cluster/sdn/zones", problems);
    check("/cluster/sdn/zones", "/cluster/sdn/zones?pending=1", problems);
    check("/cluster/sdn/zones/{zone}", "/cluster/sdn/zones/tenants", problems);
    check("/cluster/sdn/vnets", "/cluster/sdn/vnets", problems);
    check("/cluster/sdn/vnets", "/cluster/sdn/vnets?pending=1", problems);
    check("/cluster/sdn/vnets/{vnet}", "/cluster/sdn/vnets/tenanta", problems);
    check("/cluster/sdn/vnets/{vnet}/subnets", "/cluster/sdn/vnets/tenanta/subnets", problems);
    check(
        "/cluster/sdn/vnets/{vnet}/subnets/{subnet}",
        "/cluster/sdn/vnets/tenanta/subnets/tenants-10.10.0.0-24",
        problems);
    check("/cluster/ha/rules", "/cluster/ha/rules", problems);
    check("/cluster/ha/rules/{rule}", "/cluster/ha/rules/pin", problems);
    check(
        "/nodes/{node}/qemu/{vmid}/agent/get-osinfo",
        "/nodes/pve1/qemu/101/agent/get-osinfo",
        problems);
    assertThat(problems).isEmpty();
  }

  @Test
  void nextid_isAStringLikeOnRealServers_althoughTheSchemaSaysInteger() {
    assertThat(UpstreamSchema.method("GET", "/cluster/nextid").get("returns").get("type").asText())
        .isEqualTo("integer");
    assertThat(http.get("/cluster/nextid").data().isTextual()).isTrue();
  }

  private static void check(String template, String path, List<String> problems) {
    RawHttp.Response r = http.get(path);
    if (r.status() != 200) {
      problems.add(path + ": " + r.status() + " " + r.reason());
      return;
    }
    JsonNode returns = UpstreamSchema.method("GET", template).get("returns");
    shape(template, path, r.data(), returns, problems);
  }

  private static void shape(
      String template, String where, JsonNode value, JsonNode schema, List<String> problems) {
    String type = schema.path("type").asText("any");
    switch (type) {
      case "array" -> {
        if (!value.isArray()) {
          problems.add(where + ": expected array, got " + value);
          return;
        }
        if (schema.has("items")) {
          int i = 0;
          for (JsonNode item : value) {
            shape(template, where + "[" + i++ + "]", item, schema.get("items"), problems);
          }
        }
      }
      case "object" -> {
        if (!value.isObject()) {
          problems.add(where + ": expected object, got " + value);
          return;
        }
        JsonNode props = schema.path("properties");
        props
            .properties()
            .forEach(
                p -> {
                  if (p.getValue().path("optional").asInt(0) != 1
                      && !p.getKey().endsWith("[n]")
                      && !value.has(p.getKey())) {
                    problems.add(where + ": missing required " + p.getKey());
                  }
                });
        boolean open = schema.path("additionalProperties").asInt(0) == 1 || props.isEmpty();
        value
            .properties()
            .forEach(
                f -> {
                  JsonNode declared = props.get(f.getKey());
                  if (declared == null) {
                    declared = props.get(f.getKey().replaceAll("\\d+$", "[n]"));
                  }
                  if (declared != null) {
                    shape(template, where + "." + f.getKey(), f.getValue(), declared, problems);
                  } else if (!open
                      && !SENT_BY_PVE.getOrDefault(template, Set.of()).contains(f.getKey())) {
                    problems.add(where + ": undocumented " + f.getKey());
                  }
                });
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          problems.add(where + ": expected integer, got " + value);
        }
      }
      case "number" -> {
        if (!value.isNumber()) {
          problems.add(where + ": expected number, got " + value);
        }
      }
      case "boolean" -> {
        if (!value.isBoolean() && !(value.isIntegralNumber() && value.asInt() <= 1)) {
          problems.add(where + ": expected boolean (0/1), got " + value);
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          problems.add(where + ": expected string, got " + value);
        }
      }
      case "null" -> {
        if (!value.isNull()) {
          problems.add(where + ": expected null, got " + value);
        }
      }
      default -> {
        // "any" and unknown types accept every value
      }
    }
  }
}
