package io.pvekit.proxmox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.RawJson;
import io.pvekit.proxmox.internal.ResponseShapeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The lenient rules of {@link Json}, applied to the parser's current token: the usual token for a
 * field is read directly, anything else is read as a one-value tree and handed to the {@link Json}
 * rule, so a streaming decoder reads every body exactly as the tree decoder does.
 */
final class JsonTokens {
  /** Reads one object whose {@code START_OBJECT} is the current token. */
  @FunctionalInterface
  interface ObjectReader<T> {
    T read(JsonParser parser, byte[] body) throws IOException;
  }

  private JsonTokens() {}

  /**
   * An array of objects, each read by {@code objects}; an entry that is not an object goes to the
   * tree decoder {@code others} (which says what is wrong with it); {@code data} that is not an
   * array is an empty list (as {@link Json#items}).
   */
  static <T> List<T> list(
      JsonParser p, byte[] body, ObjectReader<T> objects, Function<JsonNode, T> others)
      throws IOException {
    List<T> out = new ArrayList<>();
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return out;
    }
    int index = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      try {
        out.add(t == JsonToken.START_OBJECT ? objects.read(p, body) : others.apply(tree(p)));
      } catch (RuntimeException e) {
        // the same path and message as Decode.list gives for the tree
        throw ResponseShapeException.inEntry(index, e);
      }
      index++;
    }
    return out;
  }

  /** Byte offset of the current {@code START_OBJECT}. */
  static int objectStart(JsonParser p) {
    return (int) p.currentTokenLocation().getByteOffset();
  }

  /** The object that began at {@code start} and whose {@code END_OBJECT} is the current token. */
  static RawJson rawObject(JsonParser p, byte[] body, int start) {
    int end = (int) p.currentTokenLocation().getByteOffset() + 1;
    return RawJson.copyOf(body, start, end);
  }

  /** As {@link Json#text(JsonNode)}. */
  static String text(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NULL:
        return null;
      case START_OBJECT:
      case START_ARRAY:
        p.skipChildren();
        return null;
      default:
        return Json.text(tree(p));
    }
  }

  /** As {@link #text(JsonParser)}, with a string made once per distinct value. */
  static String text(JsonParser p, TextCache cache) throws IOException {
    return p.currentToken() == JsonToken.VALUE_STRING ? cache.text(p) : text(p);
  }

  /**
   * As {@link Json#integer(JsonNode)}, without boxing: stores the value at {@code into[index]}.
   *
   * @return whether there is a value
   */
  static boolean integer(JsonParser p, long[] into, int index) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && isLong(p)) {
      into[index] = p.getLongValue();
      return true;
    }
    Long value = integer(p);
    if (value == null) {
      return false;
    }
    into[index] = value;
    return true;
  }

  /**
   * As {@link Json#number(JsonNode)}, without boxing: stores the value at {@code into[0]}.
   *
   * @return whether there is a value
   */
  static boolean number(JsonParser p, double[] into) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      into[0] = p.getDoubleValue();
      return true;
    }
    Double value = number(p);
    if (value == null) {
      return false;
    }
    into[0] = value;
    return true;
  }

  /** As {@link Json#integer(JsonNode)}. */
  static Long integer(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NUMBER_INT:
        return isLong(p) ? p.getLongValue() : Json.integer(tree(p));
      case VALUE_STRING:
        return Json.integer(p.getText());
      case VALUE_NULL:
        return null;
      default:
        return Json.integer(tree(p));
    }
  }

  /** As {@link Json#number(JsonNode)}. */
  static Double number(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_NUMBER_INT:
        return isLong(p) ? (double) p.getLongValue() : Json.number(tree(p));
      case VALUE_STRING:
        return Json.number(p.getText());
      case VALUE_NULL:
        return null;
      default:
        return Json.number(tree(p));
    }
  }

  /** As {@link Json#flag(JsonNode)}. */
  static boolean flag(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
      case VALUE_NULL:
        return false;
      case VALUE_NUMBER_INT:
        return isLong(p) ? p.getLongValue() == 1 : Json.flag(tree(p));
      case VALUE_STRING:
        return Json.flag(p.getText());
      default:
        return Json.flag(tree(p));
    }
  }

  /** As {@link Json#list(JsonNode)}. */
  static List<String> list(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case VALUE_STRING:
        return Json.list(p.getText());
      case VALUE_NULL:
        return new ArrayList<>();
      default:
        return Json.list(tree(p));
    }
  }

  private static boolean isLong(JsonParser p) throws IOException {
    JsonParser.NumberType type = p.getNumberType();
    return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
  }

  /** The current value (a scalar, or a whole container) as a tree, as a tree reader builds it. */
  private static JsonNode tree(JsonParser p) throws IOException {
    return p.readValueAsTree();
  }
}
