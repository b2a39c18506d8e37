package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code /cluster/ha}: high-availability resources (guests the cluster restarts or moves when a
 * node fails), their rules and the HA stack's status.
 */
public final class HaApi {
  /** The state the HA manager keeps a resource in. */
  public enum State {
    /** Keep it running. */
    STARTED,
    /** Keep it stopped. */
    STOPPED,
    /** Manage it but do not start or stop it. */
    IGNORED,
    /** Stop it and leave it alone. */
    DISABLED;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Transport transport;

  HaApi(Transport transport) {
    this.transport = transport;
  }

  /**
   * {@code GET /cluster/ha/resources}.
   *
   * @return each resource
   */
  public List<HaResource> resources() {
    return transport.decode(
        ApiCall.get("/cluster/ha/resources"), d -> Decode.list(d, HaApi::resource));
  }

  private static HaResource resource(JsonNode e) {
    String sid = Json.requiredText(e, "sid", "HA resource");
    return ImmutableHaResource.builder()
        .sid(sid)
        .type(
            Json.text(e, "type")
                .orElse(sid.contains(":") ? sid.substring(0, sid.indexOf(':')) : "vm"))
        .state(Json.text(e, "state").orElse("started"))
        .comment(Json.text(e, "comment"))
        .group(Json.text(e, "group"))
        .maxRestart(Json.integer(e, "max_restart"))
        .maxRelocate(Json.integer(e, "max_relocate"))
        .failback(Json.optionalFlag(e, "failback"))
        .digest(Json.text(e, "digest"))
        .raw(e)
        .build();
  }

  /**
   * {@code GET /cluster/ha/resources/{sid}}.
   *
   * @param sid the resource id
   * @return the resource
   */
  public HaResource resource(String sid) {
    return transport.decode(
        ApiCall.get("/cluster/ha/resources/{sid}").path("sid", sid),
        d -> resource(Ergonomics.object(d, "HA resource")));
  }

  /**
   * {@code POST /cluster/ha/resources}: puts a VM or container under HA.
   *
   * @param sid {@code vm:100}, {@code ct:200} or a bare VMID
   * @param state the requested state
   * @param comment free text, or null
   */
  public void add(String sid, State state, String comment) {
    transport.call(
        ApiCall.post("/cluster/ha/resources")
            .param("sid", sid)
            .param("state", state.wire())
            .param("comment", comment));
  }

  /**
   * {@code PUT /cluster/ha/resources/{sid}}: changes the requested state.
   *
   * @param sid the resource id
   * @param state the new state
   */
  public void setState(String sid, State state) {
    transport.call(
        ApiCall.put("/cluster/ha/resources/{sid}").path("sid", sid).param("state", state.wire()));
  }

  /**
   * {@code DELETE /cluster/ha/resources/{sid}}: takes the guest out of HA (it keeps running).
   *
   * @param sid the resource id
   */
  public void remove(String sid) {
    transport.call(ApiCall.delete("/cluster/ha/resources/{sid}").path("sid", sid));
  }

  /**
   * {@code GET /cluster/ha/rules} (PVE 9): node-affinity and resource-affinity rules.
   *
   * @return the rules
   */
  public List<HaRule> rules() {
    return transport.decode(
        ApiCall.get("/cluster/ha/rules"),
        d ->
            Decode.list(
                d,
                e ->
                    ImmutableHaRule.builder()
                        .rule(Json.requiredText(e, "rule", "HA rule"))
                        .type(Json.text(e, "type").orElse("unknown"))
                        .resources(Json.list(e, "resources"))
                        .nodes(Json.list(e, "nodes"))
                        .strict(Json.flag(e, "strict"))
                        .affinity(Json.text(e, "affinity"))
                        .disabled(Json.flag(e, "disable"))
                        .comment(Json.text(e, "comment"))
                        .digest(Json.text(e, "digest"))
                        .raw(e)
                        .build()));
  }

  /**
   * {@code GET /cluster/ha/status/current}: quorum, master, LRMs and services.
   *
   * @return the status entries
   */
  public List<HaStatusEntry> status() {
    return transport.decode(
        ApiCall.get("/cluster/ha/status/current"),
        d ->
            Decode.list(
                d,
                e ->
                    ImmutableHaStatusEntry.builder()
                        .id(Json.requiredText(e, "id", "HA status entry"))
                        .type(Json.text(e, "type").orElse("unknown"))
                        .node(Json.text(e, "node"))
                        .status(Json.text(e, "status"))
                        .sid(Json.text(e, "sid"))
                        .state(Json.text(e, "state"))
                        .crmState(Json.text(e, "crm_state"))
                        .requestState(Json.text(e, "request_state"))
                        .quorate(Json.optionalFlag(e, "quorate"))
                        .timestamp(Json.integer(e, "timestamp").map(Instant::ofEpochSecond))
                        .raw(e)
                        .build()));
  }

  /**
   * {@code POST /cluster/ha/rules} (PVE 9) of type {@code node-affinity}: keeps resources on the
   * given nodes (a node may carry a priority, {@code pve1:2}).
   *
   * @param rule the rule id
   * @param resources HA resource ids, e.g. {@code vm:100}
   * @param nodes the nodes, e.g. {@code pve1:2}, {@code pve2}
   * @param strict whether the resources may run only there
   */
  public void createNodeAffinityRule(
      String rule, List<String> resources, List<String> nodes, boolean strict) {
    transport.call(
        rule(rule, "node-affinity", resources)
            .param("nodes", String.join(",", nodes))
            .param("strict", strict));
  }

  /**
   * {@code POST /cluster/ha/rules} (PVE 9) of type {@code resource-affinity}: keeps resources
   * together ({@code positive}) or apart ({@code negative}), e.g. control-plane VMs on different
   * nodes.
   *
   * @param rule the rule id
   * @param resources HA resource ids, at least two
   * @param together true for {@code positive}, false for {@code negative} affinity
   */
  public void createResourceAffinityRule(String rule, List<String> resources, boolean together) {
    if (resources.size() < 2) {
      throw new IllegalArgumentException(
          "resources: a resource-affinity rule needs at least two resources, got " + resources);
    }
    transport.call(
        rule(rule, "resource-affinity", resources)
            .param("affinity", together ? "positive" : "negative"));
  }

  private static ApiCall rule(String rule, String type, List<String> resources) {
    if (rule == null || !rule.matches("[A-Za-z][A-Za-z0-9_\\-]+")) {
      throw new IllegalArgumentException(
          "rule: '" + rule + "' must start with a letter and have letters, digits, '-' or '_'");
    }
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("resources: name at least one HA resource");
    }
    return ApiCall.post("/cluster/ha/rules")
        .param("rule", rule)
        .param("type", type)
        .param("resources", String.join(",", resources));
  }

  /**
   * {@code DELETE /cluster/ha/rules/{rule}} (PVE 9).
   *
   * @param rule the rule id
   */
  public void deleteRule(String rule) {
    transport.call(ApiCall.delete("/cluster/ha/rules/{rule}").path("rule", rule));
  }
}
