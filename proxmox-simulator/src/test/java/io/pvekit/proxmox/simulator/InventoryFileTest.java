package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory file the README documents, loaded as the standalone simulator loads it. */
class InventoryFileTest {
  static final Path EXAMPLE = Path.of("src/test/resources/inventory/example.yaml");

  @Test
  void readmeQuotesTheExampleThisTestLoads() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).contains(Files.readString(EXAMPLE).strip());
  }

  @Test
  void example_buildsNodesGuestsTenantAndFaults() {
    try (ProxmoxSimulator sim =
        ProxmoxSimulator.builder()
            .inventoryFile(EXAMPLE)
            .taskDuration(Duration.ofMillis(10))
            .start()) {
      RawHttp root = RawHttp.to(sim).login(sim);
      assertThat(root.get("/nodes").data().findValuesAsText("node")).contains("pve1", "pve2");
      assertThat(root.get("/nodes/pve1/qemu/100/status/current").data().get("status").asText())
          .isEqualTo("running");
      assertThat(root.get("/nodes/pve1/lxc/200/config").data().get("hostname").asText())
          .isEqualTo("cache");
      assertThat(root.get("/nodes/pve2/storage").data().findValuesAsText("storage"))
          .contains("local", "local-lvm");

      // the privilege-separated token sees only its pool
      RawHttp token =
          RawHttp.to(sim).token("capmox@pve!capi", "0b6a4a8e-5f0e-4b8e-9d6c-3a1f2e7d9c10");
      RawHttp.Response denied = token.get("/nodes/pve1/qemu/100/config");
      assertThat(denied.status()).isEqualTo(403);
      assertThat(denied.reason()).isEqualTo("Permission check failed (/vms/100, VM.Audit)");
      root.put("/pools", "poolid", "tenant-a", "vms", "100");
      assertThat(token.get("/nodes/pve1/qemu/100/config").status()).isEqualTo(200);
      RawHttp user = RawHttp.to(sim).login("capmox@pve", "capmox-secret");
      assertThat(user.get("/nodes/pve1/qemu/9000/config").status()).isEqualTo(200);

      // the registry offers the file's image besides the built-in ones
      assertThat(
              root.get("/nodes/pve1/query-oci-repo-tags", "reference", "ghcr.io/acme/api").data())
          .extracting(tag -> tag.asText())
          .containsExactly("latest", "1.4");

      // the agent boots for 20 s; the clone fault fires once
      RawHttp.Response agent = root.post("/nodes/pve1/qemu/100/agent/ping");
      assertThat(agent.reason()).isEqualTo("QEMU guest agent is not running");
      RawHttp.Response clone = root.post("/nodes/pve1/qemu/9000/clone", "newid", "101");
      assertThat(clone.status()).isEqualTo(500);
      assertThat(clone.reason()).isEqualTo("got timeout");
      assertThat(Tasks.run(root, root.post("/nodes/pve1/qemu/9000/clone", "newid", "101")))
          .isEqualTo("OK");
    }
  }

  @Test
  void json_isAcceptedToo_andMistakesNameTheField(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("inv.json");
    Files.writeString(json, "{\"pools\": [\"extra\"], \"users\": [{\"userid\": \"a@pve\"}]}");
    assertThatThrownBy(() -> ProxmoxSimulator.builder().inventoryFile(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lacks 'password'");
    Files.writeString(json, "{\"pools\": [\"extra\"], \"vm\": []}");
    assertThatThrownBy(() -> ProxmoxSimulator.builder().inventoryFile(json))
        .hasMessageContaining("unknown section 'vm'");
    Files.writeString(json, "{\"pools\": [\"extra\"]}");
    try (ProxmoxSimulator sim = ProxmoxSimulator.builder().inventoryFile(json).start()) {
      JsonNode pools = RawHttp.to(sim).login(sim).get("/pools").data();
      assertThat(pools.findValuesAsText("poolid")).containsExactly("extra");
      assertThat(sim.vmIds()).isNotEmpty(); // no nodes section: the default inventory stays
    }
  }
}
