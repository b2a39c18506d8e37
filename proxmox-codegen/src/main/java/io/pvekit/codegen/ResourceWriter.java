package io.pvekit.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.codegen.ApiModel.Endpoint;
import io.pvekit.codegen.ApiModel.Param;
import io.pvekit.codegen.ApiModel.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the class of one resource (path): a method per child path segment, a method per HTTP
 * method (with its request class and response records nested in the class).
 */
final class ResourceWriter {
  private final ApiModel model;
  private final Resource resource;
  private final String className;

  ResourceWriter(ApiModel model, Resource resource) {
    this.model = model;
    this.resource = resource;
    this.className = Names.resourceClass(resource.path());
  }

  String className() {
    return className;
  }

  String write(String pkg) {
    Set<String> typeNames = new HashSet<>(Set.of(className, "Builder"));
    ResponseWriter responses = new ResponseWriter(typeNames);
    Code body = new Code();
    Set<String> methods = new HashSet<>();

    for (Resource child : resource.children.values()) {
      writeChild(body, child, methods);
    }
    Code requests = new Code();
    Code constants = new Code();
    for (Endpoint e : resource.endpoints.values()) {
      writeEndpoint(body, requests, constants, e, responses, typeNames, methods);
    }

    Code out = new Code();
    out.line("package " + pkg + ";");
    out.line("");
    out.line("import com.fasterxml.jackson.databind.JsonNode;");
    out.line("import java.util.Collections;");
    out.line("import java.util.LinkedHashMap;");
    out.line("import java.util.List;");
    out.line("import java.util.Map;");
    out.line("import java.util.Optional;");
    out.line("import java.util.function.Consumer;");
    out.line("import java.util.regex.Pattern;");
    out.line("");
    String chain = chain();
    out.doc(
        "{@code "
            + resource.path()
            + "} of the Proxmox VE API"
            + (chain.isEmpty() ? "" : ", reached with {@code " + chain + "}")
            + ".",
        "",
        "<p>Generated at build time from the PVE API schema (PVE "
            + String.join(", ", model.versions())
            + "); see {@link ProxmoxClient#api()}.");
    out.line("public final class " + className + " {");
    out.append(constants);
    out.line("private final PveCalls calls;");
    out.line("private final String[] path;");
    out.line("");
    out.line(className + "(PveCalls calls, String... path) {");
    out.line("this.calls = calls;");
    out.line("this.path = path;");
    out.line("}");
    out.append(body);
    out.append(requests);
    out.append(responses.records());
    out.line("}");
    return out.toString();
  }

  /** How a user reaches this resource from {@code api}. */
  private String chain() {
    if (resource.path().equals("/")) {
      return "";
    }
    StringBuilder out = new StringBuilder("api");
    for (String segment : resource.path().substring(1).split("/")) {
      out.append('.')
          .append(Names.lowerCamel(segment))
          .append(Names.isPlaceholder(segment) ? "(" + Names.lowerCamel(segment) + ")" : "()");
    }
    return out.toString();
  }

  private void writeChild(Code out, Resource child, Set<String> methods) {
    String segment = child.segment();
    String method = Names.lowerCamel(segment);
    if (!methods.add(method)) {
      throw new IllegalStateException(resource.path() + ": two children named " + method);
    }
    String type = Names.resourceClass(child.path());
    out.line("");
    if (!Names.isPlaceholder(segment)) {
      out.doc("{@code " + child.path() + "}.", "", "@return the resource");
      out.line("public " + type + " " + method + "() {");
      out.line("return new " + type + "(calls, path);");
      out.line("}");
      return;
    }
    String name = segment.substring(1, segment.length() - 1);
    JsonNode s = model.placeholderSchema(child, name);
    String where = Names.literal(child.path());
    String doc =
        "{@code "
            + child.path()
            + "}: {@code "
            + Names.doc(name)
            + "} is "
            + Facts.describe(s).replace(", required", "")
            + ".";
    if (s.path("type").asText().equals("integer")) {
      out.doc(doc, "", "@param " + method + " the value", "@return the resource");
      out.line("public " + type + " " + method + "(long " + method + ") {");
      out.line(
          "return new "
              + type
              + "(calls, PveChecks.path(path, PveChecks.range("
              + where
              + ", "
              + Names.literal(name)
              + ", "
              + method
              + ", "
              + (s.has("minimum") ? s.get("minimum").asLong() + "L" : "Long.MIN_VALUE")
              + ", "
              + (s.has("maximum") ? s.get("maximum").asLong() + "L" : "Long.MAX_VALUE")
              + ")));");
      out.line("}");
      if ("pve-vmid".equals(s.path("format").asText())) {
        out.line("");
        out.doc(doc, "", "@param " + method + " the value", "@return the resource");
        out.line("public " + type + " " + method + "(VmId " + method + ") {");
        out.line("return " + method + "(" + method + ".value());");
        out.line("}");
      }
      return;
    }
    out.doc(doc, "", "@param " + method + " the value", "@return the resource");
    out.line("public " + type + " " + method + "(String " + method + ") {");
    out.line(
        "return new "
            + type
            + "(calls, PveChecks.path(path, PveChecks.text("
            + where
            + ", "
            + Names.literal(name)
            + ", "
            + method
            + ", 1, "
            + (s.has("maxLength") ? s.get("maxLength").asInt() : -1)
            + ", null)));");
    out.line("}");
    if ("pve-node".equals(s.path("format").asText())) {
      out.line("");
      out.doc(doc, "", "@param " + method + " the node", "@return the resource");
      out.line("public " + type + " " + method + "(NodeName " + method + ") {");
      out.line("return " + method + "(" + method + ".value());");
      out.line("}");
    }
  }

  private void writeEndpoint(
      Code out,
      Code requests,
      Code constants,
      Endpoint e,
      ResponseWriter responses,
      Set<String> typeNames,
      Set<String> methods) {
    String verb = Names.verb(e.method());
    if (!methods.add(verb)) {
      throw new IllegalStateException(resource.path() + ": a child is named like " + verb);
    }
    String operation = e.method();
    constants.line(
        "private static final PveOperation "
            + operation
            + " = new PveOperation("
            + Names.literal(e.method())
            + ", "
            + Names.literal(e.path())
            + ", "
            + e.versions()
            + ", "
            + paramVersions(e)
            + ");");
    String upper = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
    String where = "{@code " + e.method() + " " + e.path() + "}";
    ResponseWriter.Mapped result =
        responses.top(
            e.returns(),
            upper + "Response",
            Known.returnsTask(e.method(), e.path())
                && e.returns().path("type").asText().equals("string"),
            where);
    List<Param> params = RequestWriter.bodyParams(e);
    String requestType = null;
    if (!params.isEmpty()) {
      requestType = upper + "Request";
      typeNames.add(requestType);
      new RequestWriter(model, e, requestType, operation).write(requests);
    }
    List<String> doc = new ArrayList<>();
    doc.add(where + " ({@code pvesh " + verb + "}).");
    if (e.versions() != model.allVersions()) {
      doc.add(
          "Only in PVE "
              + Facts.versions(model, e.versions())
              + "; refused before sending to another version.");
    }
    doc.add("");
    String returnDoc = result.type().equals("void") ? null : "@return " + returnText(result);
    String call =
        callExpression(
            operation, result, requestType == null ? "Map.of()" : "request.parameters()");
    boolean allOptional = params.stream().noneMatch(p -> p.required() && !p.indexed());
    if (requestType != null) {
      List<String> d = new ArrayList<>(doc);
      d.add("@param request the parameters");
      if (returnDoc != null) {
        d.add(returnDoc);
      }
      out.line("");
      out.doc(d.toArray(String[]::new));
      out.line("public " + result.type() + " " + verb + "(" + requestType + " request) {");
      out.line(call);
      out.line("}");
      d = new ArrayList<>(doc);
      d.add("@param request sets the parameters on a new builder");
      if (returnDoc != null) {
        d.add(returnDoc);
      }
      out.line("");
      out.doc(d.toArray(String[]::new));
      out.line(
          "public "
              + result.type()
              + " "
              + verb
              + "(Consumer<"
              + requestType
              + ".Builder> request) {");
      out.line(requestType + ".Builder builder = " + requestType + ".builder();");
      out.line("request.accept(builder);");
      out.line((result.type().equals("void") ? "" : "return ") + verb + "(builder.build());");
      out.line("}");
    }
    if (requestType == null || allOptional) {
      List<String> d = new ArrayList<>(doc);
      if (returnDoc != null) {
        d.add(returnDoc);
      }
      out.line("");
      out.doc(d.toArray(String[]::new));
      out.line("public " + result.type() + " " + verb + "() {");
      out.line(
          requestType == null
              ? call
              : (result.type().equals("void") ? "" : "return ")
                  + verb
                  + "("
                  + requestType
                  + ".builder().build());");
      out.line("}");
    }
  }

  private static String callExpression(String op, ResponseWriter.Mapped result, String params) {
    if (result.type().equals("void")) {
      return "calls.call(" + op + ", path, " + params + ", d -> null);";
    }
    if (result.decode().startsWith("calls.")) {
      return "return " + result.decode() + "(" + op + ", path, " + params + ");";
    }
    return "return calls.call(" + op + ", path, " + params + ", d -> " + result.decode() + ");";
  }

  private static String returnText(ResponseWriter.Mapped result) {
    return switch (result.type()) {
      case "Task" -> "the task the call started ({@link Task#await})";
      case "Optional<Task>" -> "the task the call started, if it started one";
      case "JsonNode" -> "the answer as a JSON tree (the schema does not describe it)";
      case "List<JsonNode>" ->
          "the answer's entries as JSON trees (the schema does not describe" + " them)";
      default -> "the answer";
    };
  }

  private String paramVersions(Endpoint e) {
    List<String> partial = new ArrayList<>();
    for (Map.Entry<String, Param> p : e.params().entrySet()) {
      String wire = p.getKey().replace("[n]", "");
      int versions = p.getValue().versions();
      if (versions != e.versions()) {
        partial.add("Map.entry(" + Names.literal(wire) + ", " + versions + ")");
      }
      // An enum value only some of the parameter's versions have: "name=value" and its versions.
      p.getValue()
          .enumVersions()
          .forEach(
              (value, mask) -> {
                if ((mask & versions) != versions) {
                  partial.add("Map.entry(" + Names.literal(wire + "=" + value) + ", " + mask + ")");
                }
              });
    }
    return partial.isEmpty() ? "Map.of()" : "Map.ofEntries(" + String.join(", ", partial) + ")";
  }
}
