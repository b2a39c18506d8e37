package io.pvekit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Java examples in READMEs that are compiled, tested code: a test marks the lines with {@code //
 * README: NAME} and {@code // README: NAME end}, and the README holds them, de-indented, as a
 * {@code java} block. {@link #assertQuoted} fails when the two drift apart.
 */
public final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /**
   * The marked lines of a source file, without their common indentation, each ending in a newline.
   *
   * @param source the test's source file
   * @param name the snippet's name in its markers
   * @return the snippet
   * @throws AssertionError when the markers are missing or enclose nothing
   */
  public static String snippet(Path source, String name) {
    String text = read(source);
    String start = "// README: " + name + "\n";
    String end = "// README: " + name + " end";
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new AssertionError(
          source + " has no snippet marked '" + start.strip() + "' ... '" + end + "'");
    }
    String block = text.substring(from + start.length(), text.lastIndexOf('\n', to) + 1);
    int indent =
        block
            .lines()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElseThrow(() -> new AssertionError("snippet '" + name + "' is empty"));
    return block
        .lines()
        .map(line -> line.length() >= indent ? line.substring(indent) : line.strip())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /**
   * Asserts that a README holds the named snippet of a source file as a {@code java} block.
   *
   * @param readme the README
   * @param source the test's source file
   * @param name the snippet's name in its markers
   * @return the snippet, for further checks of what it shows
   */
  public static String assertQuoted(Path readme, Path source, String name) {
    String snippet = snippet(source, name);
    if (!read(readme).contains("```java\n" + snippet + "```")) {
      throw new AssertionError(
          readme
              + " does not quote snippet '"
              + name
              + "' of "
              + source
              + " as a java block; it should read:\n"
              + snippet);
    }
    return snippet;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
