package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every {@code pvekit} command shown in a code block of the guides in {@code docs/} is parsed by
 * the real command line, so a renamed option or subcommand fails the build instead of the reader.
 */
class GuideCommandsTest {
  static final Path DOCS = Path.of("../docs");

  static Stream<String> guideCommands() throws IOException {
    List<String> commands = new ArrayList<>();
    try (Stream<Path> files = Files.list(DOCS)) {
      for (Path md : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        commands.addAll(commandsIn(Files.readAllLines(md)));
      }
    }
    assertThat(commands).as("pvekit commands in docs/*.md").hasSizeGreaterThan(8);
    return commands.stream();
  }

  /** The {@code pvekit ...} lines of fenced code blocks, with backslash continuations joined. */
  static List<String> commandsIn(List<String> lines) {
    List<String> commands = new ArrayList<>();
    boolean fenced = false;
    StringBuilder current = null;
    for (String line : lines) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (!fenced) {
        continue;
      }
      String text = line.strip();
      if (current == null && !text.startsWith("pvekit ")) {
        continue;
      }
      current = current == null ? new StringBuilder() : current.append(' ');
      if (text.endsWith("\\")) {
        current.append(text, 0, text.length() - 1);
      } else {
        commands.add(current.append(text).toString());
        current = null;
      }
    }
    return commands;
  }

  @ParameterizedTest
  @MethodSource("guideCommands")
  void guideCommand_parses(String command) {
    String[] args = words(command.substring("pvekit ".length()));
    assertThatCode(() -> new CommandLine(new PvekitCli()).parseArgs(args))
        .as(command)
        .doesNotThrowAnyException();
  }

  /** Splits like a POSIX shell for the quoting the guides use: words, '...' and "...". */
  static String[] words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words.toArray(String[]::new);
  }
}
