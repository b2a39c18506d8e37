package io.pvekit.proxmox.simulator.internal.state;

import io.pvekit.proxmox.simulator.internal.schema.LxcSchema;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.schema.QemuSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A QEMU VM or LXC container: its config (as PVE stores it, strings) and its runtime state. */
public final class Guest {
  private static final Pattern QEMU_DISK =
      Pattern.compile("(ide|sata|scsi|virtio)\\d+|efidisk0|tpmstate0|unused\\d+");
  private static final Pattern LXC_DISK = Pattern.compile("rootfs|mp\\d+|unused\\d+");

  private final int vmid;
  private final GuestType type;
  private String node;
  private final Map<String, String> config = new LinkedHashMap<>();
  private String status = "stopped";
  private long startedAt;
  private long pid;
  private String pool;
  private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
  private AgentState agent = new AgentState();
  private String fileLockHolder;
  private final Map<String, String> cloudInitChanges = new TreeMap<>();
  private int sharedFileLocks;

  /** A new, stopped guest. */
  public Guest(int vmid, GuestType type, String node) {
    this.vmid = vmid;
    this.type = type;
    this.node = node;
  }

  public int vmid() {
    return vmid;
  }

  public GuestType type() {
    return type;
  }

  public String node() {
    return node;
  }

  public void node(String newNode) {
    this.node = newNode;
  }

  /** The live config; callers hold the world's lock. */
  public Map<String, String> config() {
    return config;
  }

  public String status() {
    return status;
  }

  public boolean running() {
    return status.equals("running");
  }

  /** Marks it running since {@code epochSecond} with a worker pid. */
  public void markRunning(long epochSecond, long newPid) {
    if (!running()) {
      agent = new AgentState();
    }
    status = "running";
    startedAt = epochSecond;
    pid = newPid;
  }

  public void markStopped() {
    status = "stopped";
    startedAt = 0;
    pid = 0;
  }

  /** Snapshots by name, oldest first; callers hold the world's lock. */
  public Map<String, Snapshot> snapshots() {
    return snapshots;
  }

  /**
   * qemu-server's {@code [special:cloudinit]} section: the values the cloud-init drive was last
   * generated from, for keys changed since (and {@code added}); callers hold the world's lock.
   */
  public Map<String, String> cloudInitChanges() {
    return cloudInitChanges;
  }

  /** The guest agent's state since the last start. */
  public AgentState agent() {
    return agent;
  }

  public long startedAt() {
    return startedAt;
  }

  public long pid() {
    return pid;
  }

  public String pool() {
    return pool;
  }

  public void pool(String newPool) {
    this.pool = newPool;
  }

  public boolean template() {
    return "1".equals(config.get("template"));
  }

  /** The config lock ({@code clone}, {@code create}, ...), or null. */
  public String lock() {
    return config.get("lock");
  }

  /** The display name: QEMU {@code name}, LXC {@code hostname}. */
  public String name() {
    if (type == GuestType.QEMU) {
      return config.getOrDefault("name", "VM " + vmid);
    }
    return config.getOrDefault("hostname", "CT" + vmid);
  }

  /** Configured memory in bytes (PVE's default is 512 MiB). */
  public long memoryBytes() {
    String memory = config.get("memory");
    long mib = 512;
    if (memory != null) {
      String current =
          type == GuestType.QEMU
              ? PropertyStrings.parseLenient(QemuSchema.MEMORY, memory).get("current")
              : memory;
      try {
        mib = Long.parseLong(current);
      } catch (NumberFormatException e) {
        mib = 512;
      }
    }
    return mib * 1024 * 1024;
  }

  /** Configured CPUs. */
  public int cpus() {
    int cores = intValue("cores", 1);
    return type == GuestType.QEMU ? cores * intValue("sockets", 1) : cores;
  }

  private int intValue(String key, int fallback) {
    try {
      return Integer.parseInt(config.getOrDefault(key, Integer.toString(fallback)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Whether a config key holds a volume. */
  public boolean isDiskKey(String key) {
    return (type == GuestType.QEMU ? QEMU_DISK : LXC_DISK).matcher(key).matches();
  }

  /** The volumes the config references, by config key, excluding CD-ROMs and host paths. */
  public Map<String, String> volumes() {
    Map<String, String> volumes = new TreeMap<>();
    for (Map.Entry<String, String> e : config.entrySet()) {
      if (isDiskKey(e.getKey())) {
        String volid = volumeOf(e.getValue());
        if (volid != null) {
          volumes.put(e.getKey(), volid);
        }
      }
    }
    return volumes;
  }

  /** The volume id in a disk value, or null for a CD-ROM, {@code none} or a host path. */
  public static String volumeOf(String diskValue) {
    String first = diskValue.split(",", 2)[0];
    if (first.contains("=")) {
      first = first.substring(first.indexOf('=') + 1);
    }
    boolean cdrom = diskValue.contains("media=cdrom") && !isCloudInitVolume(first);
    if (cdrom || first.equals("none") || first.startsWith("/")) {
      return null;
    }
    return first.contains(":") ? first : null;
  }

  /** Whether a volume id names a cloud-init drive ({@code vm-<vmid>-cloudinit}). */
  public static boolean isCloudInitVolume(String volid) {
    return volid.matches("[^:]+:(.*/)?vm-\\d+-cloudinit(\\.\\w+)?");
  }

  /** Property-string format of a disk key, for rewriting values. */
  public static io.pvekit.proxmox.simulator.internal.schema.PropertyFormat diskFormat(
      GuestType type, String key) {
    if (type == GuestType.LXC) {
      return key.equals("rootfs") ? LxcSchema.ROOTFS : LxcSchema.MOUNT_POINT;
    }
    if (key.startsWith("scsi")) {
      return QemuSchema.SCSI;
    }
    if (key.startsWith("virtio")) {
      return QemuSchema.VIRTIO;
    }
    if (key.startsWith("sata")) {
      return QemuSchema.SATA;
    }
    if (key.startsWith("ide")) {
      return QemuSchema.IDE;
    }
    return key.startsWith("unused") ? QemuSchema.UNUSED : QemuSchema.EFIDISK;
  }

  /** The SHA-1 of the config as PVE computes {@code digest} (over the file's text). */
  public String digest() {
    StringBuilder text = new StringBuilder();
    config.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Network config keys in index order. */
  public List<String> netKeys() {
    List<String> keys = new ArrayList<>();
    for (String key : config.keySet()) {
      if (key.matches("net\\d+")) {
        keys.add(key);
      }
    }
    keys.sort((a, b) -> Integer.compare(index(a), index(b)));
    return keys;
  }

  private static int index(String key) {
    return Integer.parseInt(key.replaceAll("\\D", ""));
  }

  /**
   * Takes the config file lock for a worker, exclusive or shared (template clones share it).
   *
   * @return false when another worker holds it
   */
  public boolean tryFileLock(String holder, boolean shared) {
    if (fileLockHolder != null) {
      return false;
    }
    if (shared) {
      sharedFileLocks++;
      return true;
    }
    if (sharedFileLocks > 0) {
      return false;
    }
    fileLockHolder = holder;
    return true;
  }

  /** Releases a lock taken with {@link #tryFileLock}. */
  public void releaseFileLock(String holder, boolean shared) {
    if (shared) {
      sharedFileLocks = Math.max(0, sharedFileLocks - 1);
    } else if (holder.equals(fileLockHolder)) {
      fileLockHolder = null;
    }
  }

  /** Whether a worker holds the config file lock. */
  public boolean fileLocked() {
    return fileLockHolder != null || sharedFileLocks > 0;
  }

  /** The path of the config file lock, for PVE's timeout message. */
  public String lockFile() {
    return "/var/lock/" + type.configDir() + "/lock-" + vmid + ".conf";
  }
}
