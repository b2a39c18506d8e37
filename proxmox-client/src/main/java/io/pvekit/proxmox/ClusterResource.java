package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of {@code GET /cluster/resources}: a VM ({@code qemu}), container ({@code lxc}), node,
 * storage, pool or SDN zone. Fields that do not apply to a type are empty; {@link #raw()} has
 * everything the server sent.
 */
@Value.Immutable
public interface ClusterResource {
  /** E.g. {@code qemu/100}, {@code node/pve1}, {@code storage/pve1/local}. */
  String id();

  /** {@code qemu}, {@code lxc}, {@code node}, {@code storage}, {@code pool}, {@code sdn}, ... */
  String type();

  Optional<NodeName> node();

  Optional<VmId> vmid();

  Optional<String> name();

  /** E.g. {@code running}, {@code stopped}, {@code online}, {@code available}. */
  Optional<String> status();

  Optional<String> storage();

  Optional<String> pool();

  boolean template();

  Optional<Double> cpu();

  Optional<Long> maxCpu();

  Optional<Long> mem();

  Optional<Long> maxMem();

  Optional<Long> disk();

  Optional<Long> maxDisk();

  Optional<Long> uptime();

  List<String> tags();

  /** The entry as received. */
  @Value.Auxiliary
  JsonNode raw();

  /** The {@code type} filter of {@code GET /cluster/resources}. */
  enum Kind {
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
