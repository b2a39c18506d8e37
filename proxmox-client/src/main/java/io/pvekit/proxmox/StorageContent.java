package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/** One volume of {@code GET /nodes/{node}/storage/{storage}/content}. */
@Value.Immutable
public interface StorageContent {
  /** E.g. {@code local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst}. */
  String volid();

  /** {@code images}, {@code rootdir}, {@code iso}, {@code vztmpl}, {@code backup}, ... */
  String content();

  Optional<String> format();

  Optional<Long> size();

  Optional<Long> ctime();

  Optional<VmId> vmid();

  /** The first line of a backup's notes. */
  Optional<String> notes();

  /** A backup's guest kind: {@code qemu} or {@code lxc}. */
  Optional<String> subtype();

  /** Whether a backup is protected from pruning and removal. */
  @Value.Default
  default boolean isProtected() {
    return false;
  }
}
