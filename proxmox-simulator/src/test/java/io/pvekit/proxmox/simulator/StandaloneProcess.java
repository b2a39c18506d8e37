package io.pvekit.proxmox.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The standalone simulator jar as a child process, for integration tests. */
final class StandaloneProcess implements AutoCloseable {
  static final Pattern LINE =
      Pattern.compile(
          "listening on https://127\\.0\\.0\\.1:(\\d+) fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})");

  private final Process process;
  private final BufferedReader stdout;
  private final int port;
  private final String fingerprint;
  private final String firstLine;

  private StandaloneProcess(Process process, BufferedReader stdout, String firstLine) {
    this.process = process;
    this.stdout = stdout;
    this.firstLine = firstLine;
    Matcher m = LINE.matcher(firstLine);
    if (!m.matches()) {
      process.destroyForcibly();
      throw new AssertionError("unexpected first line: " + firstLine);
    }
    this.port = Integer.parseInt(m.group(1));
    this.fingerprint = m.group(2);
  }

  /** Starts {@code java -jar target/proxmox-simulator.jar} with the options. */
  static StandaloneProcess start(String... options) throws Exception {
    Path jar = Path.of("target", "proxmox-simulator.jar");
    if (!Files.exists(jar)) {
      throw new AssertionError("build the jar first (mvn package): " + jar.toAbsolutePath());
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(options));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(60, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("the simulator exited with " + process.waitFor());
    }
    return new StandaloneProcess(process, stdout, line);
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  int port() {
    return port;
  }

  String fingerprint() {
    return fingerprint;
  }

  String firstLine() {
    return firstLine;
  }

  /** Stops the process and returns everything it printed after the first line. */
  String stopAndReadRest() throws Exception {
    process.destroy();
    process.waitFor(30, TimeUnit.SECONDS);
    StringBuilder rest = new StringBuilder();
    String line;
    while ((line = readLine(stdout)) != null) {
      rest.append(line).append('\n');
    }
    return rest.toString();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
