package io.pvekit.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator over the committed extracts: one class per path, the shapes the client expects. */
class GeneratorTest {
  @TempDir Path out;

  @Test
  void generatesOneClassPerPath_withTypedRequestsAndAnswers() throws IOException {
    ApiModel model =
        ApiModel.load(
            List.of(
                SchemaExtractorTest.EXTRACTS.resolve("pve-9.1.json"),
                SchemaExtractorTest.EXTRACTS.resolve("pve-8.4.json")));
    assertThat(model.versions()).containsExactly("9.1", "8.4");
    assertThat(model.endpoints()).hasSize(650); // 649 of 9.1 and the one 9.1 removed

    int written = Generator.generate(model, out, "io.pvekit.proxmox");

    Path dir = out.resolve("io/pvekit/proxmox");
    try (var files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(written);
    }
    String snapshot = Files.readString(dir.resolve("PveNodesNodeQemuVmidSnapshot.java"));
    assertThat(snapshot)
        .contains("public Task create(CreateRequest request)")
        .contains("public List<GetEntry> get()")
        .contains("public record GetEntry(")
        .contains("PveChecks.text(POST, \"snapname\", value, 0, 40, null)")
        .contains("PveChecks.required(POST, parameters, \"snapname\")");
    String lxc = Files.readString(dir.resolve("PveNodesNodeLxc.java"));
    assertThat(lxc)
        .contains("Map.entry(\"entrypoint\", 1)") // 9.1 only: bit 1
        .contains("public Builder net(int index, LxcNet value)")
        .contains("public Builder rootfs(LxcRootFs value)");
    String rules = Files.readString(dir.resolve("PveClusterHaRules.java"));
    assertThat(rules).contains("new PveOperation(\"GET\", \"/cluster/ha/rules\", 1, Map.of())");
    assertThat(Files.readString(dir.resolve("PveNodesNodeQemuVmidConfig.java")))
        .contains("public Builder agent(Map<String, String> value)")
        .contains("public Builder agent(Agent value)")
        .contains("public Builder agent(Consumer<Agent.Builder> value)")
        .contains("public static final class Agent {")
        .contains("public Builder fstrimClonedDisks(boolean value)")
        .contains("public Builder numa(boolean value)")
        .contains("public Builder numa(int index, Map<String, String> value)");
  }
}
