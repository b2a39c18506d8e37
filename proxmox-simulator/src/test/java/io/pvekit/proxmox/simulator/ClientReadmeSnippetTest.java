package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The client README's provisioning example is the compiled code of ClientErgonomicsTest. */
class ClientReadmeSnippetTest {
  @Test
  void clientReadmeQuotesTheAgentFlowOfClientErgonomicsTest() throws IOException {
    String test =
        Files.readString(
            Path.of("src/test/java/io/pvekit/proxmox/simulator/ClientErgonomicsTest.java"));
    String start = "    // README: agent\n";
    String snippet =
        test.substring(
                test.indexOf(start) + start.length(), test.indexOf("    // README: agent end"))
            .lines()
            .map(line -> line.substring(4))
            .collect(Collectors.joining("\n", "", "\n"));
    assertThat(snippet).contains("waitForAgent");
    assertThat(Files.readString(Path.of("../proxmox-client/README.md")))
        .contains("```java\n" + snippet + "```");
  }
}
