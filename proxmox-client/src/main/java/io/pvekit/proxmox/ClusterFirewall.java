package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;

/** {@code /cluster/firewall}: the datacenter firewall switch and policies, aliases and IP sets. */
public final class ClusterFirewall {
  private final Transport transport;

  ClusterFirewall(Transport transport) {
    this.transport = transport;
  }

  /**
   * {@code GET /cluster/firewall/options}.
   *
   * @return the options as PVE sends them
   */
  public JsonNode options() {
    return transport.decode(
        ApiCall.get("/cluster/firewall/options"),
        d -> Ergonomics.object(d, "cluster firewall options"));
  }

  /**
   * {@code PUT /cluster/firewall/options}.
   *
   * @param enabled whether the datacenter firewall is on
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
        ApiCall.put("/cluster/firewall/options")
            .param("enable", enabled ? 1 : 0)
            .param("policy_in", policyIn)
            .param("policy_out", policyOut));
  }

  /**
   * {@code GET /cluster/firewall/aliases}.
   *
   * @return the aliases ({@code name}, {@code cidr}, {@code comment})
   */
  public List<JsonNode> aliases() {
    return transport.decode(ApiCall.get("/cluster/firewall/aliases"), Json::items);
  }

  /**
   * {@code POST /cluster/firewall/aliases}: a name for an address or network in rules.
   *
   * @param name the alias
   * @param cidr an address or network
   * @param comment free text, or null
   */
  public void createAlias(String name, String cidr, String comment) {
    transport.call(
        ApiCall.post("/cluster/firewall/aliases")
            .param("name", name)
            .param("cidr", cidr)
            .param("comment", comment));
  }

  /**
   * {@code POST /cluster/firewall/ipset}: an empty IP set.
   *
   * @param name the set's name
   * @param comment free text, or null
   */
  public void createIpSet(String name, String comment) {
    transport.call(
        ApiCall.post("/cluster/firewall/ipset").param("name", name).param("comment", comment));
  }

  /**
   * {@code POST /cluster/firewall/ipset/{name}}: adds an address or network to a set.
   *
   * @param name the set
   * @param cidr the address, network or alias
   * @param comment free text, or null
   */
  public void addToIpSet(String name, String cidr, String comment) {
    transport.call(
        ApiCall.post("/cluster/firewall/ipset/{name}")
            .path("name", name)
            .param("cidr", cidr)
            .param("comment", comment));
  }
}
