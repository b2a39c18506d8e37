package io.pvekit.ocicodegen;

import java.util.List;
import java.util.TreeSet;

/** A Java source file written line by line, with the header both generated classes share. */
final class Source {
  private final StringBuilder text = new StringBuilder();

  Source(String packageName, String modelPackage, List<Model.Type> types, String... imports) {
    line("package " + packageName + ";");
    line("");
    TreeSet<String> sorted = new TreeSet<>(List.of(imports));
    for (Model.Type type : types) {
      sorted.add(modelPackage + "." + type.simpleName());
    }
    for (String name : sorted) {
      line("import " + name + ";");
    }
    line("");
  }

  Source line(String line) {
    text.append(line).append('\n');
    return this;
  }

  /** A line indented by {@code depth} levels of two spaces. */
  Source line(int depth, String line) {
    return line("  ".repeat(depth) + line);
  }

  @Override
  public String toString() {
    return text.toString();
  }

  static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
