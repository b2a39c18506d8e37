package io.pvekit.lxcri.internal.cli;

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
 * <p>Three archives, because an AOT cache loads all its classes at start-up: {@code full} (exec,
 * pause, update, explain, hook: the JSON reader, the translator, liblxc's binding), {@code create}
 * (create and run: the reader and the translator, no liblxc) and {@code lean} (state, start, kill,
 * delete, list, ps: a properties file and /proc). A JVM that records nothing runs {@code prepare}
 * (the bundle) and creates and deletes the containers the other two workloads need.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    String mode = args.length > 0 ? args[0] : "full";
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Map<String, String> env = System.getenv();
    switch (mode) {
      case "prepare":
        prepare(Path.of(args[1]).resolve("bundle"), env, sink);
        return;
      case "lean":
        lean(Path.of(args[1]), args.length > 2 ? args[2] : null, env, sink);
        return;
      case "create":
        create(args.length > 1 ? Path.of(args[1]) : null, args.length > 2 ? args[2] : null, env);
        return;
      default:
        full(env, sink);
    }
  }

  /**
   * Only what the hot commands do, on a container {@code bin/proxmox-lxcri-cds} created with
   * another JVM: no temporary files, no child processes, nothing the commands themselves would not
   * load (an AOT cache would load it at every start).
   */
  private static void lean(Path work, String id, Map<String, String> env, PrintStream sink)
      throws InterruptedException {
    String r = work.resolve("root").toString();
    run(env, sink, "--version");
    run(env, sink, "features");
    run(env, sink, "--root", r, "list");
    run(
        env,
        sink,
        "--root",
        r,
        "--log",
        work.resolve("log").toString(),
        "--log-format",
        "json",
        "state",
        "missing");
    if (id == null) {
      return;
    }
    run(env, sink, "--root", r, "state", id);
    run(env, sink, "--root", r, "start", id);
    run(env, sink, "--root", r, "state", id);
    run(env, sink, "--root", r, "ps", "--format", "json", id);
    run(env, sink, "--root", r, "list", "--format", "json");
    run(env, sink, "--root", r, "kill", id, "KILL");
    for (int i = 0;
        i < 100 && Main.run(new String[] {"--root", r, "delete", id}, sink, sink, env) != 0;
        i++) {
      Thread.sleep(50);
    }
  }

  /**
   * create alone, on the bundle {@code prepare} wrote; the script deletes the container with a JVM
   * that records nothing. Errors are printed: a create that fails here would train the error path.
   */
  private static void create(Path work, String id, Map<String, String> env) {
    if (work == null || id == null) {
      return;
    }
    PrintStream err = System.err;
    Main.run(
        new String[] {
          "--root",
          work.resolve("root").toString(),
          "create",
          "--bundle",
          work.resolve("bundle").toString(),
          "--pid-file",
          work.resolve("pid").toString(),
          id
        },
        err,
        err,
        env);
  }

  private static void full(Map<String, String> env, PrintStream sink)
      throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("proxmox-lxcri-training");
    Path root = work.resolve("root");
    Path bundle = work.resolve("bundle");
    try {
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
      if (prepare(bundle, env, sink)) {
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
    String id = "proxmox-lxcri-training-" + ProcessHandle.current().pid();
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

  /**
   * Writes bundle/config.json ({@code spec}) and, with root and a static busybox, a rootfs whose
   * process sleeps.
   *
   * @return whether a real container can run from it
   */
  private static boolean prepare(Path bundle, Map<String, String> env, PrintStream sink)
      throws IOException {
    Files.createDirectories(bundle);
    Main.run(new String[] {"spec", "--bundle", bundle.toString()}, sink, sink, env);
    if (!Files.isExecutable(Path.of("/bin/busybox")) || !isRoot()) {
      return false;
    }
    Path rootfs = Files.createDirectories(bundle.resolve("rootfs/bin"));
    for (String dir : List.of("proc", "sys", "dev", "tmp")) {
      Files.createDirectories(bundle.resolve("rootfs").resolve(dir));
    }
    Files.copy(Path.of("/bin/busybox"), rootfs.resolve("busybox"));
    for (String applet : List.of("sh", "sleep", "true")) {
      Files.createSymbolicLink(rootfs.resolve(applet), Path.of("busybox"));
    }
    // What containerd sends for a Kubernetes container (capabilities, rlimits, limits, device
    // rules, seccomp, masked paths, a bind mount), so create's archive holds the classes it needs.
    Files.writeString(bundle.resolve("training.conf"), "training\n");
    String config;
    try (var in = Training.class.getResourceAsStream("training-config.json")) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.writeString(
        bundle.resolve("config.json"),
        config.replace("@BUNDLE@", bundle.toAbsolutePath().toString()));
    return true;
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
