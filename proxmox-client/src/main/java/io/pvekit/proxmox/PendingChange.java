package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One key of {@code GET .../pending} or {@code GET .../cloudinit}: its current value and the value
 * (or removal) waiting for the next start or cloud-init regeneration.
 */
@Value.Immutable
public interface PendingChange {
  /** The config key, e.g. {@code memory}, {@code ipconfig0}. */
  String key();

  /** The value in effect now. */
  Optional<String> value();

  /** The value that takes effect next. */
  Optional<String> pending();

  /** Whether removing the key is pending. */
  boolean deletePending();

  /** Whether anything about this key is waiting. */
  @Value.Derived
  default boolean isPending() {
    return deletePending() || (pending().isPresent() && !pending().equals(value()));
  }
}
