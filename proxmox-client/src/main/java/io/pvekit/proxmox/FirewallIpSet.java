package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A firewall IP set, which rules name as {@code +name}; its entries are {@link FirewallIpSetEntry}.
 */
@Value.Immutable
public interface FirewallIpSet {
  /** The name (unique without regard to case). */
  String name();

  Optional<String> comment();

  /** The digest of the IP set list when it was read. */
  Optional<String> digest();
}
