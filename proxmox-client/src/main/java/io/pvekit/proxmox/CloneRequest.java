package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Parameters of {@code POST /nodes/{node}/qemu/{vmid}/clone}: a full copy or a linked clone (of a
 * template) with a new id, optionally on another node, storage and pool.
 *
 * <pre>{@code
 * CloneRequest.builder().newId(VmId.of(201)).name("web-1").full(true)
 *     .targetStorage(StorageId.of("local-lvm")).pool("tenants").build();
 * }</pre>
 */
@Value.Immutable
public abstract class CloneRequest {
  CloneRequest() {}

  /**
   * The id of the new VM ({@code newid}).
   *
   * @return the id
   */
  public abstract VmId newId();

  /**
   * The new VM's name ({@code name}).
   *
   * @return the name if set
   */
  public abstract Optional<String> name();

  /**
   * Full copy ({@code full=1}) or linked clone ({@code full=0}, templates only). PVE's default:
   * full for VMs, linked for templates.
   *
   * @return the choice if set
   */
  public abstract Optional<Boolean> full();

  /**
   * The node to create the clone on ({@code target}).
   *
   * @return the node if set
   */
  public abstract Optional<NodeName> targetNode();

  /**
   * The storage for a full clone's disks ({@code storage}).
   *
   * @return the storage if set
   */
  public abstract Optional<StorageId> targetStorage();

  /**
   * The pool to add the clone to ({@code pool}).
   *
   * @return the pool id if set
   */
  public abstract Optional<String> pool();

  /**
   * The disk format of a full clone ({@code format}: raw, qcow2, vmdk).
   *
   * @return the format if set
   */
  public abstract Optional<String> format();

  /**
   * The description ({@code description}).
   *
   * @return the description if set
   */
  public abstract Optional<String> description();

  /**
   * The snapshot to clone from ({@code snapname}).
   *
   * @return the snapshot if set
   */
  public abstract Optional<String> snapshot();

  /**
   * I/O bandwidth limit in KiB/s ({@code bwlimit}).
   *
   * @return the limit if set
   */
  public abstract Optional<Integer> bandwidthLimitKib();

  @Value.Check
  void check() {
    if (full().isPresent() && !full().get() && targetStorage().isPresent()) {
      throw new IllegalArgumentException(
          "targetStorage: "
              + targetStorage().get()
              + " needs a full clone (full=true); linked"
              + " clones stay on the template's storage");
    }
    if (format().isPresent()
        && !java.util.Set.of("raw", "qcow2", "vmdk").contains(format().get())) {
      throw new IllegalArgumentException(
          "format: '" + format().get() + "' is not one of raw, qcow2, vmdk");
    }
  }

  java.util.Map<String, Object> params() {
    java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
    p.put("newid", newId());
    name().ifPresent(v -> p.put("name", v));
    full().ifPresent(v -> p.put("full", v));
    targetNode().ifPresent(v -> p.put("target", v));
    targetStorage().ifPresent(v -> p.put("storage", v));
    pool().ifPresent(v -> p.put("pool", v));
    format().ifPresent(v -> p.put("format", v));
    description().ifPresent(v -> p.put("description", v));
    snapshot().ifPresent(v -> p.put("snapname", v));
    bandwidthLimitKib().ifPresent(v -> p.put("bwlimit", v));
    return p;
  }

  /**
   * A builder; {@link Builder#newId} is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CloneRequest}. */
  public static final class Builder extends ImmutableCloneRequest.Builder {
    Builder() {}
  }
}
