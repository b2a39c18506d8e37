package io.pvekit.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps what an endpoint returns to a Java type and the expression that decodes it: records where
 * the schema lists properties, {@code String}/{@code Long}/{@code Boolean}/{@code Double} for
 * scalars, {@code Task} for task ids, and a Jackson {@code JsonNode} only where the schema says
 * nothing about the shape.
 */
final class ResponseWriter {
  /** A Java type and how to read it from a variable {@code d} (the data node). */
  record Mapped(String type, String decode) {}

  /** Record component names that would clash with {@code Object}'s methods or the raw tree. */
  private static final Set<String> RESERVED =
      Set.of(
          "raw",
          "hashCode",
          "toString",
          "equals",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize",
          "from");

  private final Code records = new Code();
  private final Set<String> typeNames;

  ResponseWriter(Set<String> typeNames) {
    this.typeNames = typeNames;
  }

  /** The records written so far, to be nested in the resource class. */
  Code records() {
    return records;
  }

  /**
   * The return type of an endpoint.
   *
   * @param returns the schema's {@code returns}
   * @param recordName the name for a record, e.g. {@code GetResponse}
   * @param task whether a string answer is a task id
   * @param where the endpoint, for javadoc
   */
  Mapped top(JsonNode returns, String recordName, boolean task, String where) {
    String type = returns.path("type").asText("");
    if (type.equals("null")) {
      return new Mapped("void", null);
    }
    if (type.equals("string") && task) {
      boolean optional = returns.path("optional").asInt(0) == 1;
      return optional
          ? new Mapped("Optional<Task>", "calls.optionalTask")
          : new Mapped("Task", "calls.task");
    }
    if (type.equals("array") && returns.path("items").has("properties")) {
      String name = recordName.replace("Response", "Entry");
      String record = writeRecord(records, name, returns.get("items"), "An entry of " + where);
      return new Mapped("List<" + record + ">", "PveJson.records(d, " + record + "::from)");
    }
    if (returns.has("properties") && (type.equals("object") || type.isEmpty())) {
      String record = writeRecord(records, recordName, returns, "The answer of " + where);
      return new Mapped(record, "PveJson.record(d, " + record + "::from)");
    }
    if (type.equals("object") && returns.path("items").has("properties")) {
      // GET /nodes/{node}/ceph/osd declares an object with its properties under "items"; the
      // server answers that object ({"flags": ..., "root": ...}).
      String record =
          writeRecord(records, recordName, returns.get("items"), "The answer of " + where);
      return new Mapped(record, "PveJson.record(d, " + record + "::from)");
    }
    return scalar(returns, "d");
  }

  /** Scalars, lists of scalars and schema-less values read from the node expression. */
  private static Mapped scalar(JsonNode s, String node) {
    return switch (s.path("type").asText("")) {
      case "string" -> new Mapped("String", "PveJson.text(" + node + ")");
      case "integer" -> new Mapped("Long", "PveJson.integer(" + node + ")");
      case "number" -> new Mapped("Double", "PveJson.number(" + node + ")");
      case "boolean" -> new Mapped("Boolean", "PveJson.bool(" + node + ")");
      case "array" ->
          switch (s.path("items").path("type").asText("")) {
            case "string" -> new Mapped("List<String>", "PveJson.texts(" + node + ")");
            case "integer" -> new Mapped("List<Long>", "PveJson.integers(" + node + ")");
            default -> new Mapped("List<JsonNode>", "PveJson.nodes(" + node + ")");
          };
      default -> new Mapped("JsonNode", "PveJson.tree(" + node + ")");
    };
  }

  /** Writes a record (and the records of its nested objects); returns its name. */
  private String writeRecord(Code out, String wanted, JsonNode schema, String what) {
    String name = wanted;
    for (int i = 2; !typeNames.add(name); i++) {
      name = wanted + i;
    }
    Code nested = new Code();
    List<String> components = new ArrayList<>();
    List<String> reads = new ArrayList<>();
    List<String> docs = new ArrayList<>();
    Set<String> used = new HashSet<>(RESERVED);
    for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
      String component = Names.lowerCamel(p.getKey());
      for (int i = 2; !used.add(component); i++) {
        component = Names.lowerCamel(p.getKey()) + i;
      }
      JsonNode s = p.getValue();
      String field = "d.get(" + Names.literal(p.getKey()) + ")";
      Mapped mapped;
      String type = s.path("type").asText("");
      if (type.equals("object") && s.has("properties")) {
        String r =
            writeRecord(
                nested,
                Names.upperCamel(p.getKey()),
                s,
                "{@code " + Names.doc(p.getKey()) + "} of " + name);
        mapped = new Mapped(r, "PveJson.nestedRecord(" + field + ", " + r + "::from)");
      } else if (type.equals("array") && s.path("items").has("properties")) {
        String r =
            writeRecord(
                nested,
                Names.upperCamel(p.getKey()) + "Entry",
                s.get("items"),
                "An entry of {@code " + Names.doc(p.getKey()) + "} of " + name);
        mapped =
            new Mapped("List<" + r + ">", "PveJson.nestedRecords(" + field + ", " + r + "::from)");
      } else {
        mapped = scalar(s, field);
      }
      components.add(mapped.type() + " " + component);
      reads.add(mapped.decode());
      docs.add(
          "@param "
              + component
              + " {@code "
              + Names.doc(p.getKey())
              + "}: "
              + Facts.describe(s).replace(", required", "").replace(", optional", "")
              + "; null when absent");
    }
    components.add("JsonNode raw");
    reads.add("d");
    docs.add("@param raw the object as received, with any field this version does not model");
    out.line("");
    List<String> doc = new ArrayList<>();
    doc.add(what + ". Generated from the PVE API schema; fields are read leniently.");
    doc.add("");
    doc.addAll(docs);
    out.doc(doc.toArray(String[]::new));
    out.line("public record " + name + "(");
    for (int i = 0; i < components.size(); i++) {
      if (i == components.size() - 1) {
        out.cont(components.get(i) + ") {");
        out.open(); // the record's body starts after "{" of the last component's line
      } else {
        out.cont(components.get(i) + ",");
      }
    }
    out.line("static " + name + " from(JsonNode d) {");
    out.line("return new " + name + "(");
    for (int i = 0; i < reads.size(); i++) {
      out.cont(reads.get(i) + (i == reads.size() - 1 ? ");" : ","));
    }
    out.line("}");
    out.append(nested);
    out.line("}");
    return name;
  }
}
