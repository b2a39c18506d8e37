package io.pvekit.proxmox;

import java.util.List;
import org.immutables.value.Value;

/** One entry of {@code GET /access/roles}. */
@Value.Immutable
public interface RoleInfo {
  /** E.g. {@code PVEVMAdmin}. */
  String roleId();

  /** Its privileges, e.g. {@code VM.Allocate}. */
  List<String> privileges();

  /** Whether it is one of PVE's built-in roles. */
  boolean special();
}
