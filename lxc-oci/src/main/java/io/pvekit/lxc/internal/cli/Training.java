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
 * The workloads {@code bin/proxmox-lxcri-cds} runs once at install to record the classes (and, on
 * JDK 25, the linked and profiled state) commands need into class-data archives. It runs each
 * command in this one JVM; with root, liblxc and a static busybox it runs a real container.
 *
 * <p>Two archives, because an AOT cache loads all its classes at start-up: {@code full} (create,
 * exec, pause, update, explain, hook: jackson-databind, the translator, liblxc's binding) and
 * {@code lean} (state, start, kill, delete, list, ps: a properties file and /proc), which is a
 * third smaller and starts faster. For {@code lean}, the container is created by a separate JVM.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    boolean lean = args.length > 0 && args[0].equals("lean");
    Path work = Files.createTempDirectory("proxmox-lxcri-training");
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Map<String, String> env = System.getenv();
    Path root = work.resolve("root");
    Path bundle = work.resolve("bundle");
    try {
      Files.createDirectories(bundle);
      run(env, sink, "--version");
      run(env, sink, "features");
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
      // spec writes the bundle's config.json; in lean training it is not a hot command
      Main.run(new String[] {"spec", "--bundle", bundle.toString()}, sink, sink, env);
      if (Files.isExecutable(Path.of("/bin/busybox")) && isRoot()) {
        if (lean) {
          leanContainer(env, sink, root, bundle);
        } else {
          container(env, sink, root, bundle);
        }
      }
      if (!lean) {
        run(env, sink, "--root", root.toString(), "explain", bundle.toString());
      }
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** create in another JVM (not recorded), then the hot commands in this one. */
  private static void leanContainer(
      Map<String, String> env, PrintStream sink, Path root, Path bundle)
      throws IOException, InterruptedException {
    String id = prepare(bundle);
    String r = root.toString();
    Process create =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--root",
                r,
                "create",
                "--bundle",
                bundle.toString(),
                id)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (create.waitFor() != 0) {
      return;
    }
    run(env, sink, "--root", r, "state", id);
    run(env, sink, "--root", r, "start", id);
    run(env, sink, "--root", r, "state", id);
    run(env, sink, "--root", r, "ps", "--format", "json", id);
    run(env, sink, "--root", r, "list");
    run(env, sink, "--root", r, "kill", id, "KILL");
    run(env, sink, "--root", r, "delete", "--force", id);
  }

  private static void container(Map<String, String> env, PrintStream sink, Path root, Path bundle)
      throws IOException {
    String id = prepare(bundle);
    String r = root.toString();
    Path process = bundle.resolve("process.json");
    Files.writeString(
        process,
        "{\"terminal\":false,\"user\":{\"uid\":0,\"gid\":0},\"args\":[\"/bin/true\"],"
            + "\"env\":[\"PATH=/bin\"],\"cwd\":\"/\"}");
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

  /** A busybox rootfs and a config.json that sleeps; returns a container id. */
  private static String prepare(Path bundle) throws IOException {
    Path rootfs = Files.createDirectories(bundle.resolve("rootfs/bin"));
    for (String dir : List.of("proc", "sys", "dev", "tmp")) {
      Files.createDirectories(bundle.resolve("rootfs").resolve(dir));
    }
    if (!Files.exists(rootfs.resolve("busybox"))) {
      Files.copy(Path.of("/bin/busybox"), rootfs.resolve("busybox"));
      for (String applet : List.of("sh", "sleep", "true")) {
        Files.createSymbolicLink(rootfs.resolve(applet), Path.of("busybox"));
      }
    }
    Path config = bundle.resolve("config.json");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("\"args\": [\"sh\"]", "\"args\": [\"/bin/sleep\", \"30\"]")
            .replace("\"readonly\": true", "\"readonly\": false"));
    return "proxmox-lxcri-training-" + ProcessHandle.current().pid();
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
