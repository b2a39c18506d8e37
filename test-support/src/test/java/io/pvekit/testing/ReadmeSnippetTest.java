package io.pvekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's CrdValidator example is the compiled, tested code of CrdValidatorUpstreamTest. */
class ReadmeSnippetTest {
  @Test
  void readmeQuotesTheTestedSnippet() throws IOException {
    String test =
        Files.readString(Path.of("src/test/java/io/pvekit/testing/CrdValidatorUpstreamTest.java"));
    String start = "// README-SNIPPET-START\n";
    String snippet =
        test.substring(
                test.indexOf(start) + start.length(), test.indexOf("    // README-SNIPPET-END"))
            .lines()
            .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
            .collect(Collectors.joining("\n", "", "\n"));
    assertThat(snippet).contains("CrdValidator.upstream(\"crds\")");
    assertThat(Files.readString(Path.of("README.md"))).contains("```java\n" + snippet + "```");
  }
}
