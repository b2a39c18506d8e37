package io.pvekit.checks.internal.platform;

import static io.pvekit.checks.internal.platform.Def.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.checks.Check;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckOutcome;
import io.pvekit.checks.Evidence;
import io.pvekit.checks.Severity;
import io.pvekit.proxmox.ClusterResource;
import io.pvekit.proxmox.ClusterStatusEntry;
import io.pvekit.proxmox.NetworkInterface;
import io.pvekit.proxmox.NodeSummary;
import io.pvekit.proxmox.Permissions;
import io.pvekit.proxmox.ProxmoxNoResponseException;
import io.pvekit.proxmox.ProxmoxVersion;
import io.pvekit.proxmox.TaskSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Proxmox VE: API, version, quorum, nodes, storage, bridges, templates, token, time, tasks. */
public final class ProxmoxChecks {
  private static final String API = "proxmox.api-reachable";

  private ProxmoxChecks() {}

  /**
   * The checks.
   *
   * @return the checks
   */
  public static List<Check> all() {
    return List.of(
        check(
            API,
            Severity.CRITICAL,
            "Proxmox VE API reachable",
            "Calls GET /version. Nothing else on the platform can be provisioned without the API.",
            "Check the URL (https://HOST:8006), that pveproxy runs (systemctl status pveproxy) and"
                + " the network path from here.",
            ProxmoxChecks::apiReachable),
        check(
            "proxmox.version-supported",
            Severity.HIGH,
            "Proxmox VE version supported",
            "Compares the API's version with the lowest supported one (settings:"
                + " minimumPveVersion). Older releases lack API fields pvekit relies on.",
            "Upgrade Proxmox VE (pve8to9 / apt dist-upgrade) to a supported release.",
            ProxmoxChecks::versionSupported,
            API),
        check(
            "proxmox.cluster-quorate",
            Severity.CRITICAL,
            "Cluster has quorum",
            "Reads GET /cluster/status. Without quorum /etc/pve is read-only: no guest can be"
                + " created, started or changed.",
            "Bring nodes back online or fix corosync links (pvecm status); never set expected"
                + " votes lower on a split cluster.",
            ProxmoxChecks::quorate,
            API),
        check(
            "proxmox.nodes-online",
            Severity.CRITICAL,
            "All nodes online",
            "Reads GET /nodes. Guests on an offline node are unreachable and cannot be migrated.",
            "Start the node or repair its network; check pve-cluster and corosync on it.",
            ProxmoxChecks::nodesOnline,
            API),
        check(
            "proxmox.node-memory",
            Severity.MEDIUM,
            "Nodes have free memory",
            "Reads each node's memory use from GET /nodes. Above 95% new guests fail to start"
                + " (QEMU exits with code 1) and the OOM killer may stop running ones.",
            "Stop or migrate guests, add memory, or lower guest memory (balloon).",
            ProxmoxChecks::nodeMemory,
            API),
        check(
            "proxmox.storage-active",
            Severity.HIGH,
            "Storages active",
            "Reads GET /nodes/{node}/storage on every online node. An enabled storage that is not"
                + " active cannot hold disks or templates.",
            "Check the storage's backend (mount, NFS/Ceph reachability, LVM VG) with pvesm status.",
            ProxmoxStorage::storageActive,
            API),
        check(
            "proxmox.storage-free-space",
            Severity.HIGH,
            "Storages have free space",
            "Compares used and total space of every active storage with minimumFreeStoragePercent"
                + " (fail below it, warn below twice it). A full thin pool corrupts guest disks.",
            "Free space (remove unused disks, old backups) or grow the storage.",
            ProxmoxStorage::storageFree,
            API),
        check(
            "proxmox.image-storage-present",
            Severity.HIGH,
            "A storage for VM disks exists",
            "Looks for an active storage whose content includes images on every online node;"
                + " clones and new disks need one.",
            "Add a storage with content 'images' (Datacenter > Storage) or enable it on the node.",
            ProxmoxStorage::imageStorage,
            API),
        check(
            "proxmox.bridges-present",
            Severity.HIGH,
            "Network bridges present",
            "Reads GET /nodes/{node}/network?type=any_bridge and looks for every bridge in"
                + " settings requiredBridges, active. Guests attach their NICs to these bridges.",
            "Create the bridge in /etc/network/interfaces (or the UI) and ifreload -a.",
            ProxmoxChecks::bridges,
            API),
        check(
            "proxmox.vm-templates-present",
            Severity.HIGH,
            "VM templates present",
            "Lists QEMU guests marked as templates in GET /cluster/resources; CAPMOX clones worker"
                + " VMs from them (settings vmTemplates names them; empty means at least one).",
            "Build the template (e.g. image-builder) and convert it with qm template VMID.",
            ProxmoxStorage::vmTemplates,
            API),
        check(
            "proxmox.token-privileges",
            Severity.HIGH,
            "API token privileges sufficient",
            "Reads GET /access/permissions for the caller and looks for every privilege in"
                + " requiredPrivileges on /. A token with privilege separation holds only what was"
                + " granted to the token itself.",
            "Grant a role with the missing privileges: pveum acl modify / --roles PVEVMAdmin"
                + " --tokens 'USER@REALM!TOKEN'.",
            ProxmoxChecks::tokenPrivileges,
            API),
        check(
            "proxmox.time-skew",
            Severity.MEDIUM,
            "Node clocks in sync",
            "Reads GET /nodes/{node}/time and compares it with this machine's clock (settings"
                + " maximumTimeSkew). Skewed clocks break tickets, certificates and etcd leases.",
            "Run chrony/ntp on every node (timedatectl, chronyc tracking).",
            ProxmoxChecks::timeSkew,
            API),
        check(
            "proxmox.guests-unlocked",
            Severity.MEDIUM,
            "No guest stuck with a lock",
            "Reads the guests in GET /cluster/resources and reports those holding a lock (backup, clone,"
                + " migrate, ...). A stale lock blocks every change to the guest.",
            "Wait for the task holding it; if none runs, qm unlock VMID / pct unlock VMID.",
            ProxmoxChecks::guestsUnlocked,
            API),
        check(
            "proxmox.recent-tasks-ok",
            Severity.LOW,
            "Recent tasks succeeded",
            "Reads GET /cluster/tasks and reports finished tasks whose exit status is neither OK"
                + " nor WARNINGS. Repeated failures point at storage or template problems.",
            "Read the task log (GET /nodes/{node}/tasks/{upid}/log or the UI) and fix its cause.",
            ProxmoxChecks::recentTasks,
            API),
        check(
            "proxmox.node-versions-consistent",
            Severity.LOW,
            "Nodes run the same version",
            "Reads pveversion from GET /nodes/{node}/status of every online node. Mixed versions"
                + " are only supported during an upgrade.",
            "Finish the upgrade on every node (apt dist-upgrade).",
            ProxmoxChecks::versionsConsistent,
            API));
  }

  static CheckOutcome apiReachable(CheckContext c) {
    long start = System.nanoTime();
    try {
      ProxmoxVersion v = c.proxmox().version();
      long ms = (System.nanoTime() - start) / 1_000_000;
      return CheckOutcome.pass(
          "Proxmox VE " + v.version() + " answered in " + ms + " ms",
          Evidence.ok("GET /version", v.version()));
    } catch (ProxmoxNoResponseException e) {
      return CheckOutcome.fail(
          "the API did not answer: " + e.getMessage(),
          Evidence.problem("GET /version", "no response"));
    }
  }

  static CheckOutcome versionSupported(CheckContext c) {
    String v = c.proxmox().version().version();
    String min = c.settings().minimumPveVersion();
    boolean ok = compare(v, min) >= 0;
    Evidence e =
        ok
            ? Evidence.ok("version", v + " >= " + min)
            : Evidence.problem("version", v + " < " + min);
    return ok
        ? CheckOutcome.pass("Proxmox VE " + v + " is supported", e)
        : CheckOutcome.fail("Proxmox VE " + v + " is older than " + min, e);
  }

  static int compare(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? leadingInt(x[i]) : 0;
      int q = i < y.length ? leadingInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static int leadingInt(String s) {
    int end = 0;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(s.substring(0, end));
  }

  static CheckOutcome quorate(CheckContext c) {
    List<ClusterStatusEntry> status = c.proxmox().cluster().status();
    for (ClusterStatusEntry e : status) {
      if (e.type().equals("cluster")) {
        boolean q = e.quorate().orElse(false);
        Evidence ev =
            Evidence.of(
                "cluster " + e.name(), "quorate=" + q + ", nodes=" + e.nodes().orElse(0L), !q);
        return q
            ? CheckOutcome.pass("cluster " + e.name() + " is quorate", ev)
            : CheckOutcome.fail("cluster " + e.name() + " has lost quorum", ev);
      }
    }
    return CheckOutcome.pass(
        "a standalone node: no cluster, quorum is implicit",
        Evidence.ok("cluster", "none (" + status.size() + " node entry)"));
  }

  static CheckOutcome nodesOnline(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (NodeSummary n : Pve.nodes(c)) {
      out.check(n.status().equals("online"), "node " + n.node(), n.status());
    }
    if (out.size() == 0) {
      return CheckOutcome.notEvaluated(Pve.NO_NODES);
    }
    return out.failIfAny("all " + out.size() + " nodes are online", "%d nodes are not online");
  }

  static CheckOutcome nodeMemory(CheckContext c) throws Exception {
    Pve.onlineNodes(c);
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (NodeSummary n : Pve.nodes(c)) {
      if (n.mem().isEmpty() || n.maxMem().isEmpty() || n.maxMem().get() == 0) {
        continue;
      }
      long pct = n.mem().get() * 100 / n.maxMem().get();
      out.check(pct < 95, "node " + n.node(), pct + "% of memory used");
    }
    return out.failIfAny("every node has memory to spare", "%d nodes use over 95% of memory");
  }

  static CheckOutcome bridges(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    List<String> nodes = Pve.onlineNodes(c);
    List<List<NetworkInterface>> all = Parallel.map(nodes, n -> c.proxmox().node(n).bridges());
    for (int n = 0; n < nodes.size(); n++) {
      String node = nodes.get(n);
      Map<String, NetworkInterface> byName =
          all.get(n).stream()
              .collect(Collectors.toMap(NetworkInterface::iface, i -> i, (a, b) -> a));
      for (String bridge : c.settings().requiredBridges()) {
        NetworkInterface i = byName.get(bridge);
        out.check(
            i != null && i.active(),
            "bridge " + node + "/" + bridge,
            i == null ? "missing" : i.active() ? "active, ports " + i.bridgePorts() : "inactive");
      }
    }
    return out.failIfAny(
        "every node has " + c.settings().requiredBridges(), "%d bridges are missing or inactive");
  }

  static CheckOutcome tokenPrivileges(CheckContext c) {
    Permissions p = c.proxmox().access().permissions();
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (String privilege : c.settings().requiredPrivileges()) {
      boolean has = p.has("/", privilege);
      out.check(has, "privilege " + privilege, has ? "granted on /" : "missing on /");
    }
    return out.failIfAny(
        "the token holds every required privilege", "the token lacks %d privileges");
  }

  static CheckOutcome timeSkew(CheckContext c) throws Exception {
    Duration max = c.settings().maximumTimeSkew();
    CheckOutcome.Collector out = CheckOutcome.collect();
    List<String> nodes = Pve.onlineNodes(c);
    List<JsonNode> times = Parallel.map(nodes, n -> c.proxmox().raw().get("/nodes/" + n + "/time"));
    for (int n = 0; n < nodes.size(); n++) {
      String node = nodes.get(n);
      JsonNode t = times.get(n);
      long nodeTime = t.path("time").asLong();
      Duration skew = Duration.between(Instant.ofEpochSecond(nodeTime), c.clock().instant()).abs();
      out.check(
          skew.compareTo(max.plusSeconds(1)) <= 0,
          "node " + node,
          "clock differs by " + skew.toSeconds() + " s (limit " + max.toSeconds() + " s)");
    }
    return out.failIfAny("every node's clock is in sync", "%d nodes' clocks are off");
  }

  static CheckOutcome guestsUnlocked(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    List<ClusterResource> guests = Pve.guests(c);
    for (ClusterResource g : guests) {
      String lock = g.raw().path("lock").asText("");
      if (!lock.isEmpty()) {
        out.problem(
            g.type()
                + " "
                + g.node().map(String::valueOf).orElse("?")
                + "/"
                + g.vmid().map(String::valueOf).orElse("?"),
            "locked: " + lock);
      }
    }
    out.ok("guests", guests.size() + " guests in /cluster/resources");
    return out.failIfAny("no guest holds a lock", "%d guests are locked");
  }

  static CheckOutcome recentTasks(CheckContext c) {
    List<TaskSummary> tasks = c.proxmox().cluster().tasks();
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (TaskSummary t : tasks) {
      String s = t.status().orElse("running");
      if (t.endTime().isPresent() && !s.equals("OK") && !s.startsWith("WARNINGS")) {
        out.problem("task " + t.upid(), s);
      }
    }
    out.ok("tasks", tasks.size() + " recent tasks");
    return out.failIfAny("no recent task failed", "%d recent tasks failed");
  }

  static CheckOutcome versionsConsistent(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    Set<String> versions = new java.util.TreeSet<>();
    List<String> nodes = Pve.onlineNodes(c);
    List<String> each =
        Parallel.map(nodes, n -> c.proxmox().node(n).status().pveVersion().orElse("unknown"));
    for (int n = 0; n < nodes.size(); n++) {
      String node = nodes.get(n);
      String v = each.get(n);
      versions.add(v);
      out.ok("node " + node, v);
    }
    if (versions.size() > 1) {
      out.problem("versions", versions.toString());
    }
    return out.failIfAny("every node runs " + versions, "nodes run different versions");
  }
}
