package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code GET /storage}: a storage as the cluster defines it (not its usage). */
@Value.Immutable
public interface StorageDefinition {
  StorageId storage();

  /** E.g. {@code dir}, {@code lvmthin}, {@code zfspool}, {@code nfs}, {@code pbs}. */
  String type();

  /** Content types it holds, e.g. {@code images}, {@code rootdir}, {@code iso}. */
  List<String> content();

  /** Whether every node sees the same storage. */
  boolean shared();

  /** Whether it is disabled cluster-wide. */
  boolean disabled();

  /** The nodes it is limited to; empty means every node. */
  List<String> nodes();

  /** The path of directory-like storages. */
  Optional<String> path();

  /** The entry as received. */
  @Value.Auxiliary
  JsonNode raw();
}
