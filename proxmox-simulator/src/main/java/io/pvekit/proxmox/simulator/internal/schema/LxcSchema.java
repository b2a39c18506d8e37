package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The documented parameters of the LXC endpoints the simulator serves (PVE 9.1), checked against
 * the API schema by {@code SchemaConformanceTest}.
 */
public final class LxcSchema {
  private LxcSchema() {}

  private static final String VMID = "vmid!:int/pve-vmid[100,999999999]";
  private static final String NODE = "node!:str/pve-node";
  private static final String MOUNT_OPTIONS =
      "mountoptions:str~(?^:(?^:(discard|lazytime|noatime|nodev|noexec|nosuid))"
          + "(;(?^:(discard|lazytime|noatime|nodev|noexec|nosuid)))*)";

  /** LXC {@code netN}. */
  public static final PropertyFormat NET =
      PropertyFormat.of(
          "bridge:str~[-_.\\w\\d]+ firewall:bool gw:str/ipv4 gw6:str/ipv6 host-managed:bool"
              + " hwaddr:str/mac-addr ip:str/pve-ipv4-config ip6:str/pve-ipv6-config"
              + " link_down:bool mtu:int[64,65535] name!:str~[-_.\\w\\d]+ rate:num"
              + " tag:int[1,4094] trunks:str~(?^:\\d+(?:;\\d+)*) type:str(veth)");

  /** {@code rootfs}. */
  public static final PropertyFormat ROOTFS =
      PropertyFormat.of(
          "acl:bool "
              + MOUNT_OPTIONS
              + " quota:bool replicate:bool ro:bool shared:bool size:str/disk-size"
              + " volume!*:str/pve-lxc-mp-string");

  /** {@code mpN}. */
  public static final PropertyFormat MOUNT_POINT =
      PropertyFormat.of(
          "acl:bool backup:bool keepattrs:bool "
              + MOUNT_OPTIONS
              + " mp!:str/pve-lxc-mp-string quota:bool replicate:bool ro:bool shared:bool"
              + " size:str/disk-size volume!*:str/pve-lxc-mp-string");

  /** {@code features}. */
  public static final PropertyFormat FEATURES =
      PropertyFormat.of(
          "force_rw_sys:bool fuse:bool keyctl:bool mknod:bool mount:str~(?^:[a-zA-Z0-9_;%20]+)"
              + " nesting:bool");

  private static final Map<String, PropertyFormat> FORMATS =
      Map.of("NET", NET, "ROOTFS", ROOTFS, "MP", MOUNT_POINT, "FEATURES", FEATURES);

  private static final Map<String, Param> OPTIONS =
      ParamTable.parse(
          """
          arch:str(amd64|i386|arm64|armhf|riscv32|riscv64) cmode:str(shell|console|tty) console:bool
          cores:int[1,8192] cpulimit:num[0,8192] cpuunits:int[0,500000] debug:bool
          description:str<8192 dev[n]:prop entrypoint:str~(?^:[^\\x00-\\x08\\x10-\\x1F\\x7F]+)
          env:str~(?^:(?:\\w+=[^\\x00-\\x08\\x10-\\x1F\\x7F]*)(?:\\0\\w+=[^\\x00-\\x08\\x10-\\x1F\\x7F]*)*)
          features:prop=FEATURES hookscript:str/pve-volume-id hostname:str/dns-name<255
          lock:str(backup|create|destroyed|disk|fstrim|migrate|mounted|rollback|snapshot|snapshot-delete)
          memory:int[16,] mp[n]:prop=MP nameserver:str/lxc-ip-with-ll-iface-list net[n]:prop=NET
          onboot:bool
          ostype:str(debian|devuan|ubuntu|centos|fedora|opensuse|archlinux|alpine|gentoo|nixos|unmanaged)
          protection:bool rootfs:prop=ROOTFS searchdomain:str/dns-name-list
          startup:str/pve-startup-order swap:int[0,] tags:str/pve-tag-list template:bool
          timezone:str/pve-ct-timezone tty:int[0,6] unprivileged:bool unused[n]:prop
          """
              + VMID
              + " "
              + NODE,
          FORMATS);

  /** {@code POST /nodes/{node}/lxc}. */
  public static final Map<String, Param> CREATE =
      ParamTable.join(
          OPTIONS,
          ParamTable.parse(
              "bwlimit:num[0,] force:bool ha-managed:bool ignore-unpack-errors:bool"
                  + " ostemplate!:str<255 password:str pool:str/pve-poolid restore:bool"
                  + " ssh-public-keys:str start:bool storage:str/pve-storage-id"
                  + " unique:bool&restore"));

  /** {@code PUT /nodes/{node}/lxc/{vmid}/config}. */
  public static final Map<String, Param> UPDATE =
      ParamTable.join(
          OPTIONS,
          ParamTable.parse(
              "delete:str/pve-configid-list digest:str<40 revert:str/pve-configid-list"));

  /** {@code GET /nodes/{node}/lxc}. */
  public static final Map<String, Param> LIST = ParamTable.parse(NODE);

  /** {@code GET .../config}. */
  public static final Map<String, Param> GET_CONFIG =
      ParamTable.parse("current:bool snapshot:str/pve-configid<40 " + NODE + " " + VMID);

  /** Endpoints that only take node and vmid. */
  public static final Map<String, Param> NODE_VMID = ParamTable.parse(NODE + " " + VMID);

  /** {@code DELETE /nodes/{node}/lxc/{vmid}}. */
  public static final Map<String, Param> DESTROY =
      ParamTable.parse(
          "destroy-unreferenced-disks:bool force:bool purge:bool " + NODE + " " + VMID);

  /** {@code POST .../status/start}. */
  public static final Map<String, Param> START =
      ParamTable.parse("debug:bool skiplock:bool " + NODE + " " + VMID);

  /** {@code POST .../status/stop}. */
  public static final Map<String, Param> STOP =
      ParamTable.parse("overrule-shutdown:bool skiplock:bool " + NODE + " " + VMID);

  /** {@code POST .../status/shutdown}. */
  public static final Map<String, Param> SHUTDOWN =
      ParamTable.parse("forceStop:bool timeout:int[0,] " + NODE + " " + VMID);
}
