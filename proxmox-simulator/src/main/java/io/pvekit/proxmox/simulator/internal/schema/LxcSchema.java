package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The keys of the LXC property strings the simulator parses (PVE 9.1); the endpoints' parameters
 * come from the schema extract ({@link SchemaParams}). {@code SchemaConformanceTest} checks these
 * keys against the official schema.
 */
public final class LxcSchema {
  private LxcSchema() {}

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

  /** The property strings of the create and config endpoints parsed key by key, by parameter. */
  static final Map<String, PropertyFormat> CONFIG_FORMATS =
      Map.of("net[n]", NET, "rootfs", ROOTFS, "mp[n]", MOUNT_POINT, "features", FEATURES);
}
