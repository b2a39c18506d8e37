package io.pvekit.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes the options class of a property-string parameter the client has no type for: a builder
 * with one typed setter per key of the format (booleans, integers, numbers, enums as Java enums,
 * strings), holding the options by key. The request's setter checks them against the format.
 */
final class OptionsWriter {
  private OptionsWriter() {}

  static void write(Code out, String type, String param, JsonNode format) {
    Set<String> usedNames = new HashSet<>(Set.of("build", "builder", "options"));
    Set<String> usedTypes = new HashSet<>(Set.of(type, "Builder"));
    Code setters = new Code();
    Code enums = new Code();
    for (Map.Entry<String, JsonNode> key : format.properties()) {
      JsonNode s = key.getValue();
      String aliasOf = s.has("alias") ? s.get("alias").asText() : null;
      if (aliasOf != null) {
        // the old name of a key: older versions know only it, so it gets a setter of its own
        s = format.path(aliasOf);
      }
      String method = Names.lowerCamel(key.getKey());
      for (int i = 2; !usedNames.add(method); i++) {
        method = Names.lowerCamel(key.getKey()) + i;
      }
      String wire = Names.literal(key.getKey());
      String argument;
      String value;
      switch (s.path("type").asText("string")) {
        case "boolean" -> {
          argument = "boolean value";
          value = "value ? \"1\" : \"0\"";
        }
        case "integer" -> {
          argument = "long value";
          value = "Long.toString(value)";
        }
        case "number" -> {
          argument = "double value";
          value = "Double.toString(value)";
        }
        default -> {
          if (s.path("enum").size() > 0) {
            String enumType = Names.upperCamel(key.getKey());
            for (int i = 2; !usedTypes.add(enumType); i++) {
              enumType = Names.upperCamel(key.getKey()) + i;
            }
            EnumWriter.write(enums, enumType, key.getKey(), s);
            argument = enumType + " value";
            value = "value.wire()";
          } else {
            argument = "String value";
            value = "java.util.Objects.requireNonNull(value, " + wire + ")";
          }
        }
      }
      setters.line("");
      setters.doc(
          "Sets the key {@code "
              + Names.doc(key.getKey())
              + "}: "
              + (aliasOf == null ? "" : "an alias of {@code " + Names.doc(aliasOf) + "}, ")
              + Facts.describe(s)
              + ".",
          "",
          "@param value the value",
          "@return this builder");
      setters.line("public Builder " + method + "(" + argument + ") {");
      setters.line("options.put(" + wire + ", " + value + ");");
      setters.line("return this;");
      setters.line("}");
    }
    out.line("");
    out.doc(
        "The options of the property string {@code "
            + Names.doc(param)
            + "}, key by key; checked"
            + " against the schema's format when given to the request's setter.");
    out.line("public static final class " + type + " {");
    out.line("private final Map<String, String> options;");
    out.line("");
    out.line("private " + type + "(Map<String, String> options) {");
    out.line("this.options = options;");
    out.line("}");
    out.line("");
    out.doc("A builder with no key set.", "", "@return a new builder");
    out.line("public static Builder builder() {");
    out.line("return new Builder();");
    out.line("}");
    out.line("");
    out.doc("The options by key, in the order they were set.", "", "@return an unmodifiable map");
    out.line("public Map<String, String> options() {");
    out.line("return options;");
    out.line("}");
    out.line("");
    out.doc("Builds {@link " + type + "}.");
    out.line("public static final class Builder {");
    out.line("private final Map<String, String> options = new LinkedHashMap<>();");
    out.line("");
    out.line("private Builder() {}");
    out.append(setters);
    out.line("");
    out.doc("The options.", "", "@return the options");
    out.line("public " + type + " build() {");
    out.line("return new " + type + "(Collections.unmodifiableMap(new LinkedHashMap<>(options)));");
    out.line("}");
    out.line("}");
    out.append(enums);
    out.line("}");
  }
}
