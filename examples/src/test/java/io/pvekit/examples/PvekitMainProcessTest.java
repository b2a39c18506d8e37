package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code pvekit} entry point as users start it: a separate JVM, its real standard streams and
 * its exit status. In-process tests hand the commands their own writers, so they cannot see output
 * lost between a command and the process's streams.
 */
class PvekitMainProcessTest {
  @TempDir Path dir;

  @Test
  void explain_printsItsTableOnStandardOutput() throws Exception {
    Files.createDirectories(dir.resolve("rootfs"));
    Files.writeString(
        dir.resolve("config.json"),
        "{\"ociVersion\":\"1.2.0\",\"root\":{\"path\":\"rootfs\"},"
            + "\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/\",\"args\":[\"/bin/sh\"]},"
            + "\"linux\":{\"namespaces\":[{\"type\":\"mount\"},{\"type\":\"pid\"}]}}");
    PvekitProcess.Result result =
        pvekit("lxc", "explain", "--cgroup-layout", "UNIFIED", dir.toString());
    assertThat(result.status()).as(result.stderr()).isZero();
    assertThat(result.stdout())
        .contains("MAPPED     $.process.args")
        .contains("-> lxc.execute.cmd = /bin/sh");
  }

  @Test
  void anUnknownCommand_exitsTwoWithUsageOnStandardError() throws Exception {
    PvekitProcess.Result result = pvekit("xyzzy");
    assertThat(result.status()).isEqualTo(2);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).contains("Unmatched argument at index 0: 'xyzzy'");
  }

  @Test
  void anError_isOneLineOnStandardError_andDebugAddsTheStackTrace() throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), "this: [is not a kubeconfig");
    String[] status = {
      "tenant", "status", "--name", "team-a", "--kubeconfig", kubeconfig.toString()
    };

    PvekitProcess.Result plain = pvekit(status);
    assertThat(plain.status()).isEqualTo(1);
    assertThat(plain.stdout()).isEmpty();
    assertThat(plain.stderr().lines())
        .singleElement()
        .asString()
        .startsWith("pvekit tenant status: ");

    String[] debug =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(status), java.util.stream.Stream.of("--debug"))
            .toArray(String[]::new);
    PvekitProcess.Result traced = pvekit(debug);
    assertThat(traced.status()).isEqualTo(1);
    assertThat(traced.stderr())
        .startsWith(plain.stderr().lines().findFirst().orElseThrow())
        .contains("\tat ");
  }

  @Test
  void generateCompletion_printsABashCompletionScriptForEverySubcommand() throws Exception {
    PvekitProcess.Result result = pvekit("generate-completion");
    assertThat(result.status()).as(result.stderr()).isZero();
    assertThat(result.stdout())
        .contains("complete -F _complete_pvekit")
        .contains("tenant")
        .contains("webhook")
        .contains("--kubeconfig");
  }

  @Test
  void help_listsShellCompletionAndDebug() throws Exception {
    PvekitProcess.Result result = pvekit("--help");
    assertThat(result.status()).isZero();
    assertThat(result.stdout()).contains("generate-completion").contains("--debug");
  }

  private PvekitProcess.Result pvekit(String... args) throws Exception {
    return PvekitProcess.run(dir, args);
  }
}
