package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.state.FirewallConfig;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import java.util.List;
import java.util.Objects;

/**
 * Where a firewall file lives and who may read or change it: the cluster's ({@code Sys.Audit} and
 * {@code Sys.Modify} on {@code /}) or a guest's ({@code VM.Audit} and {@code VM.Config.Network} on
 * {@code /vms/{vmid}}).
 */
record FirewallScope(
    String base, GuestType guestType, Endpoint.Check audit, Endpoint.Check modify) {

  static final List<FirewallScope> ALL =
      List.of(
          new FirewallScope(
              "/cluster/firewall", null, perm("/", "Sys.Audit"), perm("/", "Sys.Modify")),
          guest(GuestType.QEMU, "qemu"),
          guest(GuestType.LXC, "lxc"));

  private static FirewallScope guest(GuestType type, String segment) {
    return new FirewallScope(
        "/nodes/{node}/" + segment + "/{vmid}/firewall",
        type,
        perm("/vms/{vmid}", "VM.Audit"),
        perm("/vms/{vmid}", "VM.Config.Network"));
  }

  boolean cluster() {
    return guestType == null;
  }

  /** The file the call addresses; a guest that does not exist fails as in PVE. */
  FirewallConfig file(Call c) {
    if (cluster()) {
      return c.world().firewalls().cluster();
    }
    return c.world().firewalls().guest(c.world().guest(c.node(), c.vmid(), guestType));
  }

  /** The cluster's file, where a guest's rules also find aliases and IP sets. */
  static FirewallConfig clusterFile(Call c) {
    return c.world().firewalls().cluster();
  }

  /** PVE's answer to a {@code digest} that no longer matches. */
  static void assertUnmodified(Call c, String digest) {
    if (c.has("digest") && !Objects.equals(c.str("digest"), digest)) {
      throw new SimulatorError(
          "detected modified configuration - file changed by other user? Try again.");
    }
  }
}
