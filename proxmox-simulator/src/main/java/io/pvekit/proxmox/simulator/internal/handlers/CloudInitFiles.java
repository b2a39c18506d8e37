package io.pvekit.proxmox.simulator.internal.handlers;

import io.pvekit.proxmox.simulator.internal.schema.PropertyFormat;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.schema.QemuSchema;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files qemu-server writes to a cloud-init drive in its default {@code nocloud} format: {@code
 * user-data}, {@code network-config} (version 1) and {@code meta-data}. The simulated host's {@code
 * resolv.conf} is empty, so DNS settings come only from {@code nameserver} and {@code
 * searchdomain}.
 */
final class CloudInitFiles {
  private static final PropertyFormat IPCONFIG = PropertyFormat.of("gw:str gw6:str ip:str ip6:str");
  private static final String INDENT = "    ";

  private CloudInitFiles() {}

  /** {@code user-data}: hostname, user, password hash, decoded SSH keys, upgrade flag. */
  static String user(Guest guest) {
    Map<String, String> conf = guest.config();
    String hostname = conf.getOrDefault("name", "VM" + guest.vmid());
    String fqdn = null;
    if (hostname.contains(".")) {
      fqdn = hostname;
      hostname = hostname.substring(0, hostname.indexOf('.'));
    } else if (conf.get("searchdomain") != null && !conf.get("searchdomain").isEmpty()) {
      fqdn = hostname + "." + conf.get("searchdomain");
    }
    StringBuilder out = new StringBuilder("#cloud-config\n");
    out.append("hostname: ").append(hostname).append('\n');
    out.append("manage_etc_hosts: true\n");
    if (fqdn != null) {
      out.append("fqdn: ").append(fqdn).append('\n');
    }
    String user = conf.get("ciuser");
    if (user != null) {
      out.append("user: ").append(user).append('\n');
      if (user.equals("root")) {
        out.append("disable_root: False\n");
      }
    }
    if (conf.get("cipassword") != null) {
      out.append("password: ").append(conf.get("cipassword")).append('\n');
    }
    if (conf.get("sshkeys") != null) {
      out.append("ssh_authorized_keys:\n");
      for (String key : sshKeys(conf.get("sshkeys"))) {
        out.append("  - ").append(key).append('\n');
      }
    }
    out.append("chpasswd:\n  expire: False\n");
    if (user == null || !user.equals("root")) {
      out.append("users:\n  - default\n");
    }
    boolean upgrade = !"0".equals(conf.getOrDefault("ciupgrade", "1"));
    out.append("package_upgrade: ").append(upgrade).append('\n');
    return out.toString();
  }

  /** The keys of {@code sshkeys}, stored URL-encoded as the API demands. */
  static List<String> sshKeys(String encoded) {
    List<String> keys = new ArrayList<>();
    String decoded = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    for (String line : decoded.split("\n")) {
      String key = line.strip();
      if (!key.isEmpty()) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** {@code network-config}, version 1: one physical interface per {@code ipconfigN}. */
  static String network(Guest guest) {
    Map<String, String> conf = guest.config();
    StringBuilder out = new StringBuilder("version: 1\nconfig:\n");
    Map<String, String> nets = new TreeMap<>();
    for (String key : guest.netKeys()) {
      nets.put(key, conf.get(key));
    }
    for (Map.Entry<String, String> net : nets.entrySet()) {
      String id = net.getKey().substring(3);
      String ipconfig = conf.get("ipconfig" + id);
      if (ipconfig == null || ipconfig.isEmpty()) {
        continue;
      }
      Map<String, String> ip = PropertyStrings.parseLenient(IPCONFIG, ipconfig);
      out.append(INDENT).append("- type: physical\n");
      out.append(INDENT).append("  name: eth").append(id).append('\n');
      out.append(INDENT).append("  mac_address: '").append(mac(net.getValue())).append("'\n");
      out.append(INDENT).append("  subnets:\n");
      String sub = INDENT + "  ";
      String v4 = ip.get("ip");
      if ("dhcp".equals(v4)) {
        out.append(sub).append("- type: dhcp4\n");
      } else if (v4 != null) {
        String[] cidr = v4.split("/", 2);
        out.append(sub).append("- type: static\n");
        out.append(sub).append("  address: '").append(cidr[0]).append("'\n");
        out.append(sub).append("  netmask: '").append(netmask(cidr)).append("'\n");
        if (ip.get("gw") != null) {
          out.append(sub).append("  gateway: '").append(ip.get("gw")).append("'\n");
        }
      }
      String v6 = ip.get("ip6");
      if ("dhcp".equals(v6)) {
        out.append(sub).append("- type: dhcp6\n");
      } else if ("auto".equals(v6)) {
        out.append(sub).append("- type: ipv6_slaac\n");
      } else if (v6 != null) {
        out.append(sub).append("- type: static6\n");
        out.append(sub).append("  address: '").append(v6).append("'\n");
        if (ip.get("gw6") != null) {
          out.append(sub).append("  gateway: '").append(ip.get("gw6")).append("'\n");
        }
      }
    }
    out.append(INDENT).append("- type: nameserver\n");
    List<String> nameservers = words(conf.get("nameserver"));
    if (!nameservers.isEmpty()) {
      out.append(INDENT).append("  address:\n");
      nameservers.forEach(n -> out.append(INDENT).append("  - '").append(n).append("'\n"));
    }
    List<String> search = words(conf.get("searchdomain"));
    if (!search.isEmpty()) {
      out.append(INDENT).append("  search:\n");
      search.forEach(s -> out.append(INDENT).append("  - '").append(s).append("'\n"));
    }
    return out.toString();
  }

  /** {@code meta-data}: the instance id is the SHA-1 of user data and network config. */
  static String meta(Guest guest) {
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest((user(guest) + network(guest)).getBytes(StandardCharsets.UTF_8));
      return "instance-id: " + HexFormat.of().formatHex(sha1) + "\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String mac(String net) {
    Map<String, String> parts = PropertyStrings.parseLenient(QemuSchema.NET, net);
    String mac = parts.get("macaddr");
    if (mac == null) {
      for (String value : parts.values()) {
        if (value.matches("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}")) {
          mac = value;
        }
      }
    }
    return mac == null ? "" : mac.toLowerCase(Locale.ROOT);
  }

  private static String netmask(String[] cidr) {
    int bits = cidr.length > 1 ? Integer.parseInt(cidr[1]) : 32;
    long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    return ((mask >> 24) & 0xff)
        + "."
        + ((mask >> 16) & 0xff)
        + "."
        + ((mask >> 8) & 0xff)
        + "."
        + (mask & 0xff);
  }

  private static List<String> words(String value) {
    List<String> out = new ArrayList<>();
    if (value != null) {
      for (String w : value.trim().split("\\s+")) {
        if (!w.isEmpty()) {
          out.add(w);
        }
      }
    }
    return out;
  }
}
