package io.pvekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's CrdValidator example is the compiled, tested code of CrdValidatorUpstreamTest. */
class ReadmeSnippetTest {
  @TempDir Path dir;

  @Test
  void readmeQuotesTheTestedSnippet() {
    String snippet =
        ReadmeSnippets.assertQuoted(
            Path.of("README.md"),
            Path.of("src/test/java/io/pvekit/testing/CrdValidatorUpstreamTest.java"),
            "crd-validator");
    assertThat(snippet).startsWith("CrdValidator validator = CrdValidator.upstream(\"crds\");\n");
  }

  @Test
  void aSnippet_isTheMarkedLinesWithoutTheirCommonIndent() throws Exception {
    Path source =
        Files.writeString(
            dir.resolve("T.java"),
            "class T {\n  void t() {\n    // README: x\n    a();\n    if (b) {\n      c();\n"
                + "    }\n    // README: x end\n  }\n}\n");
    assertThat(ReadmeSnippets.snippet(source, "x")).isEqualTo("a();\nif (b) {\n  c();\n}\n");
  }

  @Test
  void aReadmeThatDrifted_orAMissingMarker_fails() throws Exception {
    Path source =
        Files.writeString(dir.resolve("T.java"), "// README: x\nnew A();\n// README: x end\n");
    Path readme = Files.writeString(dir.resolve("README.md"), "```java\nnew B();\n```\n");
    assertThatThrownBy(() -> ReadmeSnippets.assertQuoted(readme, source, "x"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("does not quote snippet 'x'")
        .hasMessageEndingWith("new A();\n");
    assertThatThrownBy(() -> ReadmeSnippets.snippet(source, "y"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("'// README: y'");
  }
}
