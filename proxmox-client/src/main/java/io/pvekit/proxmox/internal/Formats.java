package io.pvekit.proxmox.internal;

/** Regular expressions for the PVE schema's named formats that pvekit validates client-side. */
public final class Formats {
  private Formats() {}

  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

  /** {@code ipv4}. */
  public static final String IPV4 = OCTET + "(\\." + OCTET + "){3}";

  /** A loose {@code ipv6}: hex groups, colons, optional embedded IPv4; the server checks fully. */
  public static final String IPV6 = "[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*";

  /** {@code pve-ipv4-config}: CIDR, {@code dhcp} or {@code manual}. */
  public static final String IPV4_CONFIG = "(dhcp|manual|" + IPV4 + "/(3[0-2]|[12]?\\d))";

  /** {@code pve-ipv6-config}: CIDR, {@code auto}, {@code dhcp} or {@code manual}. */
  public static final String IPV6_CONFIG =
      "(auto|dhcp|manual|" + IPV6 + "/(12[0-8]|1[01]\\d|[1-9]?\\d))";

  /** {@code mac-addr}. */
  public static final String MAC = "[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}";

  /** A bridge name ({@code pve-bridge-id} / the LXC {@code bridge} pattern). */
  public static final String BRIDGE = "[-_.\\w]+";

  /** {@code disk-size}: a number with an optional binary unit. */
  public static final String DISK_SIZE = "\\d+(\\.\\d+)?[KMGT]?";

  /** LXC {@code mountoptions}. */
  public static final String MOUNT_OPTIONS =
      "(discard|lazytime|noatime|nodev|noexec|nosuid)(;(discard|lazytime|noatime|nodev|noexec|nosuid))*";
}
