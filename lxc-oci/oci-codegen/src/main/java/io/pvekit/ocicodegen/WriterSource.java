package io.pvekit.ocicodegen;

import java.util.List;

/**
 * The writer: one method per model type that writes it with {@code JsonOut} in declaration order,
 * leaving out what jackson-databind leaves out (absent optionals, empty strings, lists and maps),
 * and a dispatch from any object to its type's method.
 */
final class WriterSource {
  static final String CLASS = "ModelWriter";

  private WriterSource() {}

  static String render(String packageName, String modelPackage, List<Model.Type> types) {
    Source s =
        new Source(
            packageName,
            modelPackage,
            types,
            "java.io.IOException",
            "java.util.Map",
            "javax.annotation.processing.Generated");
    s.line("/** Writes the runtime-spec model; generated from its declarations, do not edit. */")
        .line("@Generated(\"" + OciJsonProcessor.class.getName() + "\")")
        .line("final class " + CLASS + " {")
        .line(1, "private " + CLASS + "() {}")
        .line("")
        .line(1, "/** Writes a value of any model type; false for any other object. */")
        .line(1, "static boolean model(JsonOut w, Object value) throws IOException {");
    for (Model.Type type : types) {
      String name = type.simpleName();
      s.line(2, "if (value instanceof " + name + ") {")
          .line(3, "write(w, (" + name + ") value);")
          .line(3, "return true;")
          .line(2, "}");
    }
    s.line(2, "return false;").line(1, "}");
    for (Model.Type type : types) {
      s.line("")
          .line(1, "static void write(JsonOut w, " + type.simpleName() + " v) throws IOException {")
          .line(2, "w.startObject();");
      for (Model.Property p : type.properties()) {
        write(s, p);
      }
      s.line(2, "w.endObject();").line(1, "}");
    }
    return s.line("}").toString();
  }

  private static void write(Source s, Model.Property p) {
    String name = Source.quoted(p.json());
    String value = "v." + p.accessor() + "()";
    switch (p.shape()) {
      case STRING:
      case OPTIONAL_STRING:
        s.line(2, "w.string(" + name + ", " + value + ");");
        break;
      case BOOLEAN:
      case OPTIONAL_BOOLEAN:
        s.line(2, "w.bool(" + name + ", " + value + ");");
        break;
      case LONG:
      case OPTIONAL_LONG:
      case INT:
      case OPTIONAL_INT:
      case BIG_INTEGER:
        s.line(2, "w.number(" + name + ", " + value + ");");
        break;
      case OPTIONAL_BIG_INTEGER:
        s.line(2, "w.bigNumber(" + name + ", " + value + ");");
        break;
      case STRING_LIST:
      case STRING_MAP:
        s.line(2, "w.strings(" + name + ", " + value + ");");
        break;
      case LONG_LIST:
        s.line(2, "w.longs(" + name + ", " + value + ");");
        break;
      case MODEL:
        s.line(2, "w.name(" + name + ");").line(2, "write(w, " + value + ");");
        break;
      case OPTIONAL_MODEL:
        s.line(2, "if (" + value + ".isPresent()) {")
            .line(3, "w.name(" + name + ");")
            .line(3, "write(w, " + value + ".get());")
            .line(2, "}");
        break;
      case MODEL_LIST:
        s.line(2, "if (w.startArray(" + name + ", " + value + ")) {")
            .line(3, "for (" + p.modelType() + " e : " + value + ") {")
            .line(4, "write(w, e);")
            .line(3, "}")
            .line(3, "w.endArray();")
            .line(2, "}");
        break;
      case MODEL_MAP:
        s.line(2, "if (w.startObject(" + name + ", " + value + ")) {")
            .line(
                3, "for (Map.Entry<String, " + p.modelType() + "> e : " + value + ".entrySet()) {")
            .line(4, "w.name(e.getKey());")
            .line(4, "write(w, e.getValue());")
            .line(3, "}")
            .line(3, "w.endObject();")
            .line(2, "}");
        break;
      default:
        throw new IllegalStateException("no writer for " + p.shape());
    }
  }
}
