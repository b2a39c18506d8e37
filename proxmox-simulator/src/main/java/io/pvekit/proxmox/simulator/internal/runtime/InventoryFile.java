package io.pvekit.proxmox.simulator.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pvekit.proxmox.simulator.FaultRule;
import io.pvekit.proxmox.simulator.ProxmoxSimulatorBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an inventory file (YAML, or JSON, which is YAML too) into a builder: nodes, storages,
 * files, templates, VMs, containers, pools, OCI images of the simulated registry, users, tokens,
 * ACLs, the guest agent's boot time and fault rules. A file with {@code nodes} replaces the default
 * inventory; one without adds to it.
 */
public final class InventoryFile {
  private static final Set<String> SECTIONS =
      Set.of(
          "nodes",
          "storages",
          "files",
          "templates",
          "vms",
          "containers",
          "pools",
          "ociImages",
          "users",
          "tokens",
          "acls",
          "agent",
          "faults");

  private InventoryFile() {}

  /**
   * Applies a file to a builder.
   *
   * @throws IllegalArgumentException naming the file, the entry and the field that is wrong
   */
  public static void apply(ProxmoxSimulatorBuilder builder, Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("inventory file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("inventory file " + file + ": expected a mapping");
    }
    root.fieldNames()
        .forEachRemaining(
            name -> {
              if (!SECTIONS.contains(name)) {
                throw new IllegalArgumentException(
                    "inventory file " + file + ": unknown section '" + name + "'; use " + SECTIONS);
              }
            });
    String where = "inventory file " + file + ": ";
    if (root.has("nodes")) {
      builder.emptyInventory();
      for (JsonNode n : list(root, "nodes")) {
        builder.node(
            text(n, "name", where), (int) number(n, "cpus", 8), size(n, "memory", "32G", where));
      }
    }
    for (JsonNode s : list(root, "storages")) {
      List<String> content = new ArrayList<>();
      s.path("content").forEach(c -> content.add(c.asText()));
      builder.storage(
          text(s, "id", where),
          text(s, "type", where),
          size(s, "capacity", "100G", where),
          content.toArray(String[]::new));
    }
    for (JsonNode f : list(root, "files")) {
      builder.file(
          text(f, "storage", where),
          text(f, "content", where),
          text(f, "filename", where),
          size(f, "size", "100M", where));
    }
    for (JsonNode t : list(root, "templates")) {
      builder.qemuTemplate(
          (int) number(t, "vmid", 0),
          text(t, "name", where),
          (int) number(t, "memory", 2048),
          (int) number(t, "disk", 4));
    }
    for (JsonNode v : list(root, "vms")) {
      builder.qemuVm(
          (int) number(v, "vmid", 0),
          text(v, "name", where),
          (int) number(v, "memory", 2048),
          (int) number(v, "disk", 8),
          v.path("running").asBoolean(false));
    }
    for (JsonNode c : list(root, "containers")) {
      builder.container(
          (int) number(c, "vmid", 0),
          text(c, "hostname", where),
          (int) number(c, "memory", 512),
          (int) number(c, "disk", 8),
          c.path("running").asBoolean(false));
    }
    list(root, "pools")
        .forEach(p -> builder.pool(p.isObject() ? text(p, "id", where) : p.asText()));
    for (JsonNode i : list(root, "ociImages")) {
      List<String> tags = new ArrayList<>();
      i.path("tags").forEach(t -> tags.add(t.asText()));
      List<String> env = new ArrayList<>();
      i.path("env").forEach(e -> env.add(e.asText()));
      builder.ociImage(text(i, "repository", where), tags, text(i, "entrypoint", where), env);
    }
    for (JsonNode u : list(root, "users")) {
      builder.addUser(text(u, "userid", where), text(u, "password", where));
    }
    for (JsonNode t : list(root, "tokens")) {
      builder.token(
          text(t, "id", where), text(t, "secret", where), t.path("privsep").asBoolean(true));
    }
    for (JsonNode a : list(root, "acls")) {
      builder.acl(text(a, "path", where), text(a, "subject", where), text(a, "role", where));
    }
    if (root.has("agent")) {
      JsonNode agent = root.get("agent");
      builder.agentBoot(
          Duration.ofSeconds(number(agent, "bootSeconds", 0)), (int) number(agent, "bootCalls", 0));
    }
    for (JsonNode f : list(root, "faults")) {
      builder.fault(fault(f, where));
    }
  }

  private static FaultRule fault(JsonNode f, String where) {
    FaultRule rule = FaultRule.on(f.path("method").asText("*"), text(f, "path", where));
    if (f.has("status")) {
      rule = rule.withError((int) number(f, "status", 500), f.path("message").asText("fault"));
    }
    if (f.has("delayMs")) {
      rule = rule.withLatency(Duration.ofMillis(number(f, "delayMs", 0)));
    }
    if (f.path("drop").asBoolean(false)) {
      rule = rule.withDroppedConnection();
    }
    if (f.path("expireTicket").asBoolean(false)) {
      rule = rule.withTicketExpiry();
    }
    if (f.has("taskFailure")) {
      rule = rule.withTaskFailure(f.get("taskFailure").asText());
    }
    if (f.has("probability")) {
      rule = rule.withProbability(f.get("probability").asDouble());
    }
    if (f.has("count")) {
      rule = rule.times((int) number(f, "count", 1));
    }
    return rule;
  }

  private static Iterable<JsonNode> list(JsonNode root, String name) {
    JsonNode node = root.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("inventory section '" + name + "' must be a list");
    }
    return node;
  }

  private static String text(JsonNode entry, String field, String where) {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull() || value.asText().isEmpty()) {
      throw new IllegalArgumentException(where + "entry " + entry + " lacks '" + field + "'");
    }
    return value.asText();
  }

  private static long number(JsonNode entry, String field, long fallback) {
    JsonNode value = entry.get(field);
    return value == null ? fallback : value.asLong(fallback);
  }

  /** Bytes from {@code 123}, {@code 64G}, {@code 512M}, {@code 1T}. */
  private static long size(JsonNode entry, String field, String fallback, String where) {
    String text = entry.path(field).asText(fallback).trim().toUpperCase(Locale.ROOT);
    long unit = 1;
    char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
    int power = "KMGT".indexOf(last);
    if (power >= 0) {
      unit = 1L << (10 * (power + 1));
      text = text.substring(0, text.length() - 1);
    }
    try {
      return Long.parseLong(text) * unit;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + "'" + field + "' of " + entry + " is not a size like 64G or 512M", e);
    }
  }
}
