package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of {@code GET /cluster/sdn/zones}. In the {@link SdnApi.View#PENDING pending} view the
 * fields hold the running values, {@link #state()} says what applying would do and {@link
 * #pending()} the values it would set; {@link #raw()} has every key of the zone's type.
 */
@Value.Immutable
public interface SdnZone {
  /** The zone id. */
  String zone();

  /** {@code simple}, {@code vlan}, {@code qinq}, {@code vxlan}, {@code evpn} or {@code faucet}. */
  String type();

  /** The bridge VNets attach to ({@code vlan}, {@code qinq}). */
  Optional<String> bridge();

  /** The service VLAN ({@code qinq}). */
  Optional<Long> tag();

  Optional<Long> mtu();

  /** The nodes the zone is deployed on; empty means every node. */
  List<String> nodes();

  /** The IPAM plugin, e.g. {@code pve}. */
  Optional<String> ipam();

  /** {@code new}, {@code changed} or {@code deleted} until applied (pending view only). */
  Optional<String> state();

  /** The values applying would set, {@code deleted} for removed keys (pending view only). */
  Map<String, String> pending();

  /** The digest of the zone configuration (written view). */
  Optional<String> digest();

  /** The entry as received. */
  @Value.Auxiliary
  JsonNode raw();
}
