package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of {@code GET /cluster/sdn/vnets}: a virtual network guests attach to as a bridge of
 * that name. In the {@link SdnApi.View#PENDING pending} view a new VNet has its zone and tag only
 * under {@link #pending()}.
 */
@Value.Immutable
public interface SdnVnet {
  /** The VNet id. */
  String vnet();

  /** Its zone. */
  Optional<String> zone();

  /** The VLAN or VXLAN id. */
  Optional<Long> tag();

  /** A description. */
  Optional<String> alias();

  /** Whether guests may use VLANs inside the VNet. */
  boolean vlanAware();

  /** {@code new}, {@code changed} or {@code deleted} until applied (pending view only). */
  Optional<String> state();

  /** The values applying would set (pending view only). */
  Map<String, String> pending();

  /** The digest of the VNet configuration (written view). */
  Optional<String> digest();

  /** The entry as received. */
  @Value.Auxiliary
  JsonNode raw();
}
