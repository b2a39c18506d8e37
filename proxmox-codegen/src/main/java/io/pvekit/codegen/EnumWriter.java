package io.pvekit.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.codegen.ApiModel.Param;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Writes the Java enum of an {@code enum} parameter: a constant per value, with its wire text. */
final class EnumWriter {
  private EnumWriter() {}

  static void write(Code out, String type, Param p) {
    write(out, type, p.name(), p.schema());
  }

  static void write(Code out, String type, String name, JsonNode schema) {
    out.line("");
    out.doc("The values of {@code " + Names.doc(name) + "}.");
    out.line("public enum " + type + " {");
    List<String> constants = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (JsonNode v : schema.get("enum")) {
      String constant = Names.constant(v.asText());
      String unique = constant;
      for (int i = 2; !used.add(unique); i++) {
        unique = constant + "_" + i;
      }
      constants.add(
          "/** {@code "
              + Names.doc(v.asText())
              + "}. */\n"
              + unique
              + "("
              + Names.literal(v.asText())
              + ")");
    }
    for (int i = 0; i < constants.size(); i++) {
      for (String l : constants.get(i).split("\n")) {
        out.line(l + (l.startsWith("/**") ? "" : i == constants.size() - 1 ? ";" : ","));
      }
    }
    out.line("");
    out.line("private final String wire;");
    out.line("");
    out.line(type + "(String wire) {");
    out.line("this.wire = wire;");
    out.line("}");
    out.line("");
    out.doc(
        "The value as PVE spells it.",
        "",
        "@return e.g. {@code " + Names.doc(schema.get("enum").get(0).asText()) + "}");
    out.line("public String wire() {");
    out.line("return wire;");
    out.line("}");
    out.line("}");
  }
}
