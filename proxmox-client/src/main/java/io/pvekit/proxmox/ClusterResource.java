package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.RawJson;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of {@code GET /cluster/resources}: a VM ({@code qemu}), container ({@code lxc}), node,
 * storage, pool or SDN zone. Fields that do not apply to a type are empty; {@link #raw()} has
 * everything the server sent.
 */
@Value.Immutable
public abstract class ClusterResource {
  ClusterResource() {}

  /** E.g. {@code qemu/100}, {@code node/pve1}, {@code storage/pve1/local}. */
  public abstract String id();

  /** {@code qemu}, {@code lxc}, {@code node}, {@code storage}, {@code pool}, {@code sdn}, ... */
  public abstract String type();

  public abstract Optional<NodeName> node();

  public abstract Optional<VmId> vmid();

  public abstract Optional<String> name();

  /** E.g. {@code running}, {@code stopped}, {@code online}, {@code available}. */
  public abstract Optional<String> status();

  public abstract Optional<String> storage();

  public abstract Optional<String> pool();

  public abstract boolean template();

  public abstract Optional<Double> cpu();

  public abstract Optional<Long> maxCpu();

  public abstract Optional<Long> mem();

  public abstract Optional<Long> maxMem();

  public abstract Optional<Long> disk();

  public abstract Optional<Long> maxDisk();

  public abstract Optional<Long> uptime();

  public abstract List<String> tags();

  /**
   * The entry as received (read into a tree on the first call; {@link ClusterApi#resources()} keeps
   * only the entry's bytes until then).
   *
   * @return the entry's JSON object
   */
  public JsonNode raw() {
    return received().tree();
  }

  @Value.Auxiliary
  abstract RawJson received();

  /** The {@code type} filter of {@code GET /cluster/resources}. */
  public enum Kind {
    /** QEMU VMs and LXC containers. */
    VM,
    STORAGE,
    NODE,
    SDN;

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
