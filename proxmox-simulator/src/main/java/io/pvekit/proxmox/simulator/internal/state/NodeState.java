package io.pvekit.proxmox.simulator.internal.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A cluster node: CPUs, memory, local storages and network interfaces. */
public final class NodeState {
  /** Memory the host itself uses, outside any guest. */
  public static final long HOST_MEMORY = 2L * 1024 * 1024 * 1024;

  /** A network interface of the node. */
  public record Iface(
      String name,
      String type,
      String address,
      String netmask,
      String gateway,
      String bridgePorts,
      String comments) {}

  private final String name;
  private final int cpus;
  private final long memory;
  private final long bootEpoch;
  private final String ip;
  private final Map<String, StorageState> storages = new LinkedHashMap<>();
  private final List<Iface> network;

  /** A node with the given size, booted at {@code bootEpoch}. */
  public NodeState(
      String name, int cpus, long memory, long bootEpoch, String ip, List<Iface> network) {
    this.name = name;
    this.cpus = cpus;
    this.memory = memory;
    this.bootEpoch = bootEpoch;
    this.ip = ip;
    this.network = List.copyOf(network);
  }

  public String name() {
    return name;
  }

  public int cpus() {
    return cpus;
  }

  public long memory() {
    return memory;
  }

  public long bootEpoch() {
    return bootEpoch;
  }

  public String ip() {
    return ip;
  }

  public Map<String, StorageState> storages() {
    return storages;
  }

  public List<Iface> network() {
    return network;
  }

  /** Seconds since boot. */
  public long uptime(long now) {
    return Math.max(0, now - bootEpoch);
  }
}
