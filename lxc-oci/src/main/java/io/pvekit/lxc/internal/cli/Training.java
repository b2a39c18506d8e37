package io.pvekit.lxc.internal.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workload {@code bin/proxmox-lxcri-cds} runs once at install to record the classes (and, on
 * JDK 25, the linked and profiled state) every command needs into a class-data archive. It runs
 * each command in this one JVM; with root, liblxc and a static busybox it runs a real container
 * through create, start, state, exec, ps, pause, resume, update, kill and delete, so liblxc's
 * binding is in the archive too.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws IOException {
    Path work = Files.createTempDirectory("proxmox-lxcri-training");
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Map<String, String> env = System.getenv();
    Path root = work.resolve("root");
    Path bundle = work.resolve("bundle");
    try {
      Files.createDirectories(bundle);
      run(env, sink, "--version");
      run(env, sink, "features");
      run(env, sink, "spec", "--bundle", bundle.toString());
      run(env, sink, "--root", root.toString(), "list");
      run(
          env,
          sink,
          "--root",
          root.toString(),
          "--log",
          work.resolve("log").toString(),
          "--log-format",
          "json",
          "state",
          "missing");
      if (Files.isExecutable(Path.of("/bin/busybox")) && isRoot()) {
        container(env, sink, root, bundle);
      }
      run(env, sink, "--root", root.toString(), "explain", bundle.toString());
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void container(Map<String, String> env, PrintStream sink, Path root, Path bundle)
      throws IOException {
    Path rootfs = Files.createDirectories(bundle.resolve("rootfs/bin"));
    for (String dir : List.of("proc", "sys", "dev", "tmp")) {
      Files.createDirectories(bundle.resolve("rootfs").resolve(dir));
    }
    Files.copy(Path.of("/bin/busybox"), rootfs.resolve("busybox"));
    for (String applet : List.of("sh", "sleep", "true")) {
      Files.createSymbolicLink(rootfs.resolve(applet), Path.of("busybox"));
    }
    Path config = bundle.resolve("config.json");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("\"args\": [\"sh\"]", "\"args\": [\"/bin/sleep\", \"30\"]")
            .replace("\"readonly\": true", "\"readonly\": false"));
    Path process = bundle.resolve("process.json");
    Files.writeString(
        process,
        "{\"terminal\":false,\"user\":{\"uid\":0,\"gid\":0},\"args\":[\"/bin/true\"],"
            + "\"env\":[\"PATH=/bin\"],\"cwd\":\"/\"}");
    String id = "proxmox-lxcri-training-" + ProcessHandle.current().pid();
    String r = root.toString();
    run(
        env,
        sink,
        "--root",
        r,
        "create",
        "--bundle",
        bundle.toString(),
        "--pid-file",
        bundle.resolve("pid").toString(),
        id);
    run(env, sink, "--root", r, "state", id);
    run(env, sink, "--root", r, "start", id);
    run(env, sink, "--root", r, "state", id);
    run(env, sink, "--root", r, "exec", "--process", process.toString(), id);
    run(env, sink, "--root", r, "ps", "--format", "json", id);
    run(env, sink, "--root", r, "pause", id);
    run(env, sink, "--root", r, "resume", id);
    run(env, sink, "--root", r, "update", "--pids-limit", "100", id);
    run(env, sink, "--root", r, "kill", id, "KILL");
    run(env, sink, "--root", r, "delete", "--force", id);
  }

  private static void run(Map<String, String> env, PrintStream sink, String... args) {
    Main.run(args, sink, sink, env);
  }

  private static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[1].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
