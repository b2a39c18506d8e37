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
}
