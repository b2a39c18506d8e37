package io.pvekit.codegen;

/** A Java source being written: lines with two-space indentation per level. */
final class Code {
  private final StringBuilder out = new StringBuilder();
  private int depth;

  /** Appends a line at the current depth; a line ending with '{' opens a level. */
  Code line(String line) {
    String text = line.strip();
    if (text.startsWith("*")) {
      text = " " + text;
    }
    if (text.startsWith("}")) {
      depth--;
    }
    if (!text.isEmpty()) {
      out.append("  ".repeat(Math.max(depth, 0)));
    }
    out.append(text).append('\n');
    if (text.endsWith("{")) {
      depth++;
    }
    return this;
  }

  /** Appends a javadoc comment of one or more lines. */
  Code doc(String... lines) {
    line("/**");
    for (String l : lines) {
      line(" * " + l);
    }
    return line(" */");
  }

  /** Appends another source's lines, re-indented at this one's depth. */
  Code append(Code other) {
    String text = other.toString();
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    for (String l : text.split("\n", -1)) {
      line(l);
    }
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
