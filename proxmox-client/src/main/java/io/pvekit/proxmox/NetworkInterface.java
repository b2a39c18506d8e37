package io.pvekit.proxmox;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code GET /nodes/{node}/network}: a bridge, bond, NIC, VLAN, ... */
@Value.Immutable
public interface NetworkInterface {
  /** E.g. {@code vmbr0}. */
  String iface();

  /** E.g. {@code bridge}, {@code eth}, {@code bond}, {@code vlan}, {@code OVSBridge}. */
  String type();

  boolean active();

  boolean autostart();

  Optional<String> address();

  Optional<String> cidr();

  Optional<String> gateway();

  List<String> bridgePorts();

  boolean bridgeVlanAware();

  Optional<String> comments();

  /** Whether this is a Linux or OVS bridge (what VMs attach to). */
  @Value.Derived
  default boolean isBridge() {
    return type().equals("bridge") || type().equals("OVSBridge");
  }
}
