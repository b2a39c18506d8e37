package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ResponseShapeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the generated layer's responses, leniently as the hand-written decoders do ({@link Json}):
 * numbers as strings, booleans as 0/1, absent fields as null. Only a container of the wrong kind at
 * the top (an object where a list is declared) is an error, reported with its JSON path.
 */
final class PveJson {
  private PveJson() {}

  static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  static Long integer(JsonNode v) {
    return Json.integer(v);
  }

  static Double number(JsonNode v) {
    return Json.number(v);
  }

  static Boolean bool(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode() ? null : Json.flag(v);
  }

  static JsonNode tree(JsonNode v) {
    return v == null || v.isMissingNode() ? null : v;
  }

  static List<String> texts(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    return Collections.unmodifiableList(Json.list(v));
  }

  static List<Long> integers(JsonNode v) {
    if (v == null || !v.isArray()) {
      return null;
    }
    List<Long> out = new ArrayList<>();
    v.forEach(item -> out.add(Json.integer(item)));
    return Collections.unmodifiableList(out);
  }

  static List<JsonNode> nodes(JsonNode v) {
    if (v == null || !v.isArray()) {
      return null;
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return Collections.unmodifiableList(out);
  }

  /** The answer {@code data} as a record: it must be an object. */
  static <T> T record(JsonNode d, Function<JsonNode, T> reader) {
    if (d == null || !d.isObject()) {
      throw ResponseShapeException.here(
          "expected an object but got " + ResponseShapeException.excerpt(d));
    }
    return reader.apply(d);
  }

  /** The answer {@code data} as a list of records: an array of objects ({@code null} is empty). */
  static <T> List<T> records(JsonNode d, Function<JsonNode, T> reader) {
    if (d == null || d.isNull()) {
      return List.of();
    }
    if (!d.isArray()) {
      throw ResponseShapeException.here(
          "expected an array but got " + ResponseShapeException.excerpt(d));
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      try {
        out.add(record(d.get(i), reader));
      } catch (RuntimeException e) {
        throw ResponseShapeException.inEntry(i, e);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** A field holding an object: null when it is anything else. */
  static <T> T nestedRecord(JsonNode v, Function<JsonNode, T> reader) {
    return v != null && v.isObject() ? reader.apply(v) : null;
  }

  /** A field holding an array of objects: null when absent, entries not objects skipped. */
  static <T> List<T> nestedRecords(JsonNode v, Function<JsonNode, T> reader) {
    if (v == null || !v.isArray()) {
      return null;
    }
    List<T> out = new ArrayList<>();
    v.forEach(
        item -> {
          if (item.isObject()) {
            out.add(reader.apply(item));
          }
        });
    return Collections.unmodifiableList(out);
  }
}
