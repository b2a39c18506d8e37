package io.pvekit.proxmox.simulator.internal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The simulator's one JSON mapper and tree factory. */
public final class Json {
  /** Thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** A new object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new array node. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }
}
