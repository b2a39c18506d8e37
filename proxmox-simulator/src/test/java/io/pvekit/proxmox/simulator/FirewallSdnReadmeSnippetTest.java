package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The client README's firewall and SDN example is the compiled code of FirewallSdnClientTest. */
class FirewallSdnReadmeSnippetTest {
  @Test
  void clientReadmeQuotesTheFirewallAndSdnFlow() throws IOException {
    String test =
        Files.readString(
            Path.of("src/test/java/io/pvekit/proxmox/simulator/FirewallSdnClientTest.java"));
    String start = "    // README: firewall\n";
    String snippet =
        test.substring(
                test.indexOf(start) + start.length(), test.indexOf("    // README: firewall end"))
            .lines()
            .map(line -> line.isEmpty() ? line : line.substring(4))
            .collect(Collectors.joining("\n", "", "\n"));
    assertThat(snippet).contains("sdn.apply()").contains("addRule");
    assertThat(Files.readString(Path.of("../proxmox-client/README.md")))
        .contains("```java\n" + snippet + "```");
  }
}
