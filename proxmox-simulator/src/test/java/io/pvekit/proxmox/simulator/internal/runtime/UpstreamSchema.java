package io.pvekit.proxmox.simulator.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** The official PVE 9.1 API schema from {@code shared/upstream/pve-api}, indexed by path. */
public final class UpstreamSchema {
  private static Map<String, JsonNode> index;

  private UpstreamSchema() {}

  /** The {@code info.<METHOD>} node of an endpoint, or null when the schema has none. */
  public static synchronized JsonNode method(String method, String path) {
    if (index == null) {
      index = new HashMap<>();
      try {
        JsonNode root =
            new ObjectMapper().readTree(SharedData.upstream("pve-api/pve-apidata.json").toFile());
        root.forEach(UpstreamSchema::walk);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    JsonNode node = index.get(path);
    return node == null ? null : node.path("info").get(method);
  }

  private static void walk(JsonNode node) {
    index.put(node.get("path").asText(), node);
    node.path("children").forEach(UpstreamSchema::walk);
  }
}
