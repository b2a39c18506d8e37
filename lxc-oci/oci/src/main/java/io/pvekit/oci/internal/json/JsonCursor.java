package io.pvekit.oci.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import io.pvekit.oci.OciSpecException;
import io.pvekit.oci.internal.ids.OciIds;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A jackson-core parser with the rules OCI documents are read by: values have exactly their JSON
 * type (no string-to-number or number-to-string coercion, no decimal for an integer), a null field
 * is an absent field, a null inside an array or map is an error, and unknown properties are skipped
 * and recorded. Errors name the JSON path ({@code $.process.user.uid}).
 *
 * <p>The readers ({@link SpecReader} and friends) drive it with one {@code switch} per object type:
 * no reflection and no generated classes, so a cold JVM reads a {@code config.json} in a few
 * milliseconds (jackson-databind spent several hundred introspecting the model at every start).
 */
final class JsonCursor {
  private final JsonParser parser;
  private final List<String> unknown = new ArrayList<>();

  JsonCursor(JsonParser parser) {
    this.parser = parser;
  }

  /** JSON paths of the properties that were skipped because no reader knew them. */
  List<String> unknownFields() {
    return unknown;
  }

  /** Moves to the document's first token. */
  JsonToken first() throws IOException {
    return parser.nextToken();
  }

  /** Checks that the current value is an object, before its fields are read with {@link #field}. */
  void beginObject() {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw mismatch("an object");
    }
  }

  /**
   * Moves to the next field of the object and to its value.
   *
   * @return the field's name, or null after the last field
   */
  String field() throws IOException {
    JsonToken token = parser.nextToken();
    if (token != JsonToken.FIELD_NAME) {
      return null;
    }
    String name = parser.currentName();
    parser.nextToken();
    return name;
  }

  /** Whether the current field has a value: a null is the same as leaving the field out. */
  boolean has() {
    return parser.currentToken() != JsonToken.VALUE_NULL;
  }

  /** Records the current field as unknown and skips its value. */
  void unknown() throws IOException {
    unknown.add(here());
    parser.skipChildren();
  }

  /**
   * Starts an array value: false for null (absent), true for an array (read its elements with
   * {@link #element}).
   */
  boolean array() {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    if (token != JsonToken.START_ARRAY) {
      throw mismatch("an array");
    }
    return true;
  }

  /**
   * Moves to the next array element.
   *
   * @return false after the last element
   */
  boolean element() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.END_ARRAY) {
      return false;
    }
    rejectNull();
    return true;
  }

  /**
   * Starts a map value (an object with arbitrary keys): false for null (absent), true for an object
   * (read its entries with {@link #entry}).
   */
  boolean map() {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    beginObject();
    return true;
  }

  /**
   * Moves to the next entry of a map and to its value, which must not be null.
   *
   * @return the key, or null after the last entry
   */
  String entry() throws IOException {
    String key = field();
    if (key != null) {
      rejectNull();
    }
    return key;
  }

  private void rejectNull() {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      throw new OciSpecException(here(), "null is not allowed here", null);
    }
  }

  String string() throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw mismatch("a string");
    }
    return parser.getText();
  }

  boolean bool() {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw mismatch("true or false");
  }

  long longValue() throws IOException {
    integer();
    try {
      return parser.getLongValue();
    } catch (InputCoercionException e) {
      throw new OciSpecException(here(), e.getOriginalMessage(), e);
    }
  }

  /** A user or group id: refused outside 0..2^31-1 (see {@link OciIds}). */
  long idValue() throws IOException {
    long id = longValue();
    if (!OciIds.valid(id)) {
      throw new OciSpecException(here(), OciIds.problem(id), null);
    }
    return id;
  }

  int intValue() throws IOException {
    integer();
    try {
      return parser.getIntValue();
    } catch (InputCoercionException e) {
      throw new OciSpecException(here(), e.getOriginalMessage(), e);
    }
  }

  BigInteger bigInteger() throws IOException {
    integer();
    return parser.getBigIntegerValue();
  }

  private void integer() {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw mismatch("an integer");
    }
  }

  /** A string array (null elements refused). */
  List<String> strings() throws IOException {
    List<String> values = new ArrayList<>();
    if (array()) {
      while (element()) {
        values.add(string());
      }
    }
    return values;
  }

  /** The value has another type than the reader wants. */
  OciSpecException mismatch(String expected) {
    return new OciSpecException(here(), "expected " + expected + got(parser.currentToken()), null);
  }

  /**
   * The path of the value the parser is on. Jackson has already entered the context of an object or
   * array whose start token is current, so that value's path is its parent context's.
   */
  String here() {
    JsonStreamContext context = parser.getParsingContext();
    JsonToken token = parser.currentToken();
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
        && context.getParent() != null) {
      context = context.getParent();
    }
    return path(context);
  }

  /** The path of the object just read (the parser is on its end token). */
  String objectPath() {
    return path(parser.getParsingContext());
  }

  private static String got(JsonToken token) {
    if (token == null) {
      return ", got the end of the document";
    }
    switch (token) {
      case VALUE_STRING:
        return ", got a string";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return ", got a boolean";
      case VALUE_NUMBER_FLOAT:
        return ", got a decimal number";
      case VALUE_NUMBER_INT:
        return ", got an integer";
      case START_ARRAY:
        return ", got an array";
      case START_OBJECT:
        return ", got an object";
      case VALUE_NULL:
        return ", got null";
      default:
        return "";
    }
  }

  static String path(JsonStreamContext context) {
    List<JsonStreamContext> chain = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.add(c);
    }
    StringBuilder path = new StringBuilder("$");
    for (int i = chain.size() - 1; i >= 0; i--) {
      JsonStreamContext c = chain.get(i);
      if (c.inArray()) {
        path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
      } else if (c.getCurrentName() != null) {
        appendField(path, c.getCurrentName());
      }
    }
    return path.toString();
  }

  /** {@code .name} for an identifier, else {@code ['na.me']}. */
  static void appendField(StringBuilder path, String name) {
    if (isIdentifier(name)) {
      path.append('.').append(name);
    } else {
      path.append("['").append(name.replace("'", "\\'")).append("']");
    }
  }

  private static boolean isIdentifier(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }
}
