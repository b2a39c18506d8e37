package io.pvekit.proxmox.simulator.internal.state;

import java.util.HashMap;
import java.util.Map;

/**
 * The cluster's firewall files: {@code cluster.fw} and one {@code <vmid>.fw} per guest. A guest's
 * file belongs to that guest object: a guest destroyed and re-created under the same VMID starts
 * with an empty file, as PVE removes {@code <vmid>.fw} on destroy.
 */
public final class Firewalls {
  private record GuestFile(Guest guest, FirewallConfig config) {}

  private final FirewallConfig cluster = new FirewallConfig();
  private final Map<Integer, GuestFile> guests = new HashMap<>();

  /** {@code /etc/pve/firewall/cluster.fw}. */
  public FirewallConfig cluster() {
    return cluster;
  }

  /** {@code /etc/pve/firewall/<vmid>.fw} of this guest (empty until written). */
  public FirewallConfig guest(Guest guest) {
    GuestFile file = guests.get(guest.vmid());
    if (file == null || file.guest() != guest) {
      file = new GuestFile(guest, new FirewallConfig());
      guests.put(guest.vmid(), file);
    }
    return file.config();
  }
}
