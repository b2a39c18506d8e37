package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import io.pvekit.testing.SharedData;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator's SDN on the wire: pending until applied, and pve-network's validation. */
class SdnTest {
  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(10))
              .addUser("ops@pve", "opspw")
              .acl("/", "ops@pve", "PVEAuditor"));

  private RawHttp http;

  @BeforeEach
  void login() {
    http = RawHttp.to(pve.simulator()).login(pve.simulator());
  }

  private JsonNode only(RawHttp.Response list) {
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.data()).hasSize(1);
    return list.data().get(0);
  }

  @Test
  void changes_arePendingUntilApplied() {
    http.post("/cluster/sdn/zones", "zone", "tenants", "type", "vlan", "bridge", "vmbr0");
    http.post("/cluster/sdn/vnets", "vnet", "tenanta", "zone", "tenants", "tag", "100");
    assertThat(
            http.post(
                    "/cluster/sdn/vnets/tenanta/subnets",
                    "subnet",
                    "10.10.0.0/24",
                    "type",
                    "subnet",
                    "gateway",
                    "10.10.0.1")
                .status())
        .isEqualTo(200);

    JsonNode zone = only(http.get("/cluster/sdn/zones", "pending", "1"));
    assertThat(zone.get("state").asText()).isEqualTo("new");
    assertThat(zone.get("type").asText()).isEqualTo("vlan");
    assertThat(zone.get("pending").get("bridge").asText()).isEqualTo("vmbr0");
    assertThat(http.get("/cluster/sdn/zones", "running", "1").data()).isEmpty();
    assertThat(only(http.get("/cluster/sdn/zones")).get("bridge").asText()).isEqualTo("vmbr0");
    JsonNode vnet = only(http.get("/cluster/sdn/vnets", "pending", "1"));
    assertThat(vnet.get("pending").get("tag").asInt()).isEqualTo(100);
    JsonNode subnet = only(http.get("/cluster/sdn/vnets/tenanta/subnets"));
    assertThat(subnet.get("subnet").asText()).isEqualTo("tenants-10.10.0.0-24");
    assertThat(subnet.get("cidr").asText()).isEqualTo("10.10.0.0/24");

    RawHttp.Response apply = http.put("/cluster/sdn");
    assertThat(apply.data().asText()).contains(":reloadnetworkall:");
    assertThat(Tasks.run(http, apply)).isEqualTo("OK");
    JsonNode applied = only(http.get("/cluster/sdn/zones", "pending", "1"));
    assertThat(applied.has("state")).isFalse();
    assertThat(applied.get("bridge").asText()).isEqualTo("vmbr0");
    assertThat(only(http.get("/cluster/sdn/zones", "running", "1")).get("type").asText())
        .isEqualTo("vlan");

    http.put("/cluster/sdn/vnets/tenanta", "tag", "200");
    JsonNode changed = only(http.get("/cluster/sdn/vnets", "pending", "1"));
    assertThat(changed.get("state").asText()).isEqualTo("changed");
    assertThat(changed.get("tag").asInt()).isEqualTo(100);
    assertThat(changed.get("pending").get("tag").asInt()).isEqualTo(200);

    http.delete("/cluster/sdn/vnets/tenanta/subnets/tenants-10.10.0.0-24");
    assertThat(http.get("/cluster/sdn/vnets/tenanta/subnets").data()).isEmpty();
    assertThat(
            only(http.get("/cluster/sdn/vnets/tenanta/subnets", "pending", "1"))
                .get("state")
                .asText())
        .isEqualTo("deleted");
  }

  @Test
  void validation_followsPveNetwork() {
    RawHttp.Response longId =
        http.post("/cluster/sdn/zones", "zone", "tenantzone", "type", "simple");
    assertThat(longId.status()).isEqualTo(400);
    assertThat(longId.json().get("errors").get("zone").asText())
        .isEqualTo("invalid format - zone ID 'tenantzone' can't be more length than 8 characters");
    RawHttp.Response noBridge = http.post("/cluster/sdn/zones", "zone", "lab", "type", "vlan");
    assertThat(noBridge.status()).isEqualTo(400);
    assertThat(noBridge.json().get("errors").get("bridge").asText())
        .isEqualTo("property is missing and it is not optional");
    RawHttp.Response noZone = http.post("/cluster/sdn/vnets", "vnet", "web", "zone", "nozone");
    assertThat(noZone.status()).isEqualTo(500);
    assertThat(noZone.reason()).contains("zone 'nozone'");

    http.post("/cluster/sdn/zones", "zone", "lab", "type", "simple");
    assertThat(http.post("/cluster/sdn/zones", "zone", "lab", "type", "simple").reason())
        .isEqualTo("create sdn zone object failed: sdn zone object ID 'lab' already defined");
    RawHttp.Response tag =
        http.post("/cluster/sdn/vnets", "vnet", "web", "zone", "lab", "tag", "5");
    assertThat(tag.status()).isEqualTo(500);
    assertThat(tag.json().get("message").asText()).contains("tag: vlan tag is not allowed");
    http.post("/cluster/sdn/vnets", "vnet", "web", "zone", "lab");
    RawHttp.Response cidr =
        http.post("/cluster/sdn/vnets/web/subnets", "subnet", "10.1.0.0/33", "type", "subnet");
    assertThat(cidr.status()).isEqualTo(400);
    RawHttp.Response gateway =
        http.post(
            "/cluster/sdn/vnets/web/subnets",
            "subnet",
            "10.1.0.0/24",
            "type",
            "subnet",
            "gateway",
            "10.2.0.1");
    assertThat(gateway.reason()).startsWith("create sdn subnet object failed");

    RawHttp.Response used = http.delete("/cluster/sdn/zones/lab");
    assertThat(used.status()).isEqualTo(500);
    assertThat(used.reason())
        .isEqualTo("delete sdn zone object failed: zone lab is used by vnet web");
    assertThat(http.delete("/cluster/sdn/vnets/web").status()).isEqualTo(200);
    assertThat(http.delete("/cluster/sdn/zones/lab").status()).isEqualTo(200);
  }

  @Test
  void anAuditor_seesZones_butCannotChangeOrApply() {
    http.post("/cluster/sdn/zones", "zone", "lab", "type", "simple");
    RawHttp ops = RawHttp.to(pve.simulator()).login("ops@pve", "opspw");
    assertThat(ops.get("/cluster/sdn/zones").data()).hasSize(1);
    RawHttp.Response create = ops.post("/cluster/sdn/zones", "zone", "x", "type", "simple");
    assertThat(create.status()).isEqualTo(403);
    assertThat(create.reason()).contains("/sdn/zones, SDN.Allocate");
    assertThat(ops.put("/cluster/sdn").status()).isEqualTo(403);
  }

  @Test
  @Requires(Prerequisite.SHARED_UPSTREAM)
  void anUnknownIpam_failsWithTheMessageARealServerSent() throws Exception {
    JsonNode recorded =
        new ObjectMapper()
            .readTree(
                SharedData.upstream("pve-responses/error.sdn-500-with-message.pve8.json").toFile());
    RawHttp.Response r =
        http.post("/cluster/sdn/zones", "zone", "lab", "type", "simple", "ipam", "ipam-simple");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.reason())
        .isEqualTo("create sdn zone object failed: 400 Parameter verification failed.");
    assertThat(r.json().get("message").asText()).isEqualTo(recorded.get("message").asText());
    assertThat(
            http.post("/cluster/sdn/zones", "zone", "lab", "type", "simple", "ipam", "pve")
                .status())
        .isEqualTo(200);
  }
}
