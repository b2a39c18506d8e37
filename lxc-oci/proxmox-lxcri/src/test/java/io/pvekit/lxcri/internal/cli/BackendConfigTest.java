package io.pvekit.lxcri.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.lxc.ProxmoxBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The backend's properties file: what each key sets, and values of the wrong kind refused. */
class BackendConfigTest {
  private static final String BASE =
      "url = https://pve1.example.org:8006\ntokenId = lxcri@pve!node1\n"
          + "tokenSecret = 0b3f6f3e-6c3a-4b52-9d0e-5ac1d2e3f4a5\ninsecure = TRUE\nnode = pve1\n";

  @TempDir Path dir;

  private Path config(String extra) throws Exception {
    return Files.writeString(dir.resolve("backend.properties"), BASE + extra);
  }

  @Test
  void everyKey_reachesTheBackend() throws Exception {
    ProxmoxBackend backend =
        BackendConfig.load(
            config(
                "rootSizeGib = 4\nunprivileged = false\npullImages = false\n"
                    + "taskTimeoutSeconds = 30\nbridge = vmbr1\n"));
    assertThat(backend.rootSizeGib()).isEqualTo(4);
    assertThat(backend.unprivileged()).isFalse();
    assertThat(backend.pullImages()).isFalse();
    assertThat(backend.taskTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(BackendConfig.load(config("")).pullImages()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "pullImages, yes, must be true or false",
    "unprivileged, 1, must be true or false",
    "insecure, on, must be true or false",
    "rootSizeGib, 8G, must be a positive whole number",
    "rootSizeGib, 0, must be a positive whole number",
    "taskTimeoutSeconds, 99999999999, must be a positive whole number"
  })
  void aValueOfTheWrongKind_isRefusedNamingKeyAndValue(String key, String value, String reason)
      throws Exception {
    Path file = config(key + " = " + value + "\n");
    assertThatThrownBy(() -> BackendConfig.load(file))
        .isInstanceOf(UsageException.class)
        .hasMessage(file + ": " + key + " = " + value + " " + reason);
  }
}
