package io.pvekit.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * One JSON value as received, turned into a Jackson tree only when asked for. The streaming
 * decoders keep a copy of the value's bytes instead of a tree: most callers never look at {@code
 * raw()}, and the bytes are several times smaller than the tree. A copy, not a slice of the whole
 * body, so that keeping one entry of a large list does not keep the list.
 */
public final class RawJson {
  private static final ObjectReader TREES = JsonMapping.newMapper().reader();

  private final byte[] bytes;
  private volatile JsonNode tree;

  private RawJson(byte[] bytes, JsonNode tree) {
    this.bytes = bytes;
    this.tree = tree;
  }

  /** A value that is a tree already. */
  public static RawJson of(JsonNode tree) {
    return new RawJson(null, tree);
  }

  /** The bytes {@code from} (inclusive) to {@code to} (exclusive) of a body that parsed. */
  public static RawJson copyOf(byte[] body, int from, int to) {
    return new RawJson(Arrays.copyOfRange(body, from, to), null);
  }

  /** The tree; the same instance on every call. */
  public JsonNode tree() {
    JsonNode parsed = tree;
    if (parsed == null) {
      synchronized (this) {
        parsed = tree;
        if (parsed == null) {
          try {
            parsed = TREES.readTree(bytes);
          } catch (IOException e) {
            // the bytes parsed once already, as part of the response
            throw new UncheckedIOException("re-reading a received JSON value failed", e);
          }
          tree = parsed;
        }
      }
    }
    return parsed;
  }

  @Override
  public String toString() {
    return tree().toString();
  }
}
