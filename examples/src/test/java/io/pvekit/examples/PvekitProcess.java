package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code pvekit} entry point as users start it: {@code main} in a JVM of its own, with real
 * standard streams and a real exit status. In-process tests hand the commands their own writers, so
 * they cannot see output lost between a command and the process's streams.
 */
public final class PvekitProcess {
  /** What the process left behind. */
  public record Result(int status, String stdout, String stderr) {}

  private PvekitProcess() {}

  /**
   * Runs {@code pvekit ARGS} with this test's class path, its output captured in files under dir.
   */
  static Result run(Path dir, String... args) throws Exception {
    return run(dir, Map.of(), args);
  }

  /** Runs {@code pvekit ARGS} with these environment variables added to this JVM's. */
  static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
    return runMain(dir, env, PvekitCli.class.getName(), args);
  }

  /** Runs {@code mainClass ARGS} (an example app) in a JVM of its own with this class path. */
  public static Result runMain(Path dir, Map<String, String> env, String mainClass, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile(dir, "stdout", ".txt");
    Path stderr = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("pvekit exited").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
