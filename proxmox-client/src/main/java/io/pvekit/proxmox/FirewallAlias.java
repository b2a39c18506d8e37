package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/** A firewall alias: a name rules and IP sets use for an address or network. */
@Value.Immutable
public interface FirewallAlias {
  /** The name (unique without regard to case). */
  String name();

  /** The address or network, e.g. {@code 10.0.0.0/8}. */
  String cidr();

  Optional<String> comment();

  /** The digest of the alias list when it was read. */
  Optional<String> digest();
}
