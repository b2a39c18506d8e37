package io.pvekit.lxc.internal.runtime;

import java.util.regex.Pattern;

/**
 * A container id, validated once where it enters ({@code LxcRuntime}'s public methods) by runc's
 * rule, and passed inward as this type: every backend resolves state paths, LXC names and Proxmox
 * tags from it, so none of them can meet an id that was not checked ({@code ../x} never becomes a
 * path below the state root).
 *
 * @param value letters, digits and {@code _ + - .}, at most 1024 characters, not {@code .} or
 *     {@code ..}
 */
public record ContainerId(String value) {
  private static final Pattern ID = Pattern.compile("[\\w+\\-.]+");

  /**
   * @throws IllegalArgumentException naming the id when it is empty, too long or has other
   *     characters than letters, digits, {@code _ + - .}
   */
  public ContainerId {
    if (value == null || value.isEmpty() || value.length() > 1024 || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid container id " + Json.quote(String.valueOf(value)) + ": use [A-Za-z0-9_+.-]");
    }
    if (value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException("invalid container id " + Json.quote(value));
    }
  }

  /**
   * @param value the id as given
   * @return the validated id
   */
  public static ContainerId of(String value) {
    return new ContainerId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
