package io.pvekit.ocicodegen;

import java.util.List;

/**
 * The reader: one method per model type that reads an object with {@code JsonCursor}, property by
 * property, into the type's builder; a property no type declares is recorded as unknown and
 * skipped, and a null is the same as leaving the property out.
 */
final class ReaderSource {
  static final String CLASS = "ModelReader";

  private ReaderSource() {}

  static String render(String packageName, String modelPackage, List<Model.Type> types) {
    Source s =
        new Source(
            packageName,
            modelPackage,
            types,
            "java.io.IOException",
            "javax.annotation.processing.Generated");
    s.line("/** Reads the runtime-spec model; generated from its declarations, do not edit. */")
        .line("@Generated(\"" + OciJsonProcessor.class.getName() + "\")")
        .line("final class " + CLASS + " {")
        .line(1, "private " + CLASS + "() {}");
    for (Model.Type type : types) {
      String name = type.simpleName();
      s.line("")
          .line(1, "static " + name + " read" + name + "(JsonCursor c) throws IOException {")
          .line(2, "c.beginObject();")
          .line(2, name + ".Builder b = " + name + ".builder();")
          .line(2, "for (String name = c.field(); name != null; name = c.field()) {")
          .line(3, "switch (name) {");
      for (Model.Property p : type.properties()) {
        s.line(4, "case " + Source.quoted(p.json()) + ":").line(5, read(p)).line(5, "break;");
      }
      s.line(4, "default:")
          .line(5, "c.unknown();")
          .line(3, "}")
          .line(2, "}")
          .line(2, "return b.build();")
          .line(1, "}");
    }
    return s.line("}").toString();
  }

  private static String read(Model.Property p) {
    String set = "b." + p.accessor();
    String number = p.id() ? "c.idValue()" : "c.longValue()";
    String model = "read" + p.modelType() + "(c)";
    String entries = "for (String k = c.entry(); k != null; k = c.entry()) ";
    switch (p.shape()) {
      case STRING:
      case OPTIONAL_STRING:
        return "if (c.has()) " + set + "(c.string());";
      case BOOLEAN:
      case OPTIONAL_BOOLEAN:
        return "if (c.has()) " + set + "(c.bool());";
      case LONG:
      case OPTIONAL_LONG:
        return "if (c.has()) " + set + "(" + number + ");";
      case INT:
      case OPTIONAL_INT:
        return "if (c.has()) " + set + "(c.intValue());";
      case BIG_INTEGER:
      case OPTIONAL_BIG_INTEGER:
        return "if (c.has()) " + set + "(c.bigInteger());";
      case STRING_LIST:
        return "b." + p.adder("addAll") + "(c.strings());";
      case LONG_LIST:
        return "if (c.array()) while (c.element()) b." + p.adder("add") + "(" + number + ");";
      case STRING_MAP:
        return "if (c.map()) " + entries + "b." + p.adder("put") + "(k, c.string());";
      case MODEL:
      case OPTIONAL_MODEL:
        return "if (c.has()) " + set + "(" + model + ");";
      case MODEL_LIST:
        return "if (c.array()) while (c.element()) b." + p.adder("add") + "(" + model + ");";
      case MODEL_MAP:
        return "if (c.map()) " + entries + "b." + p.adder("put") + "(k, " + model + ");";
      default:
        throw new IllegalStateException("no reader for " + p.shape());
    }
  }
}
