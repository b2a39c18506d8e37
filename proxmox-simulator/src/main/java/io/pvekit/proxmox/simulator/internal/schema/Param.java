package io.pvekit.proxmox.simulator.internal.schema;

import java.util.List;

/**
 * One documented parameter of an endpoint, or one key of a property string.
 *
 * @param name the schema name ({@code net[n]} for indexed ones)
 * @param type {@code string}, {@code integer}, {@code number} or {@code boolean}
 * @param optional whether it may be left out
 * @param defaultKey whether a property-string value may omit this key
 * @param format the named format (for example {@code pve-node}), or null
 * @param propertyString whether the schema format is a property-string object
 * @param subFormat the keys of that property string when the simulator checks them, or null
 * @param enumValues the allowed values, or empty
 * @param minimum the lower bound, or null
 * @param maximum the upper bound, or null
 * @param maxLength the longest allowed text, or null
 * @param requires the parameter this one requires, or null
 * @param pattern the schema's regular expression (Perl syntax), or null
 */
public record Param(
    String name,
    String type,
    boolean optional,
    boolean defaultKey,
    String format,
    boolean propertyString,
    PropertyFormat subFormat,
    List<String> enumValues,
    Double minimum,
    Double maximum,
    Integer maxLength,
    String requires,
    String pattern) {

  /** Whether the wire name carries an index ({@code net0} for {@code net[n]}). */
  public boolean indexed() {
    return name.endsWith("[n]");
  }

  /** The name without {@code [n]}. */
  public String base() {
    return indexed() ? name.substring(0, name.length() - 3) : name;
  }
}
