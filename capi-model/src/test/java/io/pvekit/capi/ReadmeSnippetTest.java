package io.pvekit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every Java block of the README is a snippet of compiled, tested code (marked in the tests). */
class ReadmeSnippetTest {
  private static final Path TESTS = Path.of("src/test/java/io/pvekit/capi");

  @Test
  void readmeJavaBlocks_areSnippetsOfTestedCode() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher blocks = Pattern.compile("```java\n(.*?)\n```", Pattern.DOTALL).matcher(readme);
    List<String> snippets = new ArrayList<>();
    for (String file : List.of("TenantExamples.java", "TenantLifecycleTest.java")) {
      snippets.addAll(snippets(Files.readString(TESTS.resolve(file))));
    }
    int count = 0;
    while (blocks.find()) {
      count++;
      assertThat(snippets).as("README block %d", count).contains(blocks.group(1));
    }
    assertThat(count).isEqualTo(3);
  }

  private static List<String> snippets(String source) {
    List<String> out = new ArrayList<>();
    Matcher m =
        Pattern.compile(
                "// README-SNIPPET-START \\S+\n(.*?)\n\\s*// README-SNIPPET-END", Pattern.DOTALL)
            .matcher(source);
    while (m.find()) {
      out.add(dedent(m.group(1)));
    }
    return out;
  }

  private static String dedent(String block) {
    int indent =
        block
            .lines()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return String.join(
        "\n", block.lines().map(l -> l.length() >= indent ? l.substring(indent) : l).toList());
  }
}
