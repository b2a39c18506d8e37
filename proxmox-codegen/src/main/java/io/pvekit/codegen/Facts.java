package io.pvekit.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The facts of a schema node as javadoc text. */
final class Facts {
  private Facts() {}

  /** The facts of a schema in a few words: type, format, range, enum, default, optional. */
  static String describe(JsonNode s) {
    StringBuilder out = new StringBuilder(s.path("type").asText("string"));
    JsonNode format = s.path("format");
    if (format.isTextual()) {
      out.append(", format {@code ").append(Names.doc(format.asText())).append('}');
    } else if (format.isObject()) {
      out.append(", a property string with the keys ");
      List<String> keys = new ArrayList<>();
      format.fieldNames().forEachRemaining(k -> keys.add("{@code " + Names.doc(k) + "}"));
      out.append(String.join(", ", keys));
    }
    if (s.has("minimum") || s.has("maximum")) {
      out.append(", ")
          .append(s.has("minimum") ? s.get("minimum").asText() : "")
          .append("..")
          .append(s.has("maximum") ? s.get("maximum").asText() : "");
    }
    if (s.has("maxLength")) {
      out.append(", at most ").append(s.get("maxLength").asInt()).append(" characters");
    }
    if (s.has("pattern")) {
      out.append(", checked against the schema's pattern");
    }
    if (s.has("default") && s.get("default").isValueNode()) {
      out.append(", default {@code ").append(Names.doc(s.get("default").asText())).append('}');
    }
    out.append(s.path("optional").asInt(0) == 1 ? ", optional" : ", required");
    return out.toString();
  }

  /** The versions of a mask, e.g. {@code 9.1, 8.4}. */
  static String versions(ApiModel model, int mask) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < model.versions().size(); i++) {
      if ((mask & (1 << i)) != 0) {
        out.add(model.versions().get(i));
      }
    }
    return String.join(", ", out);
  }
}
