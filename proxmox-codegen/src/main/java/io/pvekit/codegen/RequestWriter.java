package io.pvekit.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.codegen.ApiModel.Endpoint;
import io.pvekit.codegen.ApiModel.Param;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Writes the request class of one endpoint: an immutable map of wire parameters made by a builder
 * with one typed setter per parameter. Setters check what the schema declares (range, length,
 * pattern, enum, property-string keys) and name the parameter and value when they refuse it.
 */
final class RequestWriter {
  private final ApiModel model;
  private final Endpoint endpoint;
  private final String className;
  private final String operation;
  private final Set<String> usedNames = new HashSet<>(Set.of("build", "builder", "parameters"));
  private final Set<String> usedTypes = new HashSet<>(Set.of("Builder"));
  private final Code constants = new Code();

  RequestWriter(ApiModel model, Endpoint endpoint, String className, String operation) {
    this.model = model;
    this.endpoint = endpoint;
    this.className = className;
    this.operation = operation;
    usedTypes.add(className);
  }

  /** The parameters a request carries: all but those filled from the path. */
  static List<Param> bodyParams(Endpoint endpoint) {
    List<Param> out = new ArrayList<>();
    for (Param p : endpoint.params().values()) {
      if (!p.inPath()) {
        out.add(p);
      }
    }
    return out;
  }

  void write(Code code) {
    List<Param> params = bodyParams(endpoint);
    Code setters = new Code();
    Code nested = new Code();
    List<String> required = new ArrayList<>();
    for (Param p : params) {
      setter(p, setters, nested);
      if (p.required() && !p.indexed()) {
        required.add(Names.literal(p.name()));
      }
    }
    String where = "{@code " + endpoint.method() + " " + endpoint.path() + "}";
    code.doc(
        "The parameters of " + where + ", by wire name; made by {@link #builder()}.",
        "",
        "<p>Generated from the PVE API schema.");
    code.line("public static final class " + className + " {");
    code.line("private final Map<String, Object> parameters;");
    code.line("");
    code.line("private " + className + "(Map<String, Object> parameters) {");
    code.line("this.parameters = parameters;");
    code.line("}");
    code.line("");
    code.doc("A builder with no parameter set.", "", "@return a new builder");
    code.line("public static Builder builder() {");
    code.line("return new Builder();");
    code.line("}");
    code.line("");
    code.doc(
        "The parameters as they are sent, by wire name (indexed ones as {@code net0}, ...).",
        "",
        "@return an unmodifiable map in the order they were set");
    code.line("public Map<String, Object> parameters() {");
    code.line("return parameters;");
    code.line("}");
    code.line("");
    code.doc("Builds a {@link " + className + "}; each setter checks its value.");
    code.line("public static final class Builder {");
    code.line("private final Map<String, Object> parameters = new LinkedHashMap<>();");
    code.line("");
    code.line("private Builder() {}");
    code.append(setters);
    code.line("");
    code.doc("The request; fails when a required parameter is missing.", "", "@return the request");
    code.line("public " + className + " build() {");
    if (!required.isEmpty()) {
      code.line(
          "PveChecks.required("
              + operation
              + ", parameters, "
              + String.join(", ", required)
              + ");");
    }
    code.line(
        "return new "
            + className
            + "(Collections.unmodifiableMap(new LinkedHashMap<>(parameters)));");
    code.line("}");
    code.line("}");
    code.append(nested);
    if (!constants.toString().isEmpty()) {
      code.line("");
      code.append(constants);
    }
    code.line("}");
  }

  private String unique(String name, boolean indexed) {
    String candidate = name;
    for (int i = 2; !usedNames.add(candidate + (indexed ? "[n]" : "")); i++) {
      candidate = name + i;
    }
    return candidate;
  }

  private String uniqueType(String name) {
    String candidate = name;
    for (int i = 2; !usedTypes.add(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }

  private void setter(Param p, Code out, Code nested) {
    JsonNode s = p.schema();
    // net(int, ...) for net[n] and net(...) for net are overloads, not a clash.
    String method = unique(Names.lowerCamel(p.name()), p.indexed());
    String wireName = Names.literal(p.name());
    String indexArg = p.indexed() ? "int index, " : "";
    String key =
        p.indexed()
            ? Names.literal(p.name().replace("[n]", ""))
                + " + PveChecks.index("
                + operation
                + ", "
                + wireName
                + ", index)"
            : wireName;
    String type = s.path("type").asText("string");
    List<String> doc = new ArrayList<>();
    doc.add("Sets {@code " + Names.doc(p.name()) + "}: " + Facts.describe(s) + ".");
    if (p.versions() != model.allVersions()) {
      doc.add(
          "Only in PVE "
              + Facts.versions(model, p.versions())
              + "; refused before sending to others.");
    }
    doc.add("");
    if (p.indexed()) {
      doc.add("@param index the index {@code n} (0 or more): the wire name ends with it");
    }
    String arg = "value";
    String propertyType = Known.propertyType(endpoint.path(), p.name());
    if (propertyType != null) {
      emit(
          out,
          doc,
          method,
          indexArg + propertyType + " " + arg,
          "parameters.put("
              + key
              + ", java.util.Objects.requireNonNull(value, "
              + wireName
              + "));");
    } else if (type.equals("boolean")) {
      emit(out, doc, method, indexArg + "boolean value", "parameters.put(" + key + ", value);");
    } else if (type.equals("integer")) {
      emit(
          out,
          doc,
          method,
          indexArg + "long value",
          "parameters.put("
              + key
              + ", PveChecks.range("
              + operation
              + ", "
              + wireName
              + ", value, "
              + longBound(s, "minimum", "Long.MIN_VALUE")
              + ", "
              + longBound(s, "maximum", "Long.MAX_VALUE")
              + "));");
      if ("pve-vmid".equals(s.path("format").asText())) {
        emit(
            out,
            doc,
            method,
            indexArg + "VmId value",
            "return " + method + "(" + (p.indexed() ? "index, " : "") + "value.value());",
            true);
      }
    } else if (type.equals("number")) {
      emit(
          out,
          doc,
          method,
          indexArg + "double value",
          "parameters.put("
              + key
              + ", PveChecks.range("
              + operation
              + ", "
              + wireName
              + ", value, "
              + doubleBound(s, "minimum", "-Double.MAX_VALUE")
              + ", "
              + doubleBound(s, "maximum", "Double.MAX_VALUE")
              + "));");
    } else if (type.equals("array")) {
      JsonNode items = s.path("items");
      if (items.path("type").asText().equals("integer")) {
        emit(
            out,
            doc,
            method,
            indexArg + "List<Long> value",
            "parameters.put("
                + key
                + ", PveChecks.integers("
                + operation
                + ", "
                + wireName
                + ", value, "
                + longBound(items, "minimum", "Long.MIN_VALUE")
                + ", "
                + longBound(items, "maximum", "Long.MAX_VALUE")
                + "));");
      } else {
        emit(
            out,
            doc,
            method,
            indexArg + "List<String> value",
            "parameters.put("
                + key
                + ", PveChecks.texts("
                + operation
                + ", "
                + wireName
                + ", value, "
                + enumSet(items)
                + "));");
      }
    } else if (s.path("enum").size() > 0) {
      String enumType = uniqueType(Names.upperCamel(p.name()));
      EnumWriter.write(nested, enumType, p);
      emit(
          out,
          doc,
          method,
          indexArg + enumType + " value",
          "parameters.put(" + key + ", value.wire());");
    } else if (s.path("format").isObject()) {
      String constant = "FORMAT_" + Names.constant(p.name());
      constants.line(
          "private static final PvePropertyFormat "
              + constant
              + " = PvePropertyFormat.parse("
              + Names.literal(s.get("format").toString())
              + ");");
      emit(
          out,
          doc,
          method,
          indexArg + "Map<String, String> value",
          "parameters.put("
              + key
              + ", PveChecks.propertyString("
              + operation
              + ", "
              + wireName
              + ", value, "
              + constant
              + "));");
      String options = uniqueType(Names.upperCamel(p.name()));
      OptionsWriter.write(nested, options, p.name(), s.get("format"));
      emit(
          out,
          doc,
          method,
          indexArg + options + " value",
          "parameters.put("
              + key
              + ", PveChecks.propertyString("
              + operation
              + ", "
              + wireName
              + ", value.options(), "
              + constant
              + "));");
      emit(
          out,
          doc,
          method,
          indexArg + "Consumer<" + options + ".Builder> value",
          options
              + ".Builder builder = "
              + options
              + ".builder();\nvalue.accept(builder);\nreturn "
              + method
              + "("
              + (p.indexed() ? "index, " : "")
              + "builder.build());",
          true);
      emit(
          out,
          doc,
          method,
          indexArg + "PropertyString value",
          "parameters.put("
              + key
              + ", PveChecks.propertyString("
              + operation
              + ", "
              + wireName
              + ", value, "
              + constant
              + "));");
    } else {
      String pattern = "null";
      if (s.has("pattern") && compiles(s.get("pattern").asText())) {
        pattern = "PATTERN_" + Names.constant(p.name());
        constants.line(
            "private static final Pattern "
                + pattern
                + " = Pattern.compile("
                + Names.literal(s.get("pattern").asText())
                + ");");
      }
      emit(
          out,
          doc,
          method,
          indexArg + "String value",
          "parameters.put("
              + key
              + ", PveChecks.text("
              + operation
              + ", "
              + wireName
              + ", value, "
              + s.path("minLength").asInt(0)
              + ", "
              + (s.has("maxLength") ? s.get("maxLength").asInt() : -1)
              + ", "
              + pattern
              + "));");
    }
  }

  private static void emit(Code out, List<String> doc, String method, String params, String body) {
    emit(out, doc, method, params, body, false);
  }

  private static void emit(
      Code out, List<String> doc, String method, String params, String body, boolean returns) {
    List<String> lines = new ArrayList<>(doc);
    lines.add("@param value the value");
    lines.add("@return this builder");
    out.line("");
    out.doc(lines.toArray(String[]::new));
    out.line("public Builder " + method + "(" + params + ") {");
    for (String statement : body.split("\n")) {
      out.line(statement);
    }
    if (!returns) {
      out.line("return this;");
    }
    out.line("}");
  }

  static boolean compiles(String pattern) {
    try {
      Pattern.compile(pattern);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  private static String enumSet(JsonNode items) {
    if (!items.has("enum")) {
      return "null";
    }
    List<String> values = new ArrayList<>();
    items.get("enum").forEach(v -> values.add(Names.literal(v.asText())));
    return "java.util.Set.of(" + String.join(", ", values) + ")";
  }

  private static String longBound(JsonNode s, String key, String none) {
    return s.has(key) ? s.get(key).asLong() + "L" : none;
  }

  private static String doubleBound(JsonNode s, String key, String none) {
    return s.has(key) ? s.get(key).asDouble() + "" : none;
  }
}
