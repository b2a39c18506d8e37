package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.immutables.value.Value;

/** {@code GET /nodes/{node}/qemu/{vmid}/migrate}: what PVE checked before a migration. */
@Value.Immutable
public interface MigrationCheck {
  /** Whether the VM runs (then migrate it {@code online}). */
  boolean running();

  /** Nodes the VM can migrate to. */
  List<String> allowedNodes();

  /** Nodes it cannot migrate to, with PVE's reasons ({@code unavailable_storages}, ...). */
  @Value.Auxiliary
  JsonNode notAllowedNodes();

  /** Volumes local to the node (they need {@code withLocalDisks}), as PVE lists them. */
  @Value.Auxiliary
  List<JsonNode> localDisks();

  /** The answer as received. */
  @Value.Auxiliary
  JsonNode raw();

  /**
   * Whether {@code node} is among the allowed nodes.
   *
   * @param node a node name
   * @return true if PVE allows migrating there
   */
  default boolean allows(NodeName node) {
    return allowedNodes().contains(node.toString());
  }
}
