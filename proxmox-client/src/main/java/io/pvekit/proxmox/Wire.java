package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.Params;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Wire text of values in request builders. */
final class Wire {
  private Wire() {}

  static String text(Object value) {
    if (value instanceof Secret) {
      throw new IllegalArgumentException(
          "config values may not be secrets; pass them as parameters");
    }
    return Params.wire(value);
  }

  /** PVE's {@code pve-tag-list}: tags separated by {@code ;}. */
  static String tags(List<String> tags) {
    return String.join(";", tags);
  }

  /**
   * QEMU {@code sshkeys} has format {@code urlencoded}: PVE URI-unescapes it (no '+' for space).
   */
  static String uriEscape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
