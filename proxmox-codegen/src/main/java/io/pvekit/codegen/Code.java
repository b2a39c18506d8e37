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

  /** Appends a continuation line: indented four more than the current depth. */
  Code cont(String line) {
    out.append("  ".repeat(Math.max(depth, 0))).append("    ").append(line.strip()).append('\n');
    return this;
  }

  /** One level deeper, for a block opened by a continuation line. */
  Code open() {
    depth++;
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

  /**
   * Appends another source (written from depth 0, its braces balanced) at this one's depth, keeping
   * its own indentation.
   */
  Code append(Code other) {
    String indent = "  ".repeat(Math.max(depth, 0));
    String text = other.toString();
    if (text.isEmpty()) {
      return this;
    }
    for (String l : text.split("\n", -1)) {
      if (!l.isEmpty()) {
        out.append(indent).append(l);
      }
      out.append('\n');
    }
    if (text.endsWith("\n")) {
      out.setLength(out.length() - 1);
    }
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
