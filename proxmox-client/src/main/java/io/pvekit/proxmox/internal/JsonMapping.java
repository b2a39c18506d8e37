package io.pvekit.proxmox.internal;

import com.fasterxml.jackson.core.JsonFactory;
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
    JsonFactory factory =
        JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    return new ObjectMapper(factory)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
