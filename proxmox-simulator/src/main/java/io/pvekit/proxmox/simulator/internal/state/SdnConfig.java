package io.pvekit.proxmox.simulator.internal.state;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SDN configuration the way pve-network keeps it: the written section files ({@code zones.cfg},
 * {@code vnets.cfg}, {@code subnets.cfg}), which every API change edits, and the running
 * configuration ({@code .running-config}), which only {@code PUT /cluster/sdn} replaces with a copy
 * of the written one. The difference between the two is what PVE calls pending.
 */
public final class SdnConfig {
  /** A section file. */
  public enum Kind {
    ZONES,
    VNETS,
    SUBNETS
  }

  private final Map<Kind, TreeMap<String, Map<String, String>>> written = new EnumMap<>(Kind.class);
  private final Map<Kind, TreeMap<String, Map<String, String>>> running = new EnumMap<>(Kind.class);
  private long version;

  public SdnConfig() {
    for (Kind kind : Kind.values()) {
      written.put(kind, new TreeMap<>());
      running.put(kind, new TreeMap<>());
    }
  }

  /** The written objects of a kind by id, each with its keys ({@code type} included). */
  public TreeMap<String, Map<String, String>> written(Kind kind) {
    return written.get(kind);
  }

  /** The running objects of a kind, as of the last apply. */
  public TreeMap<String, Map<String, String>> running(Kind kind) {
    return running.get(kind);
  }

  /** Makes the written configuration the running one; returns the new running version. */
  public long commit() {
    for (Kind kind : Kind.values()) {
      TreeMap<String, Map<String, String>> copy = new TreeMap<>();
      written.get(kind).forEach((id, keys) -> copy.put(id, new LinkedHashMap<>(keys)));
      running.put(kind, copy);
    }
    return ++version;
  }

  /** The digest of a written section file: changes whenever the file does. */
  public String digest(Kind kind) {
    List<Map<String, String>> entries = new ArrayList<>();
    written
        .get(kind)
        .forEach(
            (id, keys) -> {
              Map<String, String> entry = new TreeMap<>(keys);
              entry.put("\u0000id", id);
              entries.add(entry);
            });
    return FirewallConfig.digest(entries);
  }
}
