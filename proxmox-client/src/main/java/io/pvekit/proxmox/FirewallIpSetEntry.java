package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/** One entry of a firewall IP set: an address, a network or an alias name. */
@Value.Immutable
public interface FirewallIpSetEntry {
  /** E.g. {@code 192.0.2.0/24}, {@code 192.0.2.7} or an alias name. */
  String cidr();

  Optional<String> comment();

  /** Whether the entry is excluded from the set ({@code nomatch}). */
  boolean noMatch();

  /** The digest of the set's entries when they were read. */
  Optional<String> digest();
}
