package io.pvekit.proxmox;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A network interface inside a guest: from the QEMU guest agent ({@code
 * agent/network-get-interfaces}) or from {@code GET /nodes/{node}/lxc/{vmid}/interfaces}.
 */
@Value.Immutable
public interface GuestInterface {
  /** E.g. {@code eth0}, {@code lo}. */
  String name();

  Optional<String> hardwareAddress();

  /** Addresses with prefix length, e.g. {@code 10.0.0.5/24}, {@code fe80::1/64}. */
  List<String> ipAddresses();
}
