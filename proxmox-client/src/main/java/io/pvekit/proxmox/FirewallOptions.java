package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The options of a firewall: {@code GET /cluster/firewall/options} or {@code GET
 * .../{vmid}/firewall/options}. Options a scope does not have (the datacenter's {@code ebtables}, a
 * guest's {@code macfilter}) and options never set are empty; {@link #raw()} has what the server
 * sent.
 */
@Value.Immutable
public interface FirewallOptions {
  /** Whether the firewall is on ({@code enable}; off when never set). */
  boolean enabled();

  /** {@code ACCEPT}, {@code REJECT} or {@code DROP} for incoming traffic. */
  Optional<String> policyIn();

  /** {@code ACCEPT}, {@code REJECT} or {@code DROP} for outgoing traffic. */
  Optional<String> policyOut();

  /** {@code ACCEPT} or {@code DROP} for forwarded traffic (datacenter). */
  Optional<String> policyForward();

  /** Log level of incoming packets (guest), e.g. {@code nolog}, {@code info}. */
  Optional<String> logLevelIn();

  /** Log level of outgoing packets (guest). */
  Optional<String> logLevelOut();

  /** Whether only the guest's own MAC addresses may send (guest; PVE's default is on). */
  Optional<Boolean> macFilter();

  /** Whether only the guest's configured addresses may send (guest). */
  Optional<Boolean> ipFilter();

  /** Whether DHCP is allowed (guest). */
  Optional<Boolean> dhcp();

  /** Whether ebtables rules are generated (datacenter). */
  Optional<Boolean> ebtables();

  /** The digest a later change may send to detect concurrent edits. */
  Optional<String> digest();

  /** The options as received. */
  @Value.Auxiliary
  JsonNode raw();
}
