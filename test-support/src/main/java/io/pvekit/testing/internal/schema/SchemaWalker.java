package io.pvekit.testing.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.testing.internal.cel.CelRuleEvaluator;
import io.pvekit.testing.internal.cel.CelValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a value against a structural schema as the API server does on create: types, value
 * validations, list types, combinators, CEL rules, and pruning (an undeclared field is reported,
 * because the server would silently drop it and the manifest would not be stored unchanged).
 */
public final class SchemaWalker {
  static final String NOT_CHECKED =
      "<root>: some validation rules were not checked because the object was invalid; correct"
          + " the existing errors to complete validation";

  private final CelRuleEvaluator cel;
  private final List<String> errors;
  private final List<PendingRules> pendingRules = new ArrayList<>();

  /** The rules of one node, run after the schema walk unless a blocking error turned up. */
  private record PendingRules(JsonNode rules, Object self, String path) {}

  SchemaWalker(CelRuleEvaluator cel, List<String> errors) {
    this.cel = cel;
    this.errors = errors;
  }

  /**
   * Validates a whole custom resource against its version's {@code openAPIV3Schema}, after applying
   * the schema's defaults to a copy, as the API server does.
   */
  public static List<String> validateResource(
      JsonNode resource, JsonNode schema, CelRuleEvaluator cel) {
    List<String> errors = new ArrayList<>();
    JsonNode defaulted = resource.deepCopy();
    Defaulter.apply(defaulted, schema);
    SchemaWalker walker = new SchemaWalker(cel, errors);
    walker.walk(defaulted, schema, "", true, true);
    if (errors.stream().anyMatch(SchemaWalker::blocksRules)) {
      errors.add(NOT_CHECKED);
    } else {
      for (PendingRules pending : walker.pendingRules) {
        CelChecks.check(pending.rules(), pending.self(), pending.path(), cel, errors);
      }
    }
    return errors;
  }

  /**
   * Whether the API server skips all CEL rules because of this error: its hasBlockingErr treats
   * Required, NotSupported (enum), TooLong, TooMany and TypeInvalid as blocking.
   */
  static boolean blocksRules(String error) {
    return error.contains(": Required value")
        || error.contains(": Unsupported value:")
        || error.contains(": Too long:")
        || error.contains(": Too many:")
        || error.contains(": must be of type ")
        || error.endsWith(": must be an integer or a string")
        || error.endsWith(": must not be null (the schema is not nullable)");
  }

  /** The path as errors print it; the root is {@code <root>}. */
  static String display(String path) {
    return path.isEmpty() ? "<root>" : path;
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /**
   * @param structural whether this is the structural schema (pruning and CEL apply) rather than a
   *     value-only branch of allOf/anyOf/oneOf/not
   * @param root whether the value is the resource itself (apiVersion, kind, metadata built in)
   */
  void walk(JsonNode value, JsonNode schema, String path, boolean structural, boolean root) {
    if (schema == null || schema.isMissingNode() || !schema.isObject()) {
      return;
    }
    String at = display(path);
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        errors.add(at + ": Invalid value: null: must not be null (the schema is not nullable)");
      }
      return;
    }
    if (!typeMatches(value, schema, at)) {
      return;
    }
    ValueChecks.check(value, schema, at, errors);
    if (root) {
      ObjectMetaValidator.validate(value.get("metadata"), "metadata", true, errors);
      // A CRD may restrict metadata.name/generateName at the root; nothing else of metadata.
      JsonNode metaSchema = schema.path("properties").path("metadata").path("properties");
      for (String field : List.of("name", "generateName")) {
        JsonNode fieldValue = value.path("metadata").get(field);
        if (fieldValue != null && metaSchema.has(field)) {
          walk(fieldValue, metaSchema.get(field), "metadata." + field, false, false);
        }
      }
    }
    if (value.isArray()) {
      array(value, schema, path, structural);
    } else if (value.isObject()) {
      object(value, schema, path, structural, root);
    }
    combinators(value, schema, path);
    JsonNode rules = schema.get("x-kubernetes-validations");
    if (structural && rules != null && rules.isArray() && !rules.isEmpty()) {
      pendingRules.add(new PendingRules(rules, celSelf(value, schema, root), path));
    }
  }

  private boolean typeMatches(JsonNode value, JsonNode schema, String at) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (value.isIntegralNumber() || value.isTextual()) {
        return true;
      }
      errors.add(at + ": Invalid value: " + value + ": must be an integer or a string");
      return false;
    }
    String type = schema.path("type").asText("");
    boolean ok =
        switch (type) {
          case "object" -> value.isObject();
          case "array" -> value.isArray();
          case "string" -> value.isTextual();
          // go-openapi accepts a float with an integral value (5.0) as an integer.
          case "integer" -> isInteger(value);
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          default -> true;
        };
    if (!ok) {
      errors.add(
          at
              + ": Invalid value: "
              + Json.typeOf(value)
              + " "
              + abbreviate(value)
              + ": must be of type "
              + type);
    }
    return ok;
  }

  static boolean isInteger(JsonNode value) {
    if (value.isIntegralNumber()) {
      return true;
    }
    return value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
  }

  private void array(JsonNode value, JsonNode schema, String path, boolean structural) {
    String at = display(path);
    int size = value.size();
    if (schema.has("maxItems") && size > schema.get("maxItems").asLong()) {
      errors.add(
          at
              + ": Too many: "
              + size
              + ": must have at most "
              + schema.get("maxItems").asLong()
              + " items");
    }
    if (schema.has("minItems") && size < schema.get("minItems").asLong()) {
      errors.add(
          at
              + ": Invalid value: "
              + size
              + " items: should have at least "
              + schema.get("minItems").asLong()
              + " items");
    }
    String listType = schema.path("x-kubernetes-list-type").asText("");
    if (schema.path("uniqueItems").asBoolean(false) || "set".equals(listType)) {
      for (int i = 0; i < size; i++) {
        for (int j = 0; j < i; j++) {
          if (Json.sameValue(value.get(i), value.get(j))) {
            errors.add(path + "[" + i + "]: Duplicate value: " + abbreviate(value.get(i)));
            break;
          }
        }
      }
    }
    if ("map".equals(listType)) {
      ListMapKeys.check(value, schema, path, errors);
    }
    for (int i = 0; i < size; i++) {
      walk(value.get(i), schema.get("items"), path + "[" + i + "]", structural, false);
    }
  }

  private void object(
      JsonNode value, JsonNode schema, String path, boolean structural, boolean root) {
    String at = display(path);
    int size = value.size();
    if (schema.has("maxProperties") && size > schema.get("maxProperties").asLong()) {
      errors.add(
          at
              + ": Too many: "
              + size
              + ": must have at most "
              + schema.get("maxProperties").asLong()
              + " properties");
    }
    if (schema.has("minProperties") && size < schema.get("minProperties").asLong()) {
      errors.add(
          at
              + ": Invalid value: "
              + size
              + " properties: should have at least "
              + schema.get("minProperties").asLong()
              + " properties");
    }
    JsonNode required = schema.get("required");
    if (required != null) {
      for (JsonNode name : required) {
        if (!value.has(name.asText()) && !(root && "metadata".equals(name.asText()))) {
          errors.add(child(path, name.asText()) + ": Required value");
        }
      }
    }
    boolean embedded = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
    if (embedded && !value.isEmpty()) {
      EmbeddedResource.check(value, path, errors);
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = field.getKey();
      if ((root || embedded) && Set.of("apiVersion", "kind", "metadata").contains(name)) {
        // Built into every object: checked by the resource and ObjectMeta rules instead.
        continue;
      }
      if (properties.has(name)) {
        walk(field.getValue(), properties.get(name), child(path, name), structural, false);
      } else if (additional != null && additional.isObject()) {
        walk(field.getValue(), additional, path + "[" + name + "]", structural, false);
      } else if (additional != null && additional.asBoolean(false)) {
        continue;
      } else if (structural && !preserve) {
        errors.add(child(path, name) + ": unknown field, the API server would prune it");
      }
    }
  }

  /** allOf/anyOf/oneOf/not: value validations only, without pruning or CEL. */
  private void combinators(JsonNode value, JsonNode schema, String path) {
    String at = display(path);
    for (JsonNode branch : schema.path("allOf")) {
      walk(value, branch, path, false, false);
    }
    if (schema.has("anyOf")) {
      List<List<String>> failures = new ArrayList<>();
      int passing = branches(value, schema.get("anyOf"), path, failures);
      if (passing == 0) {
        errors.add(
            at
                + ": Invalid value: "
                + abbreviate(value)
                + ": must validate at least one schema (anyOf): "
                + failures);
      }
    }
    if (schema.has("oneOf")) {
      List<List<String>> failures = new ArrayList<>();
      int passing = branches(value, schema.get("oneOf"), path, failures);
      if (passing != 1) {
        errors.add(
            at
                + ": Invalid value: "
                + abbreviate(value)
                + ": must validate one and only one schema (oneOf), matched "
                + passing);
      }
    }
    if (schema.has("not")) {
      List<String> inner = new ArrayList<>();
      new SchemaWalker(cel, inner).walk(value, schema.get("not"), path, false, false);
      if (inner.isEmpty()) {
        errors.add(
            at
                + ": Invalid value: "
                + abbreviate(value)
                + ": must not validate the schema"
                + " (not)");
      }
    }
  }

  private int branches(JsonNode value, JsonNode branches, String path, List<List<String>> out) {
    int passing = 0;
    for (JsonNode branch : branches) {
      List<String> inner = new ArrayList<>();
      new SchemaWalker(cel, inner).walk(value, branch, path, false, false);
      if (inner.isEmpty()) {
        passing++;
      } else {
        out.add(inner);
      }
    }
    return passing;
  }

  /**
   * The value bound to {@code self}; at the root only apiVersion, kind and metadata.name and
   * generateName of the built-in fields are visible, as in the API server.
   */
  private static Object celSelf(JsonNode value, JsonNode schema, boolean root) {
    Object self;
    try {
      self = CelValues.of(value, schema);
    } catch (CelValues.InvalidValueException e) {
      return e;
    }
    if (root && self instanceof Map<?, ?> map && value.has("metadata")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> resource = (Map<String, Object>) map;
      Map<String, Object> meta = new LinkedHashMap<>();
      for (String key : List.of("name", "generateName")) {
        if (value.path("metadata").hasNonNull(key)) {
          meta.put(key, value.path("metadata").get(key).asText());
        }
      }
      resource.put("metadata", meta);
    }
    return self;
  }

  static String abbreviate(JsonNode value) {
    String text = value.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
