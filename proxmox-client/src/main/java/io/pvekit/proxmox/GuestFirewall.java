package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.Transport;

/**
 * {@code /nodes/{node}/{qemu|lxc}/{vmid}/firewall}: a guest's firewall switch and policies, rules,
 * aliases and IP sets. Needs {@code VM.Audit} on {@code /vms/{vmid}} to read and {@code
 * VM.Config.Network} to change; the rules apply to NICs with {@code firewall=1}.
 */
public final class GuestFirewall extends Firewall {
  GuestFirewall(Transport transport, NodeName node, VmId vmid, Snapshots.Kind kind) {
    super(
        new FirewallCalls(
            transport,
            "/nodes/{node}/" + kind.segment + "/{vmid}/firewall",
            call -> call.path("node", node).path("vmid", vmid)));
  }

  /**
   * {@code GET .../firewall/options}.
   *
   * @return the options ({@code enable}, policies, filters)
   */
  public FirewallOptions options() {
    return calls.options();
  }

  /**
   * {@code PUT .../firewall/options}: turns the guest's firewall on or off and sets its policies.
   *
   * @param enabled whether the rules apply
   * @param policyIn {@code ACCEPT}, {@code REJECT} or {@code DROP}, or null to keep it
   * @param policyOut the same for outgoing traffic, or null
   */
  public void setOptions(boolean enabled, String policyIn, String policyOut) {
    calls.setOptions(enabled, policyIn, policyOut);
  }
}
