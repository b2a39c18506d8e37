package io.pvekit.proxmox;

import java.util.Map;
import org.immutables.value.Value;

/**
 * {@code GET /access/permissions}: for each ACL path the privileges the user (or token) holds
 * there. Paths inherit from their parents when propagation is on; this is what the server computed.
 */
@Value.Immutable
public abstract class Permissions {
  Permissions() {}

  /** Path (e.g. {@code /vms/100}) to privilege (e.g. {@code VM.PowerMgmt}) to "propagates". */
  @Value.Parameter
  public abstract Map<String, Map<String, Boolean>> byPath();

  /**
   * Whether the privilege is held on the path itself or propagated from a parent path.
   *
   * @param path e.g. {@code /vms/100}
   * @param privilege e.g. {@code VM.Allocate}
   * @return true if held
   */
  public boolean has(String path, String privilege) {
    Map<String, Boolean> exact = byPath().get(path);
    if (exact != null && exact.containsKey(privilege)) {
      return true;
    }
    String parent = path;
    while (!parent.equals("/")) {
      int slash = parent.lastIndexOf('/');
      parent = slash <= 0 ? "/" : parent.substring(0, slash);
      Map<String, Boolean> privileges = byPath().get(parent);
      if (privileges != null && Boolean.TRUE.equals(privileges.get(privilege))) {
        return true;
      }
    }
    return false;
  }
}
