package io.pvekit.proxmox.simulator.internal.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Everything the simulated cluster knows. One lock (this object's monitor) guards all of it:
 * handlers and task completions run their whole read-check-write step inside {@code synchronized
 * (world)}, so every API call sees a consistent cluster.
 */
public final class World {
  /** The QEMU version running guests report and new VMs record in {@code meta}. */
  public static final String QEMU_VERSION = "10.1.2";

  private final SimClock clock;
  private final Random random;
  private final AccessControl access = new AccessControl();
  private final Map<String, NodeState> nodes = new LinkedHashMap<>();
  private final TreeMap<Integer, Guest> guests = new TreeMap<>();
  private final Map<String, Pool> pools = new TreeMap<>();
  private final Map<String, TaskRecord> tasks = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> haResources = new TreeMap<>();
  private final Backups backups = new Backups();
  private final OciRegistry ociRegistry = new OciRegistry();
  private final Firewalls firewalls = new Firewalls();
  private final SdnConfig sdn = new SdnConfig();
  private final Map<String, Map<String, String>> haRules = new LinkedHashMap<>();
  private final Duration taskDuration;
  private final String clusterName;
  private Duration agentBootDelay = Duration.ZERO;
  private int agentBootCalls;
  private long nextPid;
  private long version;

  /** An empty world. */
  public World(SimClock clock, long seed, Duration taskDuration, String clusterName) {
    this.clock = clock;
    this.random = new Random(seed);
    this.taskDuration = taskDuration;
    this.clusterName = clusterName;
    this.nextPid = 0x1000 + random.nextInt(0x10000);
  }

  public SimClock clock() {
    return clock;
  }

  public AccessControl access() {
    return access;
  }

  /** The OCI images the simulated registries hold, and the templates pulled from them. */
  public OciRegistry ociRegistry() {
    return ociRegistry;
  }

  public Map<String, NodeState> nodes() {
    return nodes;
  }

  public TreeMap<Integer, Guest> guests() {
    return guests;
  }

  public Map<String, Pool> pools() {
    return pools;
  }

  /** HA resources by SID ({@code vm:100}, {@code ct:200}): their settings as PVE stores them. */
  public Map<String, Map<String, String>> haResources() {
    return haResources;
  }

  /** The HA resource of a guest, or null. */
  public Map<String, String> haResource(int vmid) {
    Map<String, String> vm = haResources.get("vm:" + vmid);
    return vm != null ? vm : haResources.get("ct:" + vmid);
  }

  /** Whether the HA manager manages a guest. */
  public boolean haManaged(int vmid) {
    return haResource(vmid) != null;
  }

  /** Backup archives and scheduled backup jobs. */
  public Backups backups() {
    return backups;
  }

  /** HA rules (PVE 9) by id, in the order they were created. */
  public Map<String, Map<String, String>> haRules() {
    return haRules;
  }

  /** The firewall files of the cluster and its guests. */
  public Firewalls firewalls() {
    return firewalls;
  }

  /** The SDN configuration: what is written and what runs. */
  public SdnConfig sdn() {
    return sdn;
  }

  public Map<String, TaskRecord> tasks() {
    return tasks;
  }

  /**
   * How long the QEMU guest agent stays unreachable after a VM starts: a time on the simulator's
   * clock and a number of agent calls, whichever lasts longer.
   */
  public void agentBoot(Duration delay, int calls) {
    this.agentBootDelay = delay;
    this.agentBootCalls = calls;
  }

  public Duration agentBootDelay() {
    return agentBootDelay;
  }

  public int agentBootCalls() {
    return agentBootCalls;
  }

  public Duration taskDuration() {
    return taskDuration;
  }

  public String clusterName() {
    return clusterName;
  }

  /** A counter bumped on every change, for caches. */
  public long version() {
    return version;
  }

  /** Records that something changed. */
  public void changed() {
    version++;
  }

  /** The node, or PVE's error for a host it cannot resolve. */
  public NodeState node(String name) {
    NodeState node = nodes.get(name);
    if (node == null) {
      throw new SimulatorError(
          "hostname lookup '"
              + name
              + "' failed - failed to get address info for: "
              + name
              + ": Name or service not known");
    }
    return node;
  }

  /** The guest of that type on that node, or PVE's missing-config error. */
  public Guest guest(String node, int vmid, GuestType type) {
    node(node);
    Guest guest = guests.get(vmid);
    if (guest == null || guest.type() != type || !guest.node().equals(node)) {
      throw new SimulatorError(
          "Configuration file 'nodes/"
              + node
              + "/"
              + type.configDir()
              + "/"
              + vmid
              + ".conf' does not exist");
    }
    return guest;
  }

  /** The storage on that node, or PVE's error. */
  public StorageState storage(String node, String id) {
    StorageState storage = node(node).storages().get(id);
    if (storage == null) {
      throw new SimulatorError("storage '" + id + "' does not exist");
    }
    return storage;
  }

  /** The lowest free VMID from 100. */
  public int nextFreeVmid() {
    for (int id = 100; ; id++) {
      if (!guests.containsKey(id)) {
        return id;
      }
    }
  }

  /** Fails the way PVE does when a VMID is taken. */
  public void checkVmidUnused(int vmid) {
    Guest existing = guests.get(vmid);
    if (existing != null) {
      throw new SimulatorError(
          existing.type().label()
              + " "
              + vmid
              + " already exists on node '"
              + existing.node()
              + "'");
    }
  }

  /** The pools a guest belongs to (zero or one). */
  public List<String> poolsOf(Guest guest) {
    return guest == null || guest.pool() == null ? List.of() : List.of(guest.pool());
  }

  /** The pools a storage belongs to. */
  public List<String> poolsOfStorage(String storage) {
    List<String> result = new ArrayList<>();
    pools
        .values()
        .forEach(
            p -> {
              if (p.storages().contains(storage)) {
                result.add(p.id());
              }
            });
    return result;
  }

  /** A locally administered unicast MAC in Proxmox's {@code BC:24:11} range. */
  public String newMac() {
    return String.format(
        Locale.ROOT,
        "BC:24:11:%02X:%02X:%02X",
        random.nextInt(256),
        random.nextInt(256),
        random.nextInt(256));
  }

  /** A random (version 4) UUID from the seeded stream, as qemu-server's {@code generate_uuid}. */
  public String newUuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(high, low).toString();
  }

  /** The {@code meta} value qemu-server writes for a VM created or cloned now. */
  public String newMeta() {
    return "creation-qemu=" + QEMU_VERSION + ",ctime=" + clock.epochSecond();
  }

  /** A fresh UPID for a worker started now on {@code node}. */
  public Upid newUpid(String node, String type, String id, String user) {
    long now = clock.epochSecond();
    long pid = nextPid++;
    long pstart = node(node).uptime(now) * 100 + (pid & 0xff);
    return new Upid(node, pid, pstart, now, type, id, user);
  }

  /** Removes a guest and frees its volumes and pool membership. */
  public void destroyGuest(Guest guest) {
    for (String volid : guest.volumes().values()) {
      freeVolume(guest.node(), volid);
    }
    if (guest.pool() != null && pools.containsKey(guest.pool())) {
      pools.get(guest.pool()).vms().remove(guest.vmid());
    }
    guests.remove(guest.vmid());
    changed();
  }

  /** Frees a volume if it exists. */
  public void freeVolume(String node, String volid) {
    int colon = volid.indexOf(':');
    if (colon < 0 || !nodes.containsKey(node)) {
      return;
    }
    StorageState storage = nodes.get(node).storages().get(volid.substring(0, colon));
    if (storage != null) {
      storage.remove(volid.substring(colon + 1));
    }
  }

  /** Memory in use on a node: the host plus running guests. */
  public long usedMemory(String node) {
    long used = NodeState.HOST_MEMORY;
    for (Guest g : guests.values()) {
      if (g.node().equals(node) && g.running()) {
        used += g.memoryBytes();
      }
    }
    return used;
  }
}
