package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/** {@code GET /nodes/{node}/storage/{storage}/content/{volume}}: one volume's attributes. */
@Value.Immutable
public interface VolumeInfo {
  /** The path on the node (or the storage's URL for network storages). */
  Optional<String> path();

  /** The size in bytes. */
  Optional<Long> size();

  /** The bytes actually used (thin volumes). */
  Optional<Long> used();

  /** E.g. {@code raw}, {@code qcow2}, {@code subvol}, {@code iso}. */
  Optional<String> format();

  /** Notes, when the storage keeps them (backups, ISOs, templates). */
  Optional<String> notes();

  /** Whether the volume is protected from removal. */
  boolean isProtected();
}
