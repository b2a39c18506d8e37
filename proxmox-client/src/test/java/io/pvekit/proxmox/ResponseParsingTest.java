package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every typed response model parses the recorded and mock bodies of its endpoint. */
@Requires(Prerequisite.SHARED_UPSTREAM)
class ResponseParsingTest {
  private static JsonNode data(String file) {
    return UpstreamSamples.file(file).json().path("data");
  }

  @Test
  void recordedBodies_parseWithTheirQuirks() {
    assertThat(Decode.version(data("version.pve7.json")).major()).isEqualTo(7);
    assertThat(Decode.version(data("version.pve9.json")).major()).isEqualTo(9);

    List<NodeSummary> nodes = Decode.list(data("nodes.json"), Decode::node);
    assertThat(nodes).hasSize(4);
    assertThat(nodes.get(0).sslFingerprint()).hasValueSatisfying(f -> assertThat(f).contains(":"));

    NodeStatus status = Decode.nodeStatus(data("node-status.json"));
    assertThat(status.loadAverage()).hasSize(3);
    assertThat(status.memoryTotal()).hasValueSatisfying(m -> assertThat(m).isPositive());
    Decode.nodeStatus(data("node-status.pve9.json"));

    assertThat(Decode.list(data("node-network.json"), Decode::network))
        .anySatisfy(n -> assertThat(n.isBridge()).isTrue());

    List<ClusterResource> resources = Decode.list(data("cluster-resources.json"), Decode::resource);
    assertThat(resources).extracting(ClusterResource::type).contains("qemu", "node", "storage");
    assertThat(resources.stream().filter(r -> r.type().equals("qemu")))
        .allSatisfy(r -> assertThat(r.vmid()).isPresent());
    assertThat(Decode.list(data("vm-list.cluster-resources-type-vm.pve8.json"), Decode::resource))
        .isNotEmpty();
    assertThat(Decode.list(data("cluster-status.json"), Decode::clusterStatus))
        .extracting(ClusterStatusEntry::type)
        .contains("cluster", "node");

    assertThat(VmId.parse(data("cluster-nextid.json").asText())).isEqualTo(VmId.of(100));

    List<GuestSummary> lxc7 = Decode.list(data("lxc-list.json"), Decode::guest);
    assertThat(lxc7).isNotEmpty().allSatisfy(g -> assertThat(g.vmid().value()).isPositive());
    assertThat(Decode.list(data("lxc-list.pve9.json"), Decode::guest)).isNotEmpty();
    assertThat(Decode.guest(data("lxc-status-current.json")).tags()).isNotEmpty();
    GuestSummary qemu = Decode.guest(data("qemu-status-current.json"));
    assertThat(qemu.vmid()).isEqualTo(VmId.of(101));

    QemuConfig config = ImmutableQemuConfig.of(Decode.config(data("qemu-config.pve8.json")));
    assertThat(config.memoryMib()).contains(2048L);
    assertThat(config.networks()).isNotEmpty();
    assertThat(config.disks()).isNotEmpty();
    assertThat(config.digest()).isPresent();
    QemuConfig many =
        ImmutableQemuConfig.of(Decode.config(data("qemu-config.pve9-many-devices.json")));
    assertThat(many.disks().keySet()).contains("scsi0", "virtio0", "sata0", "ide2");
    assertThat(many.ipConfigs()).isNotEmpty();
    assertThat(
            ImmutableQemuConfig.of(Decode.config(data("qemu-config.template.pve8.json")))
                .template())
        .isTrue();

    LxcConfig lxc = ImmutableLxcConfig.of(Decode.config(data("lxc-config.json")));
    assertThat(lxc.rootFs()).isPresent();
    assertThat(lxc.features()).hasValueSatisfying(f -> assertThat(f.nesting()).isTrue());
    assertThat(lxc.mountPoints()).isNotEmpty();
    assertThat(lxc.value("lxc")).hasValueSatisfying(v -> assertThat(v).startsWith("[["));
    LxcConfig wide = ImmutableLxcConfig.of(Decode.config(data("lxc-config.pve9-wide-index.json")));
    assertThat(wide.networks()).containsKey(20);
    assertThat(wide.mountPoints()).containsKey(255);

    assertThat(Decode.list(data("node-storage.json"), Decode::storage)).isNotEmpty();
    assertThat(Decode.list(data("storage-content.json"), Decode::content))
        .extracting(StorageContent::content)
        .contains("iso", "vztmpl");

    Upid upid = Upid.parse("UPID:node1:00000001:00000001:00000001:test:running:root@pam:");
    assertThat(Decode.taskStatus(data("task-status.running.json"), upid).isRunning()).isTrue();
    assertThat(Decode.taskStatus(data("task-status.ok.json"), upid).isSuccessful()).isTrue();
    TaskStatus failed = Decode.taskStatus(data("task-status.failed.json"), upid);
    assertThat(failed.isRunning()).isFalse();
    assertThat(failed.isSuccessful()).isFalse();
    assertThat(
            Decode.taskStatus(data("task-status.interrupted.proxmoxer.json"), upid).isSuccessful())
        .isFalse();
    assertThat(Decode.list(data("task-log.json"), Decode::logLine)).isNotEmpty();
    assertThat(Decode.list(data("cluster-tasks.json"), Decode::taskSummary)).isNotEmpty();

    Permissions permissions = Decode.permissions(data("access-permissions.json"));
    assertThat(permissions.byPath()).containsKey("/");
  }

  /** Every mock in the go-proxmox pool whose endpoint has a typed decoder decodes. */
  @Test
  void mockPool_decodesForEveryTypedEndpoint() {
    Map<String, Consumer<JsonNode>> decoders = new LinkedHashMap<>();
    decoders.put("GET /version", d -> Decode.version(d));
    decoders.put("GET /nodes", d -> Decode.list(d, Decode::node));
    decoders.put("GET /nodes/[^/]+/status", d -> Decode.nodeStatus(d));
    decoders.put("GET /nodes/[^/]+/network", d -> Decode.list(d, Decode::network));
    decoders.put("GET /cluster/status", d -> Decode.list(d, Decode::clusterStatus));
    decoders.put("GET /cluster/resources", d -> Decode.list(d, Decode::resource));
    decoders.put("GET /nodes/[^/]+/storage", d -> Decode.list(d, Decode::storage));
    decoders.put("GET /nodes/[^/]+/storage/[^/]+/content", d -> Decode.list(d, Decode::content));
    decoders.put("GET /nodes/[^/]+/(qemu|lxc)", d -> Decode.list(d, Decode::guest));
    decoders.put("GET /nodes/[^/]+/(qemu|lxc)/\\d+/status/current", d -> Decode.guest(d));
    decoders.put(
        "GET /nodes/[^/]+/qemu/\\d+/config",
        d -> {
          QemuConfig c = ImmutableQemuConfig.of(Decode.config(d));
          c.networks();
          c.disks();
          c.ipConfigs();
        });
    decoders.put(
        "GET /nodes/[^/]+/lxc/\\d+/config",
        d -> {
          LxcConfig c = ImmutableLxcConfig.of(Decode.config(d));
          c.networks();
          c.mountPoints();
          c.rootFs();
          c.features();
        });
    decoders.put("GET /nodes/[^/]+/tasks", d -> Decode.list(d, Decode::taskSummary));
    decoders.put("GET /cluster/tasks", d -> Decode.list(d, Decode::taskSummary));
    decoders.put("GET /nodes/[^/]+/tasks/[^/]+/log", d -> Decode.list(d, Decode::logLine));
    decoders.put("GET /pools", d -> Decode.list(d, Decode::pool));
    decoders.put("GET /access/permissions", d -> Decode.permissions(d));
    decoders.put("GET /nodes/[^/]+/lxc/\\d+/interfaces", d -> Decode.lxcInterfaces(d));
    decoders.put(
        "GET /nodes/[^/]+/qemu/\\d+/agent/network-get-interfaces", d -> Decode.agentInterfaces(d));

    List<String> decoded = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (UpstreamSamples.Sample sample : UpstreamSamples.mocks()) {
      if (sample.status() != 200 || !sample.isJson()) {
        continue;
      }
      String request = sample.method() + " " + sample.path().replace("\\", "");
      JsonNode data = sample.json().path("data");
      if (data.isNull() || data.isMissingNode()) {
        continue;
      }
      for (Map.Entry<String, Consumer<JsonNode>> decoder : decoders.entrySet()) {
        if (request.matches(decoder.getKey())) {
          try {
            decoder.getValue().accept(data);
            decoded.add(request);
          } catch (RuntimeException e) {
            failures.add(sample.source() + " " + request + ": " + e);
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(decoded).hasSizeGreaterThan(40);
  }
}
