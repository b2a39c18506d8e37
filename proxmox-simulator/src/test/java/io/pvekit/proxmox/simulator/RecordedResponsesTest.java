package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import io.pvekit.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator's answers against every body in {@code pve-responses}: each element of each array,
 * every level, the JSON type of every value (integer, float, string, 0/1 or boolean, null) and the
 * format of strings (integers or decimals as strings, UPIDs, volume ids, property strings, MACs,
 * addresses, UUIDs, digests, fingerprints). A fixture is compared, or listed as an endpoint the
 * simulator does not serve (and the simulator must answer 501 there), or as deliberately malformed;
 * a new fixture that is neither fails.
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class RecordedResponsesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fixtures of endpoints the simulator does not serve: fixture, method and path. */
  private static final Map<String, String> NOT_SERVED =
      Map.ofEntries(
          Map.entry(
              "error.query-url-metadata-500.proxmoxer.json", "GET /nodes/pve1/query-url-metadata"));

  /** Fixtures made malformed on purpose (for client parsers), with the reason. */
  private static final Map<String, String> MALFORMED =
      Map.of("lxc-start.upid-truncated.json", "a UPID without its user@realm tail");

  /**
   * Recorded keys the simulator does not model (by fixture; dotted paths, {@code []} for array
   * elements), each for the reason given in the comment.
   */
  private static final Map<String, Set<String>> UNMODELLED =
      Map.ofEntries(
          // the PVE 7.4 capture's swap layout
          Map.entry("node-status.json", Set.of("data.swap.free")),
          // hand-written 9.x fixture: a GET config never has vmid, and qemu-server sends memory as
          // a string (a property string since 8.1; see the recorded qemu-config.pve8.json)
          Map.entry(
              "qemu-config.pve9-many-devices.json",
              Set.of(
                  "data.vmid",
                  "data.memory",
                  "data.ide0",
                  "data.sata0",
                  "data.virtio0",
                  "data.unused0",
                  "data.net1",
                  "data.numa0",
                  "data.hostpci0",
                  "data.serial1",
                  "data.usb0",
                  "data.parallel0",
                  "data.ipconfig1",
                  "data.bios",
                  "data.machine",
                  "data.efidisk0",
                  "data.tpmstate0",
                  "data.hookscript",
                  "data.onboot",
                  "data.startup",
                  "data.description",
                  "data.scsi1")),
          // the recorded container has mount points, features, raw lxc keys and onboot; ours not
          Map.entry(
              "lxc-config.json", Set.of("data.features", "data.lxc", "data.mp0", "data.onboot")),
          // hand-written 9.x fixture with indexes up to the maximum
          Map.entry(
              "lxc-config.pve9-wide-index.json",
              Set.of(
                  "data.features",
                  "data.lxc",
                  "data.mp0",
                  "data.mp42",
                  "data.net20",
                  "data.dev15",
                  "data.unused100",
                  "data.mp255",
                  "data.onboot")),
          // LXC vmid is a string on PVE 7.4 and an integer since (the 9.x fixture); the recorded
          // list and status include container templates, which the simulator cannot make
          Map.entry("lxc-list.json", Set.of("data[].vmid", "data[].template")),
          Map.entry("lxc-status-current.json", Set.of("data.template")),
          // a shared NFS storage the simulated cluster does not have
          Map.entry("storage-config-list.json", Set.of("data[type=nfs]")),
          // hand-written fixture: its ticket is no PVEVNC ticket and its UPID lacks the user
          Map.entry("termproxy.json", Set.of("data.ticket", "data.upid")),
          // VM.Monitor was removed in PVE 9.0 (the capture is from 8.x)
          Map.entry("access-ticket.json", Set.of("data.cap.vms.VM.Monitor")),
          Map.entry("access-permissions.json", Set.of("data.*.VM.Monitor")));

  private static ProxmoxSimulator sim;
  private static ProxmoxSimulator cluster;
  private static RawHttp http;
  private static final List<String> problems = new ArrayList<>();
  private static final Set<String> compared = new TreeSet<>();

  @BeforeAll
  static void compareEverything() throws IOException {
    sim =
        ProxmoxSimulator.builder()
            .taskDuration(Duration.ofMillis(5))
            .container(200, "ct200", 512, 8, true)
            .container(201, "ct201", 512, 8, false)
            .pool("dev")
            .agentBoot(Duration.ofHours(1), 0)
            .start();
    cluster = ProxmoxSimulator.builder().node("pve2", 8, 32L << 30).start();
    http = RawHttp.to(sim).login(sim);
    Tasks.run(http, http.post("/nodes/pve1/qemu/9000/clone", "newid", "101", "pool", "dev"));
    RawHttp.Response start = http.post("/nodes/pve1/qemu/101/status/start");
    Tasks.run(http, start);
    String upid = start.data().asText();
    // the recorded guests carry tags, a CD-ROM and numa; give ours the same settings
    for (String guest : new String[] {"qemu/9000", "qemu/101", "lxc/200", "lxc/201"}) {
      http.put("/nodes/pve1/" + guest + "/config", "tags", "prod;web");
    }
    http.put(
        "/nodes/pve1/qemu/9000/config",
        "numa",
        "0",
        "ide2",
        "local:iso/debian-12.12.0-amd64-netinst.iso,media=cdrom");
    http.put(
        "/nodes/pve1/qemu/101/config",
        "numa",
        "0",
        "ide2",
        "local:iso/debian-12.12.0-amd64-netinst.iso,media=cdrom");
    sim.pauseTasks();
    RawHttp.Response running = http.post("/nodes/pve1/qemu/101/status/reboot");
    String failedUpid = null;

    get("version.pve7.json", "/version");
    get("version.pve9.json", "/version");
    get("nodes.json", "/nodes");
    get("node-status.json", "/nodes/pve1/status");
    get("node-status.pve9.json", "/nodes/pve1/status");
    get("node-network.json", "/nodes/pve1/network");
    get("node-storage.json", "/nodes/pve1/storage");
    compare("cluster-status.json", RawHttp.to(cluster).login(cluster).get("/cluster/status"));
    get("cluster-resources.json", "/cluster/resources");
    get("vm-list.cluster-resources-type-vm.pve8.json", "/cluster/resources?type=vm");
    get("cluster-tasks.json", "/cluster/tasks");
    get("cluster-nextid.json", "/cluster/nextid");
    compare("error.cluster-nextid-400.json", http.get("/cluster/nextid", "vmid", "200"));
    compare("error.node-500-data-null.json", http.get("/nodes/pve1/qemu/999/status/current"));
    compare(
        "error.qemu-monitor-400-type-check.proxmoxer.json",
        http.send("POST", "/api2/json/nodes/pve1/qemu/101/status/stop", "timeout=1&timeout=2"));
    compare("error.sdn-500-with-message.pve8.json", http.delete("/pools/nope"));
    compare("error.agent-not-running.pve8.json", http.post("/nodes/pve1/qemu/101/agent/ping"));
    get("qemu-status-current.json", "/nodes/pve1/qemu/101/status/current");
    get("qemu-config.pve8.json", "/nodes/pve1/qemu/101/config");
    get("qemu-config.pve9-many-devices.json", "/nodes/pve1/qemu/101/config");
    get("qemu-config.template.pve8.json", "/nodes/pve1/qemu/9000/config");
    get("lxc-list.json", "/nodes/pve1/lxc");
    get("lxc-list.pve9.json", "/nodes/pve1/lxc");
    get("lxc-config.json", "/nodes/pve1/lxc/200/config");
    get("lxc-config.pve9-wide-index.json", "/nodes/pve1/lxc/200/config");
    get("lxc-status-current.json", "/nodes/pve1/lxc/201/status/current");
    get("storage-content.json", "/nodes/pve1/storage/local/content");
    get("storage-config-list.json", "/storage");
    get("access-permissions.json", "/access/permissions");
    get("access-roles.json", "/access/roles");
    get("qemu-rrddata.json", "/nodes/pve1/qemu/101/rrddata?timeframe=hour");
    compare(
        "access-ticket.json",
        RawHttp.to(cluster)
            .send(
                "POST",
                "/api2/json/access/ticket",
                "username=root%40pam&password=" + ProxmoxSimulator.DEFAULT_PASSWORD));
    compare("qemu-create.upid.json", http.post("/nodes/pve1/qemu", "vmid", "300"));
    compare("lxc-create.upid.json", lxcCreate());
    compare(
        "oci-registry-pull.upid.json",
        http.post(
            "/nodes/pve1/storage/local/oci-registry-pull",
            "reference",
            "docker.io/library/alpine:latest"));
    compare(
        "query-oci-repo-tags.json",
        http.get("/nodes/pve1/query-oci-repo-tags", "reference", "docker.io/library/alpine"));
    compare("qemu-start.upid.json", running);
    compare("termproxy.json", http.post("/nodes/pve1/termproxy"));
    compare("lxc-vncproxy.json", http.post("/nodes/pve1/lxc/200/vncproxy", "websocket", "1"));
    get("task-log.json", "/nodes/pve1/tasks/" + upid + "/log");
    get("task-status.ok.json", "/nodes/pve1/tasks/" + upid + "/status");
    String runningUpid = running.data().asText();
    get("task-status.running.json", "/nodes/pve1/tasks/" + runningUpid + "/status");
    get("task-status.running.proxmoxer.json", "/nodes/pve1/tasks/" + runningUpid + "/status");
    http.delete("/nodes/pve1/tasks/" + runningUpid);
    get("task-status.interrupted.proxmoxer.json", "/nodes/pve1/tasks/" + runningUpid + "/status");
    get("task-status.failed.json", "/nodes/pve1/tasks/" + runningUpid + "/status");
    sim.resumeTasks();
  }

  private static RawHttp.Response lxcCreate() {
    return http.post(
        "/nodes/pve1/lxc",
        "vmid",
        "301",
        "ostemplate",
        "local:vztmpl/debian-12-standard_12.12-1_amd64.tar.zst",
        "unprivileged",
        "1");
  }

  @AfterAll
  static void stop() {
    sim.close();
    cluster.close();
  }

  @Test
  void everyFixture_isComparedOrAccountedFor() throws IOException {
    Path dir = SharedData.upstream("pve-responses");
    Set<String> fixtures = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.equals("index.json"))
          .forEach(fixtures::add);
    }
    Set<String> accounted = new TreeSet<>(compared);
    accounted.addAll(NOT_SERVED.keySet());
    accounted.addAll(MALFORMED.keySet());
    assertThat(fixtures).hasSizeGreaterThan(40);
    assertThat(accounted).containsAll(fixtures);
    assertThat(compared).hasSizeGreaterThanOrEqualTo(fixtures.size() - 8);
  }

  @Test
  void unservedFixtures_areReallyNotServed() {
    List<String> served = new ArrayList<>();
    NOT_SERVED.forEach(
        (fixture, request) -> {
          String[] parts = request.split(" ", 2);
          RawHttp.Response r = http.send(parts[0], "/api2/json" + parts[1], "");
          if (r.status() != 501) {
            served.add(fixture + ": " + request + " answered " + r.status());
          }
        });
    assertThat(served).as("now served: compare these fixtures").isEmpty();
  }

  @Test
  void comparison_findsDifferencesDeepInArraysTypesAndFormats() throws IOException {
    JsonNode recorded =
        JSON.readTree(
            "{\"data\":[{\"a\":{\"b\":[1,{\"c\":\"x=1,y=2\"}]},\"n\":\"12\",\"f\":1.5}]}");
    JsonNode ours =
        JSON.readTree(
            "{\"data\":[{\"a\":{\"b\":[1.5,{\"c\":\"plain\"}]},\"n\":12,\"f\":\"1.5\"}]}");
    List<String> found = new ArrayList<>();
    RecordedComparison.walk("t", "", recorded, ours, Set.of(), found);
    assertThat(found)
        .containsExactlyInAnyOrder(
            "t data[].a.b[]: integer recorded (1), answered 1.5",
            "t data[].a.b[].c: string format property-string recorded (\"x=1,y=2\"), answered text"
                + " (\"plain\")",
            "t data[].n: string recorded (\"12\"), answered 12",
            "t data[].f: number recorded, answered \"1.5\"");
    List<String> none = new ArrayList<>();
    RecordedComparison.walk("t", "", recorded, recorded, Set.of(), none);
    assertThat(none).isEmpty();
  }

  @Test
  void simulatorAnswers_matchTheRecordingsAtEveryLevel() {
    assertThat(problems).isEmpty();
  }

  private static void get(String fixture, String path) {
    String[] parts = path.split("\\?", 2);
    compare(
        fixture, parts.length == 1 ? http.get(parts[0]) : http.get(parts[0], parts[1].split("=")));
  }

  private static void compare(String fixture, RawHttp.Response answer) {
    JsonNode recorded;
    try {
      recorded = JSON.readTree(SharedData.upstream("pve-responses/" + fixture).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    compared.add(fixture);
    JsonNode ours = answer.json();
    Set<String> skip = UNMODELLED.getOrDefault(fixture, Set.of());
    RecordedComparison.walk(fixture, "", recorded, ours, skip, problems);
  }
}
