package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The keys of a property string ({@code key=value,key=value}) the simulator checks.
 *
 * @param keys the documented keys
 * @param aliases other names of keys: an alias' value goes to its target key, and when the alias
 *     has a key-alias its own name is stored there (QEMU {@code virtio=MAC} means {@code
 *     model=virtio,macaddr=MAC})
 */
public record PropertyFormat(Map<String, Param> keys, Map<String, Alias> aliases) {
  /**
   * Another name of a key.
   *
   * @param target the key the value belongs to
   * @param keyAlias the key that receives the alias' own name, or null
   */
  public record Alias(String target, String keyAlias) {}

  /** A format without aliases. */
  public static PropertyFormat of(String table) {
    return new PropertyFormat(ParamTable.parse(table), Map.of());
  }

  /** A format with aliases. */
  public static PropertyFormat of(String table, Map<String, Alias> aliases) {
    return new PropertyFormat(ParamTable.parse(table), Map.copyOf(aliases));
  }

  /** The default key, or null. */
  public String defaultKey() {
    return keys.values().stream()
        .filter(Param::defaultKey)
        .map(Param::name)
        .findFirst()
        .orElse(null);
  }
}
