package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The documented parameters of the cloud-init endpoints of a QEMU VM (PVE 9.1), checked against the
 * API schema by {@code SchemaConformanceTest}.
 */
public final class CloudInitSchema {
  private CloudInitSchema() {}

  private static final String GUEST = "node!:str/pve-node vmid!:int/pve-vmid[100,999999999]";

  /** {@code GET} and {@code PUT .../cloudinit}. */
  public static final Map<String, Param> CLOUDINIT = ParamTable.parse(GUEST);

  /** {@code GET .../cloudinit/dump}. */
  public static final Map<String, Param> DUMP =
      ParamTable.parse(GUEST + " type!:str(user|network|meta)");
}
