package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;
import java.util.Optional;

/** {@code /pools}: resource pools (groups of VMs, containers and storages for permissions). */
public final class PoolsApi {
  private final Transport transport;

  PoolsApi(Transport transport) {
    this.transport = transport;
  }

  /** {@code GET /pools}. */
  public List<PoolInfo> list() {
    return transport.decode(ApiCall.get("/pools"), d -> Decode.list(d, Decode::pool));
  }

  /** {@code GET /pools?poolid=}: one pool with its members, or empty if it does not exist. */
  public Optional<PoolInfo> get(String poolId) {
    try {
      return transport
          .decode(ApiCall.get("/pools").param("poolid", poolId), d -> Decode.list(d, Decode::pool))
          .stream()
          .findFirst();
    } catch (ProxmoxNotFoundException e) {
      return Optional.empty();
    }
  }

  /** {@code POST /pools}. */
  public void create(String poolId, String comment) {
    transport.call(ApiCall.post("/pools").param("poolid", poolId).param("comment", comment));
  }

  /** {@code DELETE /pools?poolid=}: the pool must be empty. */
  public void delete(String poolId) {
    transport.call(ApiCall.delete("/pools").param("poolid", poolId));
  }

  /**
   * {@code PUT /pools}: adds guests and storages to a pool. A guest can be in one pool only.
   *
   * @param poolId the pool
   * @param vms guests to add
   * @param storages storages to add
   * @param allowMove take guests out of the pool they are in now instead of failing
   */
  public void addMembers(
      String poolId, List<VmId> vms, List<StorageId> storages, boolean allowMove) {
    transport.call(members(poolId, vms, storages).param("allow-move", allowMove));
  }

  /**
   * {@code PUT /pools} with {@code delete=1}: removes guests and storages from a pool.
   *
   * @param poolId the pool
   * @param vms guests to remove
   * @param storages storages to remove
   */
  public void removeMembers(String poolId, List<VmId> vms, List<StorageId> storages) {
    transport.call(members(poolId, vms, storages).param("delete", true));
  }

  private static ApiCall members(String poolId, List<VmId> vms, List<StorageId> storages) {
    if (vms.isEmpty() && storages.isEmpty()) {
      throw new IllegalArgumentException("pool " + poolId + ": name at least one guest or storage");
    }
    return ApiCall.put("/pools")
        .param("poolid", poolId)
        .param("vms", vms.isEmpty() ? null : join(vms))
        .param("storage", storages.isEmpty() ? null : join(storages));
  }

  private static String join(List<?> values) {
    return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
  }

  /**
   * {@code PUT /pools}: sets the pool's comment.
   *
   * @param poolId the pool
   * @param comment the new comment
   */
  public void updateComment(String poolId, String comment) {
    transport.call(ApiCall.put("/pools").param("poolid", poolId).param("comment", comment));
  }
}
