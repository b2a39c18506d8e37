package io.pvekit.proxmox.simulator.internal.handlers;

import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.state.FirewallConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The checks pve-firewall's {@code verify_rule} makes, with its messages. */
final class FirewallRules {
  /** The rule keys a request may set, in the order PVE writes them. */
  static final List<String> FIELDS =
      List.of(
          "type",
          "action",
          "macro",
          "iface",
          "source",
          "dest",
          "proto",
          "dport",
          "sport",
          "icmp-type",
          "log",
          "enable",
          "comment");

  private static final Set<String> NUMERIC = Set.of("enable", "ipversion", "pos");
  private static final Pattern ALIAS =
      Pattern.compile("(?:(dc|guest)/)?([A-Za-z][A-Za-z0-9\\-_]+)");
  private static final Pattern IPSET =
      Pattern.compile("\\+(?:(dc|guest)/)?([A-Za-z][A-Za-z0-9\\-_]+)");
  private static final Set<String> PORT_PROTOCOLS =
      Set.of("tcp", "udp", "udplite", "sctp", "dccp", "6", "17", "136", "132", "33");

  /** The macros of pve-firewall (a subset of its list), by lower-case name. */
  private static final Map<String, String> MACROS = new TreeMap<>();

  static {
    for (String m :
        new String[] {
          "Amanda",
          "Auth",
          "BGP",
          "BitTorrent",
          "BitTorrent32",
          "CVS",
          "Ceph",
          "Citrix",
          "DAAP",
          "DCC",
          "DHCPfwd",
          "DHCPv6",
          "DNS",
          "Distcc",
          "FTP",
          "Finger",
          "GNUnet",
          "GRE",
          "Git",
          "HKP",
          "HTTP",
          "HTTPS",
          "ICPV2",
          "ICQ",
          "IMAP",
          "IMAPS",
          "IPIP",
          "IPsec",
          "IPsecah",
          "IPsecnat",
          "IRC",
          "Jetdirect",
          "L2TP",
          "LDAP",
          "LDAPS",
          "MDNS",
          "MSNP",
          "MSSQL",
          "Mail",
          "Munin",
          "MySQL",
          "NNTP",
          "NNTPS",
          "NTP",
          "NeighborDiscovery",
          "OSPF",
          "OpenVPN",
          "PCA",
          "PMG",
          "POP3",
          "POP3S",
          "PPtP",
          "Ping",
          "PostgreSQL",
          "Printer",
          "RDP",
          "RIP",
          "RNDC",
          "Razor",
          "Rdate",
          "Rsync",
          "SANE",
          "SMB",
          "SMBswat",
          "SMTP",
          "SMTPS",
          "SNMP",
          "SPAMD",
          "SPICEproxy",
          "SSH",
          "SVN",
          "SixXS",
          "Squid",
          "Submission",
          "Syslog",
          "TFTP",
          "Telnet",
          "Telnets",
          "Time",
          "Trcrt",
          "VNC",
          "VNCL",
          "Web",
          "Webcache",
          "Webmin",
          "Whois"
        }) {
      MACROS.put(m.toLowerCase(Locale.ROOT), m);
    }
  }

  private FirewallRules() {}

  /** Copies the rule fields a request sent onto a rule. */
  static void copy(Call c, Map<String, String> rule) {
    for (String field : FIELDS) {
      if (c.has(field)) {
        rule.put(field, c.str(field));
      }
    }
  }

  /** Fails with PVE's 400 when the rule is not valid; normalises macro names. */
  static void verify(
      Map<String, String> rule, FirewallConfig file, FirewallConfig cluster, boolean guest) {
    Map<String, String> errors = new TreeMap<>();
    String type = rule.get("type");
    String action = rule.get("action");
    if (type == null) {
      errors.put("type", "property is missing");
    } else if (type.equals("group")) {
      errors.put("action", "no such security group '" + action + "'");
    } else if (action == null) {
      errors.put("action", "Value required");
    } else if (!action.matches("ACCEPT|DROP|REJECT")) {
      errors.put("action", "Invalid value");
    }
    String macro = rule.get("macro");
    if (macro != null) {
      String preferred = MACROS.get(macro.toLowerCase(Locale.ROOT));
      if (preferred == null) {
        errors.put("macro", "unknown macro '" + macro + "'");
      } else {
        rule.put("macro", preferred);
      }
    }
    String proto = rule.get("proto");
    for (String ports : new String[] {"dport", "sport"}) {
      if (rule.containsKey(ports) && macro == null) {
        if (proto == null) {
          errors.put("proto", "missing property - '" + ports + "' requires this property");
        } else if (!PORT_PROTOCOLS.contains(proto.toLowerCase(Locale.ROOT))) {
          errors.put(ports, "protocol '" + proto + "' does not support ports");
        }
      }
    }
    for (String side : new String[] {"source", "dest"}) {
      String address = rule.get(side);
      if (address != null) {
        String error = reference(address, file, cluster, guest);
        if (error != null) {
          errors.put(side, error);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.parameters(errors);
    }
    String version = ipVersion(rule.get("source"), rule.get("dest"));
    if (version != null) {
      rule.put("ipversion", version);
    } else {
      rule.remove("ipversion");
    }
  }

  /** An alias or {@code +ipset} an address refers to must exist; addresses pass. */
  static String reference(
      String address, FirewallConfig file, FirewallConfig cluster, boolean guest) {
    var set = IPSET.matcher(address);
    if (set.matches()) {
      String name = set.group(2);
      boolean found =
          "dc".equals(set.group(1))
              ? cluster.ipset(name) != null
              : (guest && file.ipset(name) != null) || cluster.ipset(name) != null;
      return found ? null : "no such ipset '" + name + "'";
    }
    var alias = ALIAS.matcher(address);
    if (alias.matches()) {
      String name = alias.group(2);
      boolean found =
          "dc".equals(alias.group(1))
              ? cluster.alias(name) != null
              : (guest && file.alias(name) != null) || cluster.alias(name) != null;
      return found ? null : "no such alias '" + name + "'";
    }
    return null;
  }

  private static String ipVersion(String... addresses) {
    for (String a : addresses) {
      if (a == null || a.startsWith("+") || ALIAS.matcher(a).matches()) {
        continue;
      }
      return a.contains(":") ? "6" : "4";
    }
    return null;
  }

  /** Deletes the keys a {@code delete} list names (type and action stay). */
  static void delete(Map<String, String> rule, String list) {
    TreeSet<String> keys = new TreeSet<>(List.of(list.split("[,;\\s]+")));
    keys.remove("type");
    keys.remove("action");
    keys.forEach(rule::remove);
  }

  /** Whether a listed key is a number in PVE's answers. */
  static boolean numeric(String key) {
    return NUMERIC.contains(key);
  }
}
