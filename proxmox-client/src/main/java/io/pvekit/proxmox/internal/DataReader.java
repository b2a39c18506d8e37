package io.pvekit.proxmox.internal;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads a response's {@code data} value straight from the parser, without a tree in between.
 *
 * @param <T> what the value becomes
 */
@FunctionalInterface
public interface DataReader<T> {
  /**
   * Reads a whole body of the usual shape without a parser, when this reader has such a fast path
   * and the body is simple enough for it; it must then give exactly what {@link #read} gives.
   *
   * @param body the whole response body
   * @return the {@code data} value, or null to have the body read by {@link #read}
   */
  default T readPlain(byte[] body) {
    return null;
  }

  /**
   * Reads the value whose first token is the parser's current token, and leaves the parser on its
   * last token ({@link JsonParser#skipChildren()} does that for anything not wanted).
   *
   * @param parser a parser over {@code body}, with an {@code ObjectMapper} as codec
   * @param body the whole response body, for byte offsets the parser reports
   */
  T read(JsonParser parser, byte[] body) throws IOException;
}
