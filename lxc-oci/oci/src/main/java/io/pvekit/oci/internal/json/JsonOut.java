package io.pvekit.oci.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A jackson-core generator with the rules OCI documents are written by, as {@link OciJson}'s mapper
 * wrote them: a property whose value is absent or empty (empty string, array or object) is left
 * out; {@code false}, {@code 0} and a present but empty optional string are written.
 */
final class JsonOut {
  private final JsonGenerator g;

  JsonOut(JsonGenerator generator) {
    this.g = generator;
  }

  void startObject() throws IOException {
    g.writeStartObject();
  }

  void endObject() throws IOException {
    g.writeEndObject();
  }

  void endArray() throws IOException {
    g.writeEndArray();
  }

  void name(String name) throws IOException {
    g.writeFieldName(name);
  }

  /** Starts an array property unless the list is empty (then writes nothing). */
  boolean startArray(String name, Collection<?> values) throws IOException {
    if (values.isEmpty()) {
      return false;
    }
    g.writeArrayFieldStart(name);
    return true;
  }

  /** Starts an object property unless the map is empty (then writes nothing). */
  boolean startObject(String name, Map<?, ?> values) throws IOException {
    if (values.isEmpty()) {
      return false;
    }
    g.writeObjectFieldStart(name);
    return true;
  }

  void string(String name, String value) throws IOException {
    if (!value.isEmpty()) {
      g.writeStringField(name, value);
    }
  }

  /** A present optional string is written even when empty (databind's reference-type rule). */
  void string(String name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    }
  }

  void number(String name, long value) throws IOException {
    g.writeNumberField(name, value);
  }

  void number(String name, int value) throws IOException {
    g.writeNumberField(name, value);
  }

  void number(String name, BigInteger value) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(value);
  }

  void number(String name, OptionalLong value) throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(name, value.getAsLong());
    }
  }

  void number(String name, OptionalInt value) throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(name, value.getAsInt());
    }
  }

  void bigNumber(String name, Optional<BigInteger> value) throws IOException {
    if (value.isPresent()) {
      number(name, value.get());
    }
  }

  void bool(String name, boolean value) throws IOException {
    g.writeBooleanField(name, value);
  }

  void bool(String name, Optional<Boolean> value) throws IOException {
    if (value.isPresent()) {
      g.writeBooleanField(name, value.get());
    }
  }

  void strings(String name, List<String> values) throws IOException {
    if (startArray(name, values)) {
      for (String value : values) {
        g.writeString(value);
      }
      g.writeEndArray();
    }
  }

  void longs(String name, List<Long> values) throws IOException {
    if (startArray(name, values)) {
      for (long value : values) {
        g.writeNumber(value);
      }
      g.writeEndArray();
    }
  }

  void strings(String name, Map<String, String> values) throws IOException {
    if (startObject(name, values)) {
      for (Map.Entry<String, String> entry : values.entrySet()) {
        g.writeStringField(entry.getKey(), entry.getValue());
      }
      g.writeEndObject();
    }
  }

  /**
   * A value on its own (not a property): a model object, a collection, a map, a string, number or
   * boolean, or an {@code Optional} of one.
   *
   * @return false when the value is of no type this writer knows (nothing was written)
   */
  boolean value(Object value) throws IOException {
    if (value instanceof Optional) {
      Optional<?> optional = (Optional<?>) value;
      if (optional.isEmpty()) {
        g.writeNull();
        return true;
      }
      return value(optional.get());
    }
    if (value instanceof String) {
      g.writeString((String) value);
    } else if (value instanceof Boolean) {
      g.writeBoolean((Boolean) value);
    } else if (value instanceof Long || value instanceof Integer) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigInteger) {
      g.writeNumber((BigInteger) value);
    } else if (value instanceof Collection) {
      g.writeStartArray();
      for (Object element : (Collection<?>) value) {
        if (!value(element)) {
          return false;
        }
      }
      g.writeEndArray();
    } else if (value instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        g.writeFieldName(String.valueOf(entry.getKey()));
        if (!value(entry.getValue())) {
          return false;
        }
      }
      g.writeEndObject();
    } else {
      return ModelWriter.model(this, value);
    }
    return true;
  }
}
