package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A resource pool of {@code GET /pools}. */
@Value.Immutable
public interface PoolInfo {
  String poolId();

  Optional<String> comment();

  /** Members when the server listed them, as {@code /cluster/resources}-like entries. */
  List<JsonNode> members();

  /** The VMIDs among the members. */
  @Value.Derived
  default List<VmId> memberVmIds() {
    return members().stream().flatMap(m -> Json.vmid(m, "vmid").stream()).toList();
  }
}
