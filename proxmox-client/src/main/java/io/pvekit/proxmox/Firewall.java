package io.pvekit.proxmox;

import java.util.List;

/**
 * What the datacenter's and each guest's firewall have in common: rules, aliases and IP sets, with
 * the same calls under {@code /cluster/firewall} and {@code
 * /nodes/{node}/{qemu|lxc}/{vmid}/firewall}. Get one from {@link ClusterApi#firewall()}, {@link
 * QemuVm#firewall()} or {@link LxcContainer#firewall()}.
 */
public abstract sealed class Firewall permits ClusterFirewall, GuestFirewall {
  final FirewallCalls calls;

  Firewall(FirewallCalls calls) {
    this.calls = calls;
  }

  /**
   * {@code GET .../firewall/rules}.
   *
   * @return the rules in order, position 0 first
   */
  public List<FirewallRule> rules() {
    return calls.rules();
  }

  /**
   * {@code GET .../firewall/rules/{pos}}.
   *
   * @param pos the rule's position
   * @return the rule
   */
  public FirewallRule rule(long pos) {
    return calls.rule(pos);
  }

  /**
   * {@code POST .../firewall/rules}: adds a rule at position 0; the others move down by one (PVE
   * ignores a position on create: use {@link #moveRule} afterwards).
   *
   * @param rule the rule
   */
  public void addRule(FirewallRule rule) {
    calls.addRule(rule);
  }

  /**
   * {@code PUT .../firewall/rules/{pos}}: replaces the rule at a position; optional fields the new
   * rule leaves out are deleted.
   *
   * @param pos the rule's position
   * @param rule the new rule ({@code pos} is ignored)
   */
  public void updateRule(long pos, FirewallRule rule) {
    calls.updateRule(pos, rule);
  }

  /**
   * {@code PUT .../firewall/rules/{pos}} with {@code moveto}: moves a rule. As in PVE the rule is
   * put before the rule that is at {@code moveTo} now, so moving down lands one above {@code
   * moveTo}; a position past the end makes it the last rule.
   *
   * @param pos the rule's position
   * @param moveTo the position to move it before
   */
  public void moveRule(long pos, long moveTo) {
    calls.moveRule(pos, moveTo);
  }

  /**
   * {@code DELETE .../firewall/rules/{pos}}: the rules below move up by one.
   *
   * @param pos the rule's position
   */
  public void deleteRule(long pos) {
    calls.deleteRule(pos);
  }

  /**
   * {@code GET .../firewall/aliases}.
   *
   * @return the aliases by name
   */
  public List<FirewallAlias> aliases() {
    return calls.aliases();
  }

  /**
   * {@code POST .../firewall/aliases}: a name for an address or network in rules and IP sets.
   *
   * @param name the alias (unique without regard to case)
   * @param cidr an address or network
   * @param comment free text, or null
   */
  public void createAlias(String name, String cidr, String comment) {
    calls.createAlias(name, cidr, comment);
  }

  /**
   * {@code PUT .../firewall/aliases/{name}}: points an alias at another address; the comment is
   * replaced too.
   *
   * @param name the alias
   * @param cidr the new address or network
   * @param comment free text, or null to remove it
   */
  public void updateAlias(String name, String cidr, String comment) {
    calls.updateAlias(name, cidr, comment);
  }

  /**
   * {@code DELETE .../firewall/aliases/{name}}.
   *
   * @param name the alias
   */
  public void deleteAlias(String name) {
    calls.deleteAlias(name);
  }

  /**
   * {@code GET .../firewall/ipset}.
   *
   * @return the IP sets by name
   */
  public List<FirewallIpSet> ipSets() {
    return calls.ipSets();
  }

  /**
   * {@code POST .../firewall/ipset}: an empty IP set, which rules name as {@code +name}.
   *
   * @param name the set's name
   * @param comment free text, or null
   */
  public void createIpSet(String name, String comment) {
    calls.createIpSet(name, comment);
  }

  /**
   * {@code DELETE .../firewall/ipset/{name}}.
   *
   * @param name the set
   * @param force whether to delete a set that still has entries (PVE refuses otherwise)
   */
  public void deleteIpSet(String name, boolean force) {
    calls.deleteIpSet(name, force);
  }

  /**
   * {@code GET .../firewall/ipset/{name}}.
   *
   * @param name the set
   * @return its entries in order
   */
  public List<FirewallIpSetEntry> ipSetEntries(String name) {
    return calls.ipSetEntries(name);
  }

  /**
   * {@code POST .../firewall/ipset/{name}}: adds an address or network to a set.
   *
   * @param name the set
   * @param cidr the address, network or alias
   * @param comment free text, or null
   */
  public void addToIpSet(String name, String cidr, String comment) {
    calls.addToIpSet(name, cidr, comment, false);
  }

  /**
   * {@code POST .../firewall/ipset/{name}} with {@code nomatch}: an entry excluded from the set.
   *
   * @param name the set
   * @param cidr the address, network or alias to exclude
   * @param comment free text, or null
   */
  public void excludeFromIpSet(String name, String cidr, String comment) {
    calls.addToIpSet(name, cidr, comment, true);
  }

  /**
   * {@code PUT .../firewall/ipset/{name}/{cidr}}: replaces an entry's comment and {@code nomatch}.
   *
   * @param name the set
   * @param cidr the entry's address, network or alias
   * @param comment free text, or null to remove it
   * @param noMatch whether the entry is excluded from the set
   */
  public void updateIpSetEntry(String name, String cidr, String comment, boolean noMatch) {
    calls.updateIpSetEntry(name, cidr, comment, noMatch);
  }

  /**
   * {@code DELETE .../firewall/ipset/{name}/{cidr}}.
   *
   * @param name the set
   * @param cidr the entry's address, network or alias
   */
  public void removeFromIpSet(String name, String cidr) {
    calls.removeFromIpSet(name, cidr);
  }
}
