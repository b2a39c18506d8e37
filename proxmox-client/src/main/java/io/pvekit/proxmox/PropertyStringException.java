package io.pvekit.proxmox;

import java.util.Optional;

/**
 * A property string (or one of its values) that Proxmox VE would refuse. The message names the
 * property, the key and the value.
 */
public class PropertyStringException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What kind of property string, such as {@code "LXC netN"}. */
  private final String kind;

  /** The offending text (whole string or one value); may be null. */
  private final String value;

  /** The key whose value is wrong, or null when the whole string is malformed. */
  private final String key;

  /**
   * Creates the exception.
   *
   * @param kind what kind of property string, such as {@code "LXC netN"}
   * @param value the offending text (whole string or one value)
   * @param key the key whose value is wrong, or {@code null}
   * @param problem what is wrong, completing a sentence about the text
   */
  public PropertyStringException(String kind, String value, String key, String problem) {
    super(
        kind
            + ": "
            + (key == null ? "" : key + "=")
            + (value == null ? "<null>" : "'" + value + "'")
            + " "
            + problem);
    this.kind = kind;
    this.value = value;
    this.key = key;
  }

  /**
   * What kind of property string was being read or built.
   *
   * @return for example {@code "QEMU netN"}
   */
  public String kind() {
    return kind;
  }

  /**
   * The offending text.
   *
   * @return the whole string or the single value that was refused
   */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /**
   * The key whose value was refused.
   *
   * @return the key, or empty when the string as a whole is malformed
   */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }
}
