package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    Result result = pvekit("lxc", "explain", "--cgroup-layout", "UNIFIED", dir.toString());
    assertThat(result.status).as(result.stderr).isZero();
    assertThat(result.stdout)
        .contains("MAPPED     $.process.args")
        .contains("-> lxc.execute.cmd = /bin/sh");
  }

  @Test
  void anUnknownCommand_exitsTwoWithUsageOnStandardError() throws Exception {
    Result result = pvekit("no-such-command");
    assertThat(result.status).isEqualTo(2);
    assertThat(result.stdout).isEmpty();
    assertThat(result.stderr).contains("Unmatched argument at index 0: 'no-such-command'");
  }

  private record Result(int status, String stdout, String stderr) {}

  private Result pvekit(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PvekitCli.class.getName());
    command.addAll(List.of(args));
    Path stdout = dir.resolve("stdout");
    Path stderr = dir.resolve("stderr");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pvekit exited").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
