package io.pvekit.proxmox.simulator.internal.handlers;

import io.pvekit.proxmox.simulator.internal.schema.LxcSchema;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import java.util.Map;

/**
 * The addresses a guest reports: static ones from {@code ipconfigN} (QEMU cloud-init) or the {@code
 * ip} of an LXC {@code netN}, else a stable DHCP-style address derived from the VMID.
 */
final class Addresses {
  private Addresses() {}

  /** {@code [address, prefix]} of interface {@code index}. */
  static String[] ipv4(Guest guest, int index) {
    String configured = null;
    if (guest.type() == GuestType.QEMU) {
      String ipconfig = guest.config().get("ipconfig" + index);
      if (ipconfig != null) {
        for (String part : ipconfig.split(",")) {
          if (part.startsWith("ip=")) {
            configured = part.substring(3);
          }
        }
      }
    } else {
      String net = guest.config().get("net" + index);
      if (net != null) {
        Map<String, String> parts = PropertyStrings.parseLenient(LxcSchema.NET, net);
        configured = parts.get("ip");
      }
    }
    if (configured != null && configured.contains("/")) {
      return configured.split("/", 2);
    }
    int host = guest.vmid() % 250 + 2;
    int subnet = (guest.vmid() / 250) % 250 + index;
    return new String[] {"10.10." + subnet + "." + host, "24"};
  }
}
