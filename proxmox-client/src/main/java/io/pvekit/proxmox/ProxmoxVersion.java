package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/** {@code GET /version}: the API server's version, e.g. {@code 9.1.3}, release {@code 9.1}. */
@Value.Immutable
public interface ProxmoxVersion {
  /** The full version, e.g. {@code 9.1.3} (7.x answered e.g. {@code 7.4-16}). */
  String version();

  /** The release, e.g. {@code 9.1}. */
  Optional<String> release();

  /** The repository id (git commit). */
  Optional<String> repoId();

  /** The major version, parsed from {@link #version()}; 0 if unknown. */
  @Value.Derived
  default int major() {
    String v = version().trim();
    int end = 0;
    while (end < v.length() && Character.isDigit(v.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
  }
}
