package io.pvekit.lxc.internal.runtime;

import java.util.regex.Pattern;

/** runc's rule for container ids, shared by every backend. */
public final class ContainerIds {
  private static final Pattern ID = Pattern.compile("[\\w+\\-.]+");

  private ContainerIds() {}

  /**
   * @throws IllegalArgumentException naming the id when it is empty, too long or has other
   *     characters than letters, digits, {@code _ + - .}
   */
  public static void validate(String id) {
    if (id == null || id.isEmpty() || id.length() > 1024 || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "invalid container id " + Json.quote(String.valueOf(id)) + ": use [A-Za-z0-9_+.-]");
    }
    if (id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException("invalid container id " + Json.quote(id));
    }
  }
}
