package io.pvekit.proxmox.simulator.internal.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.FirewallConfig;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Firewall aliases and IP sets of the cluster and of each guest, as pve-firewall keeps them: names
 * are case-insensitive and unique, an IP set entry is an address, a network or an existing alias,
 * and a set with entries is deleted only with {@code force}.
 */
final class FirewallSetsApi {
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
              + "(/(3[0-2]|[12]?\\d))?");
  private static final Pattern IPV6 =
      Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(/(12[0-8]|1[01]\\d|[1-9]?\\d))?");
  private static final Pattern ALIAS =
      Pattern.compile("(?:(dc|guest)/)?([A-Za-z][A-Za-z0-9\\-_]+)");

  private FirewallSetsApi() {}

  static void register(Router r, FirewallScope s) {
    String aliases = s.base() + "/aliases";
    String ipset = s.base() + "/ipset";
    r.add(new Endpoint("GET", aliases, s.audit(), c -> aliases(s, c)));
    r.add(new Endpoint("POST", aliases, s.modify(), c -> createAlias(s, c)));
    r.add(new Endpoint("GET", aliases + "/{name}", s.audit(), c -> alias(s, c)));
    r.add(new Endpoint("PUT", aliases + "/{name}", s.modify(), c -> updateAlias(s, c)));
    r.add(new Endpoint("DELETE", aliases + "/{name}", s.modify(), c -> deleteAlias(s, c)));
    r.add(new Endpoint("GET", ipset, s.audit(), c -> ipsets(s, c)));
    r.add(new Endpoint("POST", ipset, s.modify(), c -> createIpSet(s, c)));
    r.add(new Endpoint("GET", ipset + "/{name}", s.audit(), c -> entries(s, c)));
    r.add(new Endpoint("POST", ipset + "/{name}", s.modify(), c -> addEntry(s, c)));
    r.add(new Endpoint("DELETE", ipset + "/{name}", s.modify(), c -> deleteIpSet(s, c)));
    String entry = ipset + "/{name}/{cidr}";
    r.add(new Endpoint("GET", entry, s.audit(), c -> entry(s, c)));
    r.add(new Endpoint("PUT", entry, s.modify(), c -> updateEntry(s, c)));
    r.add(new Endpoint("DELETE", entry, s.modify(), c -> deleteEntry(s, c)));
  }

  /** PVE's {@code IPorCIDR} format, checked as the schema does (400). */
  private static String cidr(Call c) {
    String cidr = c.str("cidr");
    if (!IPV4.matcher(cidr).matches() && !IPV6.matcher(cidr).matches()) {
      throw ApiException.parameter(
          "cidr", "invalid format - value does not look like a valid IP address or CIDR network");
    }
    return cidr;
  }

  private static ObjectNode alias(FirewallConfig.Alias a, String digest) {
    ObjectNode out = Json.object().put("name", a.name()).put("cidr", a.cidr());
    if (a.comment() != null) {
      out.put("comment", a.comment());
    }
    return out.put("digest", digest);
  }

  private static Object aliases(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    String digest = file.aliasesDigest();
    ArrayNode out = Json.array();
    file.aliases().values().forEach(a -> out.add(alias(a, digest)));
    return out;
  }

  private static FirewallConfig.Alias existingAlias(FirewallConfig file, String name) {
    FirewallConfig.Alias alias = file.alias(name);
    if (alias == null) {
      throw new SimulatorError("no such alias '" + name + "'");
    }
    return alias;
  }

  private static Object alias(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    return alias(existingAlias(file, c.str("name")), file.aliasesDigest());
  }

  private static Object createAlias(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    String name = c.str("name");
    String cidr = cidr(c);
    if (file.alias(name) != null) {
      throw new SimulatorError("alias '" + name + "' already exists");
    }
    file.aliases().put(key(name), new FirewallConfig.Alias(name, cidr, c.str("comment")));
    c.world().changed();
    return null;
  }

  private static Object updateAlias(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    FirewallScope.assertUnmodified(c, file.aliasesDigest());
    String name = c.str("name");
    existingAlias(file, name);
    String cidr = cidr(c);
    String target = c.str("rename", name);
    if (!key(target).equals(key(name)) && file.alias(target) != null) {
      throw new SimulatorError("alias '" + target + "' already exists");
    }
    file.aliases().remove(key(name));
    file.aliases().put(key(target), new FirewallConfig.Alias(target, cidr, c.str("comment")));
    c.world().changed();
    return null;
  }

  private static Object deleteAlias(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    FirewallScope.assertUnmodified(c, file.aliasesDigest());
    file.aliases().remove(key(c.str("name")));
    c.world().changed();
    return null;
  }

  private static Object ipsets(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    String digest = file.ipsetsDigest();
    ArrayNode out = Json.array();
    file.ipsets()
        .values()
        .forEach(
            set -> {
              ObjectNode o = out.addObject().put("name", set.name());
              if (set.comment() != null) {
                o.put("comment", set.comment());
              }
              o.put("digest", digest);
            });
    return out;
  }

  private static Object createIpSet(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    FirewallScope.assertUnmodified(c, file.ipsetsDigest());
    String name = c.str("name");
    if (c.has("rename")) {
      // PVE names the existing set in rename and the new name in name
      String target = c.str("rename");
      FirewallConfig.IpSet old = file.ipset(target);
      if (old == null) {
        throw new SimulatorError("IPSet '" + target + "' does not exist");
      }
      if (!key(target).equals(key(name)) && file.ipset(name) != null) {
        throw new SimulatorError("IPSet '" + name + "' does already exist");
      }
      file.ipsets().remove(key(target));
      FirewallConfig.IpSet renamed = file.addIpSet(name, c.str("comment", old.comment()));
      renamed.entries().addAll(old.entries());
    } else {
      if (file.ipset(name) != null) {
        throw new SimulatorError("IPSet '" + name + "' already exists");
      }
      file.addIpSet(name, c.str("comment"));
    }
    c.world().changed();
    return null;
  }

  private static FirewallConfig.IpSet existingSet(FirewallConfig file, String name) {
    FirewallConfig.IpSet set = file.ipset(name);
    if (set == null) {
      throw new SimulatorError("no such IPSet '" + name + "'");
    }
    return set;
  }

  private static Object deleteIpSet(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    String name = c.str("name");
    FirewallConfig.IpSet set = existingSet(file, name);
    if (!set.entries().isEmpty() && !c.flag("force")) {
      throw new SimulatorError("IPSet '" + name + "' is not empty");
    }
    file.ipsets().remove(key(name));
    c.world().changed();
    return null;
  }

  private static ObjectNode entry(Map<String, String> e, String digest) {
    ObjectNode out = Json.object().put("cidr", e.get("cidr"));
    if (e.containsKey("comment")) {
      out.put("comment", e.get("comment"));
    }
    if (e.containsKey("nomatch")) {
      out.put("nomatch", Integer.parseInt(e.get("nomatch")));
    }
    return out.put("digest", digest);
  }

  private static Object entries(FirewallScope s, Call c) {
    FirewallConfig.IpSet set = existingSet(s.file(c), c.str("name"));
    String digest = FirewallConfig.digest(set.entries());
    ArrayNode out = Json.array();
    set.entries().forEach(e -> out.add(entry(e, digest)));
    return out;
  }

  private static Object addEntry(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    FirewallConfig.IpSet set = existingSet(file, c.str("name"));
    String cidr = c.str("cidr");
    var alias = ALIAS.matcher(cidr);
    if (alias.matches()) {
      String error =
          FirewallRules.reference(cidr, file, FirewallScope.clusterFile(c), !s.cluster());
      if (error != null) {
        throw new SimulatorError(error);
      }
    } else {
      cidr(c);
      if (cidr.matches(".*/0+")) {
        throw ApiException.parameter("cidr", "a zero prefix is not allowed in ipset entries");
      }
    }
    if (set.entry(cidr) != null) {
      throw ApiException.parameter("cidr", "address '" + cidr + "' already exists");
    }
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("cidr", cidr);
    if (c.has("comment")) {
      entry.put("comment", c.str("comment"));
    }
    if (c.flag("nomatch")) {
      entry.put("nomatch", "1");
    }
    set.entries().add(entry);
    c.world().changed();
    return null;
  }

  private static Map<String, String> existingEntry(FirewallConfig.IpSet set, String cidr) {
    Map<String, String> entry = set.entry(cidr);
    if (entry == null) {
      throw ApiException.parameter("cidr", "no such IP/Network");
    }
    return entry;
  }

  private static Object entry(FirewallScope s, Call c) {
    FirewallConfig.IpSet set = existingSet(s.file(c), c.str("name"));
    return entry(existingEntry(set, c.str("cidr")), FirewallConfig.digest(set.entries()));
  }

  private static Object updateEntry(FirewallScope s, Call c) {
    FirewallConfig.IpSet set = existingSet(s.file(c), c.str("name"));
    FirewallScope.assertUnmodified(c, FirewallConfig.digest(set.entries()));
    Map<String, String> entry = existingEntry(set, c.str("cidr"));
    entry.remove("comment");
    entry.remove("nomatch");
    if (c.has("comment")) {
      entry.put("comment", c.str("comment"));
    }
    if (c.flag("nomatch")) {
      entry.put("nomatch", "1");
    }
    c.world().changed();
    return null;
  }

  private static Object deleteEntry(FirewallScope s, Call c) {
    FirewallConfig.IpSet set = existingSet(s.file(c), c.str("name"));
    FirewallScope.assertUnmodified(c, FirewallConfig.digest(set.entries()));
    List<Map<String, String>> entries = set.entries();
    entries.removeIf(e -> e.get("cidr").equalsIgnoreCase(c.str("cidr")));
    c.world().changed();
    return null;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
