package io.pvekit.proxmox.simulator.internal.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One firewall file as pve-firewall keeps it ({@code cluster.fw} or {@code <vmid>.fw}): options,
 * the ordered rules, aliases and IP sets. Alias and IP set names are case-insensitive, as PVE
 * stores them under their lower-case name.
 */
public final class FirewallConfig {
  /** An alias: a name for an address or network. */
  public record Alias(String name, String cidr, String comment) {}

  /** An IP set with its entries in insertion order. */
  public static final class IpSet {
    private final String name;
    private String comment;
    private final List<Map<String, String>> entries = new ArrayList<>();

    IpSet(String name, String comment) {
      this.name = name;
      this.comment = comment;
    }

    public String name() {
      return name;
    }

    public String comment() {
      return comment;
    }

    public void comment(String value) {
      comment = value;
    }

    /** Entries: {@code cidr}, and {@code comment}, {@code nomatch} when set. */
    public List<Map<String, String>> entries() {
      return entries;
    }

    /** The entry for an address, network or alias name (case-insensitive), or null. */
    public Map<String, String> entry(String cidr) {
      for (Map<String, String> e : entries) {
        if (e.get("cidr").equalsIgnoreCase(cidr)) {
          return e;
        }
      }
      return null;
    }
  }

  private final Map<String, String> options = new LinkedHashMap<>();
  private List<Map<String, String>> rules = new ArrayList<>();
  private final TreeMap<String, Alias> aliases = new TreeMap<>();
  private final TreeMap<String, IpSet> ipsets = new TreeMap<>();

  /** The {@code [OPTIONS]} section. */
  public Map<String, String> options() {
    return options;
  }

  /** The {@code [RULES]} section in order: position 0 first. */
  public List<Map<String, String>> rules() {
    return rules;
  }

  /** Replaces the rules (after a move). */
  public void rules(List<Map<String, String>> reordered) {
    rules = reordered;
  }

  /** Aliases by lower-case name. */
  public TreeMap<String, Alias> aliases() {
    return aliases;
  }

  /** The alias of that name (any case), or null. */
  public Alias alias(String name) {
    return aliases.get(name.toLowerCase(Locale.ROOT));
  }

  /** IP sets by lower-case name. */
  public TreeMap<String, IpSet> ipsets() {
    return ipsets;
  }

  /** The IP set of that name (any case), or null. */
  public IpSet ipset(String name) {
    return ipsets.get(name.toLowerCase(Locale.ROOT));
  }

  /** Adds an empty IP set. */
  public IpSet addIpSet(String name, String comment) {
    IpSet set = new IpSet(name, comment);
    ipsets.put(name.toLowerCase(Locale.ROOT), set);
    return set;
  }

  /**
   * The digest pve-firewall gives a list or object: a SHA-1 over every entry's keys in sorted
   * order, so any change to the list changes it.
   */
  public static String digest(List<Map<String, String>> entries) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-1");
      for (Map<String, String> entry : entries) {
        for (Map.Entry<String, String> e : new TreeMap<>(entry).entrySet()) {
          sha.update((e.getKey() + ":" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  /** The digest of the options. */
  public String optionsDigest() {
    return digest(List.of(options));
  }

  /** The digest of the aliases. */
  public String aliasesDigest() {
    List<Map<String, String>> list = new ArrayList<>();
    aliases
        .values()
        .forEach(
            a -> {
              Map<String, String> m = new HashMap<>();
              m.put("name", a.name());
              m.put("cidr", a.cidr());
              if (a.comment() != null) {
                m.put("comment", a.comment());
              }
              list.add(m);
            });
    return digest(list);
  }

  /** The digest of the IP set list. */
  public String ipsetsDigest() {
    List<Map<String, String>> list = new ArrayList<>();
    ipsets
        .values()
        .forEach(
            s -> {
              Map<String, String> m = new HashMap<>();
              m.put("name", s.name());
              if (s.comment() != null) {
                m.put("comment", s.comment());
              }
              list.add(m);
            });
    return digest(list);
  }
}
