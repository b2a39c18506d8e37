package io.pvekit.capi;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A pool of worker VMs: one MachineDeployment, its ProxmoxMachineTemplate and its
 * KubeadmConfigTemplate. Nothing is checked here; {@link TenantCluster.Builder#build()} checks
 * everything at once and reports every problem.
 *
 * <pre>{@code
 * WorkerPool.builder().name("md-0").replicas(3).templateId(9000).sourceNode("pve1")
 *     .cores(4).memoryMiB(8192).diskGb(40).bridge("vmbr0").vlan(120).build();
 * }</pre>
 */
@Value.Immutable
public abstract class WorkerPool {
  WorkerPool() {}

  /**
   * The pool name (a DNS-1123 label); objects are named {@code <cluster>-<pool>}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * How many workers.
   *
   * @return the replica count, 1 unless set
   */
  @Value.Default
  public int replicas() {
    return 1;
  }

  /**
   * How many extra machines a rolling update creates at once (Cluster API's default {@code
   * maxSurge} of 1); counted when sizing the IP pool.
   *
   * @return the surge, 1 unless set
   */
  @Value.Default
  public int maxSurge() {
    return 1;
  }

  /**
   * The template VM ID to clone (needs {@link #sourceNode()}); exclusive with {@link
   * #templateTags()}.
   *
   * @return the VM ID if set
   */
  public abstract Optional<Integer> templateId();

  /**
   * Tags that select the template VM instead of an ID; exclusive with {@link #templateId()}.
   *
   * @return the tags, empty unless set
   */
  public abstract List<String> templateTags();

  /**
   * The node holding the template VM.
   *
   * @return the node if set
   */
  public abstract Optional<String> sourceNode();

  /**
   * CPU sockets.
   *
   * @return sockets, 1 unless set
   */
  @Value.Default
  public int sockets() {
    return 1;
  }

  /**
   * Cores per socket.
   *
   * @return cores, 2 unless set
   */
  @Value.Default
  public int cores() {
    return 2;
  }

  /**
   * Memory in MiB.
   *
   * @return memory, 4096 unless set
   */
  @Value.Default
  public int memoryMiB() {
    return 4096;
  }

  /**
   * Boot disk size in GB.
   *
   * @return the size, 20 unless set
   */
  @Value.Default
  public int diskGb() {
    return 20;
  }

  /**
   * The boot disk device.
   *
   * @return the device, {@code scsi0} unless set
   */
  @Value.Default
  public String bootDevice() {
    return "scsi0";
  }

  /**
   * The Proxmox bridge of {@code net0}.
   *
   * @return the bridge, {@code vmbr0} unless set
   */
  @Value.Default
  public String bridge() {
    return "vmbr0";
  }

  /**
   * The VLAN tag of {@code net0}.
   *
   * @return the tag if set
   */
  public abstract Optional<Integer> vlan();

  /**
   * The NIC model.
   *
   * @return {@code virtio} unless set
   */
  @Value.Default
  public String networkModel() {
    return "virtio";
  }

  /**
   * A builder; {@link Builder#name} is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link WorkerPool}. */
  public static final class Builder extends ImmutableWorkerPool.Builder {
    Builder() {}
  }
}
