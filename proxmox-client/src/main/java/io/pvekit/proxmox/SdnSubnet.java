package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code GET /cluster/sdn/vnets/{vnet}/subnets}. */
@Value.Immutable
public interface SdnSubnet {
  /** The subnet id PVE derives from zone and network, e.g. {@code tenants-10.10.0.0-24}. */
  String id();

  /** The network, e.g. {@code 10.10.0.0/24}. */
  String cidr();

  /** The VNet it belongs to. */
  String vnet();

  /** The zone of its VNet. */
  Optional<String> zone();

  Optional<String> gateway();

  /** Whether guests reach outside through source NAT. */
  boolean snat();

  /** {@code new}, {@code changed} or {@code deleted} until applied (pending view only). */
  Optional<String> state();

  /** The values applying would set (pending view only). */
  Map<String, String> pending();

  /** The entry as received. */
  @Value.Auxiliary
  JsonNode raw();
}
