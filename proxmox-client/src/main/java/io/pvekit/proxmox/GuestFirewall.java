package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;

/** {@code /nodes/{node}/{qemu|lxc}/{vmid}/firewall}: a guest's firewall switch, policies, rules. */
public final class GuestFirewall {
  private final Transport transport;
  private final NodeName node;
  private final VmId vmid;
  private final String base;

  GuestFirewall(Transport transport, NodeName node, VmId vmid, Snapshots.Kind kind) {
    this.transport = transport;
    this.node = node;
    this.vmid = vmid;
    this.base = "/nodes/{node}/" + kind.segment + "/{vmid}/firewall";
  }

  private ApiCall at(ApiCall call) {
    return call.path("node", node).path("vmid", vmid);
  }

  /**
   * {@code GET .../firewall/options}.
   *
   * @return the options as PVE sends them ({@code enable}, {@code policy_in}, ...)
   */
  public JsonNode options() {
    return transport.decode(
        at(ApiCall.get(base + "/options")), d -> Ergonomics.object(d, "firewall options"));
  }

  /**
   * {@code PUT .../firewall/options}: turns the guest's firewall on or off and sets its policies.
   *
   * @param enabled whether the rules apply
   * @param policyIn {@code ACCEPT}, {@code REJECT} or {@code DROP}, or null to keep it
   * @param policyOut the same for outgoing traffic, or null
   */
  public void setOptions(boolean enabled, String policyIn, String policyOut) {
    for (String policy : new String[] {policyIn, policyOut}) {
      if (policy != null && !policy.matches("ACCEPT|REJECT|DROP")) {
        throw new IllegalArgumentException(
            "policy: '" + policy + "' must be ACCEPT, REJECT or DROP");
      }
    }
    transport.call(
        at(ApiCall.put(base + "/options"))
            .param("enable", enabled)
            .param("policy_in", policyIn)
            .param("policy_out", policyOut));
  }

  /**
   * {@code GET .../firewall/rules}.
   *
   * @return the rules in order
   */
  public List<FirewallRule> rules() {
    return transport.decode(
        at(ApiCall.get(base + "/rules")),
        d ->
            Decode.list(
                d,
                e ->
                    FirewallRule.builder()
                        .pos(Json.integer(e, "pos"))
                        .type(Json.requiredText(e, "type", "firewall rule"))
                        .action(Json.requiredText(e, "action", "firewall rule"))
                        .proto(Json.text(e, "proto"))
                        .source(Json.text(e, "source"))
                        .dest(Json.text(e, "dest"))
                        .dport(Json.text(e, "dport"))
                        .sport(Json.text(e, "sport"))
                        .macro(Json.text(e, "macro"))
                        .comment(Json.text(e, "comment"))
                        .enabled(Json.integer(e, "enable").orElse(0L) != 0)
                        .build()));
  }

  /**
   * {@code POST .../firewall/rules}: adds a rule at the top.
   *
   * @param rule the rule
   */
  public void addRule(FirewallRule rule) {
    transport.call(at(ApiCall.post(base + "/rules")).params(rule.params()));
  }

  /**
   * {@code DELETE .../firewall/rules/{pos}}.
   *
   * @param pos the rule's position
   */
  public void deleteRule(long pos) {
    transport.call(at(ApiCall.delete(base + "/rules/{pos}")).path("pos", pos));
  }
}
