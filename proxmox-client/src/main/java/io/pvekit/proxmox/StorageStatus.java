package io.pvekit.proxmox;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code GET /nodes/{node}/storage}: a storage as one node sees it. */
@Value.Immutable
public interface StorageStatus {
  StorageId storage();

  /** E.g. {@code dir}, {@code lvmthin}, {@code zfspool}, {@code rbd}, {@code nfs}. */
  String type();

  /** Content types, e.g. {@code [images, rootdir]} or {@code [iso, vztmpl, backup]}. */
  List<String> content();

  boolean active();

  boolean enabled();

  boolean shared();

  Optional<Long> total();

  Optional<Long> used();

  Optional<Long> available();
}
