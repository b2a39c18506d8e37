package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.Transport;

/**
 * {@code /cluster/firewall}: the datacenter firewall's switch and policies, its rules, aliases and
 * IP sets (which guests' rules may use too). Needs {@code Sys.Audit} on {@code /} to read and
 * {@code Sys.Modify} to change.
 *
 * <pre>{@code
 * ClusterFirewall fw = client.cluster().firewall();
 * fw.createAlias("mgmt", "10.0.0.0/8", "management");
 * fw.addRule(FirewallRule.builder().type("in").action("ACCEPT").macro("SSH").source("mgmt").build());
 * fw.setOptions(true, "DROP", "ACCEPT");
 * }</pre>
 */
public final class ClusterFirewall extends Firewall {
  ClusterFirewall(Transport transport) {
    super(new FirewallCalls(transport, "/cluster/firewall", call -> call));
  }

  /**
   * {@code GET /cluster/firewall/options}.
   *
   * @return the options
   */
  public FirewallOptions options() {
    return calls.options();
  }

  /**
   * {@code PUT /cluster/firewall/options}.
   *
   * @param enabled whether the datacenter firewall is on
   * @param policyIn {@code ACCEPT}, {@code REJECT} or {@code DROP}, or null to keep it
   * @param policyOut the same for outgoing traffic, or null
   */
  public void setOptions(boolean enabled, String policyIn, String policyOut) {
    calls.setOptions(enabled ? 1 : 0, policyIn, policyOut);
  }
}
