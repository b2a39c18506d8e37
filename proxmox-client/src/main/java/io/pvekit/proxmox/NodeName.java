package io.pvekit.proxmox;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a Proxmox VE cluster node ({@code pve-node}: a host name label such as {@code pve1}).
 *
 * @param value the name
 */
public record NodeName(String value) {
  private static final Pattern FORMAT = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");

  /**
   * Checks the format.
   *
   * @throws IllegalArgumentException naming the value when it is not a node name
   */
  public NodeName {
    Objects.requireNonNull(value, "node");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "node: '" + value + "' is not a node name (letters, digits and inner '-')");
    }
  }

  /**
   * Shorthand for {@code new NodeName(value)}.
   *
   * @param value the name
   * @return the node name
   */
  public static NodeName of(String value) {
    return new NodeName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
