package io.pvekit.proxmox;

import java.util.Objects;

/**
 * The name of a Proxmox VE cluster node ({@code pve-node}: a host name label such as {@code pve1}).
 *
 * @param value the name
 */
public record NodeName(String value) {

  /**
   * Checks the format.
   *
   * @throws IllegalArgumentException naming the value when it is not a node name
   */
  public NodeName {
    Objects.requireNonNull(value, "node");
    if (!isValid(value)) {
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

  /** {@code [a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?}, checked without a regex: it runs per entry. */
  static boolean isValid(String value) {
    int last = value.length() - 1;
    if (last < 0 || value.charAt(0) == '-' || value.charAt(last) == '-') {
      return false;
    }
    for (int i = 0; i <= last; i++) {
      char c = value.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
