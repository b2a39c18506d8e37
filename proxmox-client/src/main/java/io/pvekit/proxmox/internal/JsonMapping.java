package io.pvekit.proxmox.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson configuration of the client. */
public final class JsonMapping {
  private JsonMapping() {}

  /**
   * A mapper that tolerates unknown properties and parses floating-point numbers from the parser's
   * buffer (FastDoubleParser: the same doubles as {@link Double#parseDouble}, without a string per
   * number).
   */
  public static ObjectMapper newMapper() {
    return newMapper(StreamReadConstraints.defaults().getMaxTokenCount());
  }

  /**
   * As {@link #newMapper()}, refusing documents of more than {@code maxTokens} JSON tokens. Bytes
   * alone do not bound memory: {@code [{},{},...]} turns each 3 bytes into a tree node of ~100.
   */
  public static ObjectMapper newMapper(long maxTokens) {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder().maxTokenCount(maxTokens).build())
            .build();
    return new ObjectMapper(factory)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
