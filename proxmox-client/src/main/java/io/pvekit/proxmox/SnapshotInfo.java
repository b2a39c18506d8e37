package io.pvekit.proxmox;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code GET .../snapshot}: a snapshot, or {@code current} (the running state). */
@Value.Immutable
public interface SnapshotInfo {
  /** The snapshot name; {@code current} is the guest's present state. */
  String name();

  Optional<String> description();

  /** The snapshot this one was taken on top of. */
  Optional<String> parent();

  /** When it was taken (absent for {@code current}). */
  Optional<Instant> time();

  /** Whether the VM's RAM was saved with it (QEMU). */
  boolean vmState();

  /** Whether this entry is the present state rather than a snapshot. */
  @Value.Derived
  default boolean isCurrent() {
    return name().equals("current");
  }
}
