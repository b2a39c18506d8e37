package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The documented parameters of the console endpoints (PVE 9.1): the proxies ({@code vncproxy},
 * {@code termproxy}, {@code vncshell}) and the {@code vncwebsocket} upgrade, checked against the
 * API schema by {@code SchemaConformanceTest}.
 */
public final class ConsoleSchema {
  private ConsoleSchema() {}

  private static final String NODE = "node!:str/pve-node";
  private static final String VMID = "vmid!:int/pve-vmid[100,999999999]";
  private static final String SIZE = "height:int[16,2160] width:int[16,4096]";
  private static final String NODE_CMD = "cmd:str(ceph_install|login|upgrade) cmd-opts:str&cmd";
  private static final String WEBSOCKET = "port!:int[5900,5999] vncticket!:str<512";

  /** {@code POST /nodes/{node}/qemu/{vmid}/vncproxy}. */
  public static final Map<String, Param> QEMU_VNCPROXY =
      ParamTable.parse("generate-password:bool " + NODE + " " + VMID + " websocket:bool");

  /** {@code POST /nodes/{node}/qemu/{vmid}/termproxy}. */
  public static final Map<String, Param> QEMU_TERMPROXY =
      ParamTable.parse(NODE + " serial:str(serial0|serial1|serial2|serial3) " + VMID);

  /** {@code POST /nodes/{node}/lxc/{vmid}/vncproxy}. */
  public static final Map<String, Param> LXC_VNCPROXY =
      ParamTable.parse(SIZE + " " + NODE + " " + VMID + " websocket:bool");

  /** {@code POST /nodes/{node}/lxc/{vmid}/termproxy}. */
  public static final Map<String, Param> LXC_TERMPROXY = ParamTable.parse(NODE + " " + VMID);

  /** {@code GET .../qemu|lxc/{vmid}/vncwebsocket}. */
  public static final Map<String, Param> GUEST_WEBSOCKET =
      ParamTable.parse(NODE + " " + VMID + " " + WEBSOCKET);

  /** {@code POST /nodes/{node}/vncshell}. */
  public static final Map<String, Param> NODE_VNCSHELL =
      ParamTable.parse(NODE_CMD + " " + SIZE + " " + NODE + " websocket:bool");

  /** {@code POST /nodes/{node}/termproxy}. */
  public static final Map<String, Param> NODE_TERMPROXY = ParamTable.parse(NODE_CMD + " " + NODE);

  /** {@code GET /nodes/{node}/vncwebsocket}. */
  public static final Map<String, Param> NODE_WEBSOCKET = ParamTable.parse(NODE + " " + WEBSOCKET);
}
