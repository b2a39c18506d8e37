package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import io.pvekit.testing.SharedData;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's answers against bodies recorded from real PVE servers ({@code provenance:
 * recorded} in {@code pve-responses/index.json}): every recorded property the simulator models is
 * present, with the same JSON type. Properties it does not model are listed per fixture.
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class RecordedResponsesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ProxmoxSimulator sim;
  private static RawHttp http;

  @BeforeAll
  static void populate() {
    sim =
        ProxmoxSimulator.builder()
            .taskDuration(Duration.ofMillis(5))
            .container(200, "ct200", 512, 8, true)
            .pool("dev")
            .start();
    http = RawHttp.to(sim).login(sim);
    Tasks.run(http, http.post("/nodes/pve1/qemu/9000/clone", "newid", "101", "pool", "dev"));
    Tasks.run(http, http.post("/nodes/pve1/qemu/101/status/start"));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void recordedFixtures_areRealRecordings() throws IOException {
    JsonNode index = JSON.readTree(SharedData.upstream("pve-responses/index.json").toFile());
    Set<String> recorded = new TreeSet<>();
    index.forEach(
        e -> {
          if (e.get("provenance").asText().startsWith("recorded")) {
            recorded.add(e.get("file").asText());
          }
        });
    assertThat(recorded)
        .contains(
            "nodes.json",
            "node-status.json",
            "node-network.json",
            "cluster-resources.json",
            "qemu-status-current.json",
            "qemu-config.pve8.json",
            "lxc-list.json",
            "access-ticket.json");
  }

  @Test
  void simulatorAnswers_haveTheRecordedPropertiesAndTypes() throws IOException {
    List<String> problems = new ArrayList<>();
    compare("nodes.json", "/nodes", Set.of(), problems);
    compare("node-status.json", "/nodes/pve1/status", Set.of("swap.free"), problems);
    compare("node-network.json", "/nodes/pve1/network", Set.of(), problems);
    try (ProxmoxSimulator twoNodes =
        ProxmoxSimulator.builder().node("pve2", 8, 32L << 30).start()) {
      RawHttp single = http;
      http = RawHttp.to(twoNodes).login(twoNodes);
      compare("cluster-status.json", "/cluster/status", Set.of(), problems);
      http = single;
    }
    compare("cluster-resources.json", "/cluster/resources", Set.of(), problems);
    compare(
        "vm-list.cluster-resources-type-vm.pve8.json",
        "/cluster/resources?type=vm",
        Set.of(),
        problems);
    compare(
        "qemu-status-current.json",
        "/nodes/pve1/qemu/101/status/current",
        Set.of(
            "blockstat",
            "nics",
            "proxmox-support",
            "shares",
            "spice",
            "balloon",
            "ballooninfo",
            "balloon_min",
            "freemem",
            "maxdisk",
            "running-machine",
            "running-qemu",
            "disk"),
        problems);
    compare(
        "qemu-config.pve8.json",
        "/nodes/pve1/qemu/101/config",
        Set.of("ide2", "numa", "cpu", "boot", "smbios1", "vmgenid", "meta", "sockets", "ostype"),
        problems);
    compare("lxc-list.json", "/nodes/pve1/lxc", Set.of("vmid"), problems);
    // the recorded container has mount points, features, tags and raw lxc keys; ours does not
    compare(
        "lxc-config.json",
        "/nodes/pve1/lxc/200/config",
        Set.of("features", "lxc", "mp0", "onboot", "tags"),
        problems);
    compare("access-permissions.json", "/access/permissions", Set.of(), problems);
    assertThat(problems).isEmpty();
  }

  /**
   * Compares the first element (arrays) or the object itself. {@code driftOrUnmodelled} names
   * recorded properties the simulator does not send or sends with another type (for example LXC
   * {@code vmid}, a string on PVE 7.4 and an integer since).
   */
  private static void compare(
      String fixture, String path, Set<String> driftOrUnmodelled, List<String> problems)
      throws IOException {
    JsonNode recorded =
        JSON.readTree(SharedData.upstream("pve-responses/" + fixture).toFile()).get("data");
    String[] parts = path.split("\\?", 2);
    RawHttp.Response r =
        parts.length == 1 ? http.get(parts[0]) : http.get(parts[0], parts[1].split("="));
    JsonNode answered = r.data();
    if (recorded.isArray()) {
      if (!answered.isArray() || answered.isEmpty()) {
        problems.add(fixture + ": simulator answered " + answered);
        return;
      }
      JsonNode sample = recorded.get(0);
      JsonNode match = answered.get(0);
      if (sample.has("type")) {
        for (JsonNode candidate : answered) {
          if (candidate.path("type").equals(sample.get("type"))) {
            match = candidate;
          }
        }
      }
      recorded = sample;
      answered = match;
    }
    walk(fixture, "", recorded, answered, driftOrUnmodelled, problems);
  }

  private static void walk(
      String fixture,
      String prefix,
      JsonNode recorded,
      JsonNode answered,
      Set<String> skip,
      List<String> problems) {
    if (!recorded.isObject() || prefix.chars().filter(c -> c == '.').count() > 1) {
      return;
    }
    recorded
        .properties()
        .forEach(
            p -> {
              String key = prefix + p.getKey();
              if (skip.contains(key) || skip.contains(p.getKey()) && prefix.isEmpty()) {
                return;
              }
              if (fixture.equals("access-permissions.json") && prefix.isEmpty()) {
                return;
              }
              JsonNode ours = answered.get(p.getKey());
              if (ours == null) {
                problems.add(fixture + ": missing " + key);
              } else if (ours.getNodeType() != p.getValue().getNodeType()
                  && !(ours.isNumber() && p.getValue().isNumber())) {
                problems.add(
                    fixture
                        + ": "
                        + key
                        + " is "
                        + ours.getNodeType()
                        + ", recorded "
                        + p.getValue().getNodeType());
              } else if (ours.isObject()) {
                walk(fixture, key + ".", p.getValue(), ours, skip, problems);
              }
            });
  }
}
