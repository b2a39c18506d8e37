package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.RawJson;
import io.pvekit.proxmox.internal.ResponseShapeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps response {@code data} to the typed models, leniently (see {@link Json}). */
final class Decode {
  private Decode() {}

  static ProxmoxVersion version(JsonNode d) {
    return ImmutableProxmoxVersion.builder()
        .version(Json.requiredText(d, "version", "version"))
        .release(Json.text(d, "release"))
        .repoId(Json.text(d, "repoid"))
        .build();
  }

  static ClusterStatusEntry clusterStatus(JsonNode d) {
    return ImmutableClusterStatusEntry.builder()
        .type(Json.requiredText(d, "type", "cluster status"))
        .name(Json.text(d, "name").orElse(""))
        .id(Json.text(d, "id").orElse(""))
        .nodeId(Json.integer(d, "nodeid"))
        .online(Json.optionalFlag(d, "online"))
        .ip(Json.text(d, "ip"))
        .local(Json.optionalFlag(d, "local"))
        .quorate(Json.optionalFlag(d, "quorate"))
        .nodes(Json.integer(d, "nodes"))
        .build();
  }

  static ClusterResource resource(JsonNode d) {
    return ImmutableClusterResource.builder()
        .id(Json.requiredText(d, "id", "cluster resource"))
        .type(Json.requiredText(d, "type", "cluster resource"))
        .node(
            Json.text(d, "node")
                .map(n -> Json.required(d, "node", "cluster resource", NodeName::of)))
        .vmid(Json.vmid(d, "vmid"))
        .name(Json.text(d, "name"))
        .status(Json.text(d, "status"))
        .storage(Json.text(d, "storage"))
        .pool(Json.text(d, "pool"))
        .template(Json.flag(d, "template"))
        .cpu(Json.number(d, "cpu"))
        .maxCpu(Json.integer(d, "maxcpu"))
        .mem(Json.integer(d, "mem"))
        .maxMem(Json.integer(d, "maxmem"))
        .disk(Json.integer(d, "disk"))
        .maxDisk(Json.integer(d, "maxdisk"))
        .uptime(Json.integer(d, "uptime"))
        .tags(Json.list(d, "tags"))
        .received(RawJson.of(d))
        .build();
  }

  static NodeSummary node(JsonNode d) {
    return ImmutableNodeSummary.builder()
        .node(Json.required(d, "node", "node", NodeName::of))
        .status(Json.text(d, "status").orElse("unknown"))
        .cpu(Json.number(d, "cpu"))
        .maxCpu(Json.integer(d, "maxcpu"))
        .mem(Json.integer(d, "mem"))
        .maxMem(Json.integer(d, "maxmem"))
        .uptime(Json.integer(d, "uptime"))
        .sslFingerprint(Json.text(d, "ssl_fingerprint"))
        .build();
  }

  static NodeStatus nodeStatus(JsonNode d) {
    List<Double> load = new ArrayList<>();
    for (JsonNode value : d.path("loadavg")) {
      try {
        load.add(Double.parseDouble(value.asText()));
      } catch (NumberFormatException ignored) {
        // an unexpected entry; the raw node still has it
      }
    }
    return ImmutableNodeStatus.builder()
        .uptime(Json.integer(d, "uptime"))
        .cpu(Json.number(d, "cpu"))
        .cpus(Json.integer(d.path("cpuinfo"), "cpus"))
        .memoryTotal(Json.integer(d.path("memory"), "total"))
        .memoryUsed(Json.integer(d.path("memory"), "used"))
        .memoryFree(Json.integer(d.path("memory"), "free"))
        .loadAverage(load)
        .pveVersion(Json.text(d, "pveversion"))
        .kernelVersion(
            Json.text(d, "kversion").or(() -> Json.text(d.path("current-kernel"), "release")))
        .raw(d)
        .build();
  }

  static NetworkInterface network(JsonNode d) {
    return ImmutableNetworkInterface.builder()
        .iface(Json.requiredText(d, "iface", "network interface"))
        .type(Json.text(d, "type").orElse("unknown"))
        .active(Json.flag(d, "active"))
        .autostart(Json.flag(d, "autostart"))
        .address(Json.text(d, "address"))
        .cidr(Json.text(d, "cidr"))
        .gateway(Json.text(d, "gateway"))
        .bridgePorts(Json.list(d, "bridge_ports"))
        .bridgeVlanAware(Json.flag(d, "bridge_vlan_aware"))
        .comments(Json.text(d, "comments"))
        .build();
  }

  static StorageStatus storage(JsonNode d) {
    return ImmutableStorageStatus.builder()
        .storage(Json.required(d, "storage", "storage", StorageId::of))
        .type(Json.text(d, "type").orElse("unknown"))
        .content(Json.list(d, "content"))
        .active(Json.flag(d, "active"))
        .enabled(!d.has("enabled") || Json.flag(d, "enabled"))
        .shared(Json.flag(d, "shared"))
        .total(Json.integer(d, "total"))
        .used(Json.integer(d, "used"))
        .available(Json.integer(d, "avail"))
        .build();
  }

  static StorageContent content(JsonNode d) {
    return ImmutableStorageContent.builder()
        .volid(Json.requiredText(d, "volid", "storage content"))
        .content(Json.text(d, "content").orElse("unknown"))
        .format(Json.text(d, "format"))
        .size(Json.integer(d, "size"))
        .ctime(Json.integer(d, "ctime"))
        .vmid(Json.vmid(d, "vmid"))
        .notes(Json.text(d, "notes"))
        .subtype(Json.text(d, "subtype"))
        .isProtected(Json.flag(d, "protected"))
        .build();
  }

  static BackupJob backupJob(JsonNode d) {
    return ImmutableBackupJob.builder()
        .id(Json.requiredText(d, "id", "backup job"))
        .schedule(Json.text(d, "schedule"))
        .enabled(Json.optionalFlag(d, "enabled").orElse(true))
        .vmIds(vmids(d, "vmid"))
        .all(Json.flag(d, "all"))
        .excluded(vmids(d, "exclude"))
        .pool(Json.text(d, "pool"))
        .storage(Json.text(d, "storage").map(StorageId::of))
        .mode(Json.text(d, "mode"))
        .compress(Json.text(d, "compress"))
        .notesTemplate(Json.text(d, "notes-template"))
        .comment(Json.text(d, "comment"))
        .nextRun(Json.integer(d, "next-run").map(java.time.Instant::ofEpochSecond))
        .build();
  }

  private static List<VmId> vmids(JsonNode d, String field) {
    List<VmId> out = new java.util.ArrayList<>();
    Json.list(d, field).forEach(v -> out.add(VmId.parse(v)));
    return out;
  }

  static GuestSummary guest(JsonNode d) {
    return ImmutableGuestSummary.builder()
        .vmid(Json.vmid(d, "vmid").orElseThrow(() -> Json.lacks("guest", "vmid", d)))
        .name(Json.text(d, "name"))
        .status(Json.text(d, "status").orElse("unknown"))
        .qmpStatus(Json.text(d, "qmpstatus"))
        .template(Json.flag(d, "template"))
        .lock(Json.text(d, "lock"))
        .cpu(Json.number(d, "cpu"))
        .cpus(Json.number(d, "cpus"))
        .mem(Json.integer(d, "mem"))
        .maxMem(Json.integer(d, "maxmem"))
        .maxDisk(Json.integer(d, "maxdisk"))
        .uptime(Json.integer(d, "uptime"))
        .pid(Json.integer(d, "pid"))
        .tags(Json.list(d, "tags"))
        .raw(d)
        .build();
  }

  /**
   * Agent answers {@code {"result":[{name, hardware-address, ip-addresses:[{ip-address,
   * prefix}]}]}}.
   */
  static List<GuestInterface> agentInterfaces(JsonNode d) {
    JsonNode list = d.has("result") ? d.get("result") : d;
    List<GuestInterface> out = new ArrayList<>();
    for (JsonNode i : Json.items(list)) {
      List<String> addresses = new ArrayList<>();
      for (JsonNode a : i.path("ip-addresses")) {
        addresses.add(
            a.path("ip-address").asText()
                + (a.has("prefix") ? "/" + a.path("prefix").asText() : ""));
      }
      out.add(
          ImmutableGuestInterface.builder()
              .name(Json.requiredText(i, "name", "guest interface"))
              .hardwareAddress(Json.text(i, "hardware-address"))
              .ipAddresses(addresses)
              .build());
    }
    return out;
  }

  /** LXC answers {@code [{name, hwaddr, inet, inet6}]} (9.x adds {@code ip-addresses}). */
  static List<GuestInterface> lxcInterfaces(JsonNode d) {
    List<GuestInterface> out = new ArrayList<>();
    for (JsonNode i : Json.items(d)) {
      List<String> addresses = new ArrayList<>();
      Json.text(i, "inet").ifPresent(addresses::add);
      Json.text(i, "inet6").ifPresent(addresses::add);
      if (addresses.isEmpty()) {
        for (JsonNode a : i.path("ip-addresses")) {
          addresses.add(
              a.path("ip-address").asText()
                  + (a.has("prefix") ? "/" + a.path("prefix").asText() : ""));
        }
      }
      out.add(
          ImmutableGuestInterface.builder()
              .name(Json.requiredText(i, "name", "container interface"))
              .hardwareAddress(Json.text(i, "hwaddr").or(() -> Json.text(i, "hardware-address")))
              .ipAddresses(addresses)
              .build());
    }
    return out;
  }

  /** The UPID asked about wins over the body's copy (mocks have been seen to mangle it). */
  static TaskStatus taskStatus(JsonNode d, Upid asked) {
    return ImmutableTaskStatus.builder()
        .upid(asked)
        .status(Json.requiredText(d, "status", "task status"))
        .exitStatus(Json.text(d, "exitstatus"))
        .build();
  }

  static TaskSummary taskSummary(JsonNode d) {
    return ImmutableTaskSummary.builder()
        .upid(Json.required(d, "upid", "task", Upid::parse))
        .status(Json.text(d, "status"))
        .endTime(Json.integer(d, "endtime").map(Instant::ofEpochSecond))
        .build();
  }

  static TaskLogLine logLine(JsonNode d) {
    return ImmutableTaskLogLine.builder()
        .number(Json.integer(d, "n").orElse(0L))
        .text(Json.text(d, "t").orElse(""))
        .build();
  }

  static PoolInfo pool(JsonNode d) {
    return ImmutablePoolInfo.builder()
        .poolId(Json.requiredText(d, "poolid", "pool"))
        .comment(Json.text(d, "comment"))
        .members(Json.items(d.path("members")))
        .build();
  }

  /** A config object: scalars as text, arrays/objects (LXC raw {@code lxc} keys) as JSON text. */
  static java.util.Map<String, String> config(JsonNode d) {
    java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
    d.properties()
        .forEach(
            e -> {
              JsonNode v = e.getValue();
              if (!v.isNull()) {
                values.put(e.getKey(), v.isContainerNode() ? v.toString() : v.asText());
              }
            });
    return values;
  }

  static Permissions permissions(JsonNode d) {
    java.util.Map<String, java.util.Map<String, Boolean>> byPath = new java.util.TreeMap<>();
    d.properties()
        .forEach(
            path -> {
              java.util.Map<String, Boolean> privileges = new java.util.TreeMap<>();
              path.getValue()
                  .properties()
                  .forEach(p -> privileges.put(p.getKey(), Json.flag(path.getValue(), p.getKey())));
              byPath.put(path.getKey(), privileges);
            });
    return ImmutablePermissions.of(byPath);
  }

  static <T> List<T> list(JsonNode data, java.util.function.Function<JsonNode, T> mapper) {
    List<T> out = new ArrayList<>();
    List<JsonNode> items = Json.items(data);
    for (int i = 0; i < items.size(); i++) {
      try {
        out.add(mapper.apply(items.get(i)));
      } catch (RuntimeException e) {
        throw ResponseShapeException.inEntry(i, e);
      }
    }
    return out;
  }
}
