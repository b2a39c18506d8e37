package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The calls the datacenter's and a guest's firewall share: only the base path and its path
 * parameters differ, so {@link ClusterFirewall} and {@link GuestFirewall} both delegate here.
 */
final class FirewallCalls {
  private final Transport transport;
  private final String base;
  private final UnaryOperator<ApiCall> scope;

  FirewallCalls(Transport transport, String base, UnaryOperator<ApiCall> scope) {
    this.transport = transport;
    this.base = base;
    this.scope = scope;
  }

  private ApiCall get(String path) {
    return scope.apply(ApiCall.get(base + path));
  }

  private ApiCall post(String path) {
    return scope.apply(ApiCall.post(base + path));
  }

  private ApiCall put(String path) {
    return scope.apply(ApiCall.put(base + path));
  }

  private ApiCall delete(String path) {
    return scope.apply(ApiCall.delete(base + path));
  }

  static String policy(String what, String policy) {
    if (policy != null && !policy.matches("ACCEPT|REJECT|DROP")) {
      throw new IllegalArgumentException(
          what + ": '" + policy + "' must be ACCEPT, REJECT or DROP");
    }
    return policy;
  }

  FirewallOptions options() {
    return transport.decode(
        get("/options"),
        d -> {
          JsonNode e = Ergonomics.object(d, "firewall options");
          return ImmutableFirewallOptions.builder()
              .enabled(Json.flag(e, "enable"))
              .policyIn(Json.text(e, "policy_in"))
              .policyOut(Json.text(e, "policy_out"))
              .policyForward(Json.text(e, "policy_forward"))
              .logLevelIn(Json.text(e, "log_level_in"))
              .logLevelOut(Json.text(e, "log_level_out"))
              .macFilter(Json.optionalFlag(e, "macfilter"))
              .ipFilter(Json.optionalFlag(e, "ipfilter"))
              .dhcp(Json.optionalFlag(e, "dhcp"))
              .ebtables(Json.optionalFlag(e, "ebtables"))
              .digest(Json.text(e, "digest"))
              .raw(e)
              .build();
        });
  }

  void setOptions(Object enabled, String policyIn, String policyOut) {
    transport.call(
        put("/options")
            .param("enable", enabled)
            .param("policy_in", policy("policyIn", policyIn))
            .param("policy_out", policy("policyOut", policyOut)));
  }

  private static FirewallRule rule(JsonNode e) {
    return FirewallRule.builder()
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
        .iface(Json.text(e, "iface"))
        .log(Json.text(e, "log"))
        .enabled(Json.integer(e, "enable").orElse(0L) != 0)
        .digest(Json.text(e, "digest"))
        .build();
  }

  List<FirewallRule> rules() {
    return transport.decode(get("/rules"), d -> Decode.list(d, FirewallCalls::rule));
  }

  FirewallRule rule(long pos) {
    return transport.decode(
        get("/rules/{pos}").path("pos", pos), d -> rule(Ergonomics.object(d, "firewall rule")));
  }

  void addRule(FirewallRule rule) {
    transport.call(post("/rules").params(rule.params()));
  }

  void updateRule(long pos, FirewallRule rule) {
    String absent = rule.absentKeys();
    transport.call(
        put("/rules/{pos}")
            .path("pos", pos)
            .params(rule.params())
            .param("delete", absent.isEmpty() ? null : absent));
  }

  void moveRule(long pos, long moveTo) {
    transport.call(put("/rules/{pos}").path("pos", pos).param("moveto", moveTo));
  }

  void deleteRule(long pos) {
    transport.call(delete("/rules/{pos}").path("pos", pos));
  }

  List<FirewallAlias> aliases() {
    return transport.decode(
        get("/aliases"),
        d ->
            Decode.list(
                d,
                e ->
                    ImmutableFirewallAlias.builder()
                        .name(Json.requiredText(e, "name", "firewall alias"))
                        .cidr(Json.requiredText(e, "cidr", "firewall alias"))
                        .comment(Json.text(e, "comment"))
                        .digest(Json.text(e, "digest"))
                        .build()));
  }

  void createAlias(String name, String cidr, String comment) {
    transport.call(
        post("/aliases").param("name", name).param("cidr", cidr).param("comment", comment));
  }

  void updateAlias(String name, String cidr, String comment) {
    transport.call(
        put("/aliases/{name}").path("name", name).param("cidr", cidr).param("comment", comment));
  }

  void deleteAlias(String name) {
    transport.call(delete("/aliases/{name}").path("name", name));
  }

  List<FirewallIpSet> ipSets() {
    return transport.decode(
        get("/ipset"),
        d ->
            Decode.list(
                d,
                e ->
                    ImmutableFirewallIpSet.builder()
                        .name(Json.requiredText(e, "name", "IP set"))
                        .comment(Json.text(e, "comment"))
                        .digest(Json.text(e, "digest"))
                        .build()));
  }

  void createIpSet(String name, String comment) {
    transport.call(post("/ipset").param("name", name).param("comment", comment));
  }

  void deleteIpSet(String name, boolean force) {
    transport.call(
        delete("/ipset/{name}").path("name", name).param("force", force ? Boolean.TRUE : null));
  }

  List<FirewallIpSetEntry> ipSetEntries(String name) {
    return transport.decode(
        get("/ipset/{name}").path("name", name),
        d ->
            Decode.list(
                d,
                e ->
                    ImmutableFirewallIpSetEntry.builder()
                        .cidr(Json.requiredText(e, "cidr", "IP set entry"))
                        .comment(Json.text(e, "comment"))
                        .noMatch(Json.flag(e, "nomatch"))
                        .digest(Json.text(e, "digest"))
                        .build()));
  }

  void addToIpSet(String name, String cidr, String comment, boolean noMatch) {
    transport.call(
        post("/ipset/{name}")
            .path("name", name)
            .param("cidr", cidr)
            .param("comment", comment)
            .param("nomatch", noMatch ? Boolean.TRUE : null));
  }

  void updateIpSetEntry(String name, String cidr, String comment, boolean noMatch) {
    transport.call(
        put("/ipset/{name}/{cidr}")
            .path("name", name)
            .path("cidr", cidr)
            .param("comment", comment)
            .param("nomatch", noMatch));
  }

  void removeFromIpSet(String name, String cidr) {
    transport.call(delete("/ipset/{name}/{cidr}").path("name", name).path("cidr", cidr));
  }
}
