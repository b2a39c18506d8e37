package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;

/** {@code /access}: what the authenticated user or token may do. */
public final class AccessApi {
  private final Transport transport;

  AccessApi(Transport transport) {
    this.transport = transport;
  }

  /** {@code GET /access/permissions}: the caller's effective privileges on every path. */
  public Permissions permissions() {
    return transport.decode(ApiCall.get("/access/permissions"), Decode::permissions);
  }

  /** {@code GET /access/permissions?path=&userid=}: one path, optionally for another user. */
  public Permissions permissions(String path, String userId) {
    return transport.decode(
        ApiCall.get("/access/permissions").param("path", path).param("userid", userId),
        Decode::permissions);
  }
}
