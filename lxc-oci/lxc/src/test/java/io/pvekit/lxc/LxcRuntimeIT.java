package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LxcRuntime} with real OCI bundles: what config.json asks for is what the container gets,
 * and nothing of it stays on the host afterwards.
 */
@Requires({
  Prerequisite.ROOT,
  Prerequisite.LIBLXC,
  Prerequisite.LXC_TOOLS,
  Prerequisite.BUSYBOX_STATIC
})
class LxcRuntimeIT {
  @RegisterExtension static final RealRuntime REAL = RealRuntime.withoutInitHelper("lxcrt");
  @TempDir Path dir;

  @Test
  void probe_seesWhatConfigJsonAsks() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("hello"), "from-host");
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
    String script =
        String.join(
            "\n",
            "exec > /out/result 2>&1",
            "echo pid=$$",
            "echo host=$(hostname)",
            "echo id=$(id -u):$(id -g)",
            "echo cwd=$(pwd)",
            "echo env=$GREETING",
            "echo data=$(cat /data/hello)",
            "touch /data/x 2>/dev/null && echo datamode=rw || echo datamode=ro",
            "touch /rootfile 2>/dev/null && echo root=rw || echo root=ro",
            "touch /scratch/x && echo scratch=rw",
            "echo scratchfs=$(grep ' /scratch ' /proc/mounts | cut -d' ' -f3)",
            "cat /proc/kcore > /dev/null 2>&1 && echo kcore=readable || echo kcore=masked",
            "grep -E '^Cap(Bnd|Eff)' /proc/self/status",
            "echo mntns=$(readlink /proc/self/ns/mnt)",
            "echo pidns=$(readlink /proc/self/ns/pid)",
            "echo done",
            "exec sleep 600");
    Path bundle =
        new TestBundles.Spec()
            .args("/bin/sh", "-c", script)
            .user(1000, 1000)
            .cwd("/tmp")
            .env("PATH=/bin", "GREETING=hello world")
            .readonly(true)
            .hostname("probe-host")
            .mount("/data", "bind", data.toString(), "rbind", "ro")
            .mount("/out", "bind", out.toString(), "rbind", "rw")
            .mount("/scratch", "tmpfs", "tmpfs", "size=1m", "mode=1777")
            .mount("/tmp", "tmpfs", "tmpfs", "size=1m", "mode=1777")
            .capabilities("CAP_NET_BIND_SERVICE")
            .resources("\"memory\":{\"limit\":67108864},\"pids\":{\"limit\":17}")
            .linux("\"maskedPaths\":[\"/proc/kcore\"],\"readonlyPaths\":[\"/proc/sys\"]")
            .write(dir.resolve("bundle"));
    String id = REAL.id("probe");
    ContainerState created = REAL.runtime().create(id, bundle);
    assertThat(created.annotations()).containsEntry("io.pvekit.test", "yes");
    REAL.runtime().start(id);
    Path result = out.resolve("result");
    awaitLine(result, "done");
    Map<String, String> seen = parse(Files.readAllLines(result));
    assertThat(seen)
        .containsEntry("pid", "1")
        .containsEntry("host", "probe-host")
        .containsEntry("id", "1000:1000")
        .containsEntry("cwd", "/tmp")
        .containsEntry("env", "hello world")
        .containsEntry("datamode", "ro")
        .containsEntry("root", "ro")
        .containsEntry("scratch", "rw")
        .containsEntry("scratchfs", "tmpfs")
        .containsEntry("kcore", "masked");
    assertThat(Files.readString(result)).contains("data=from-host");
    // Only CAP_NET_BIND_SERVICE (bit 10) is left, in the bounding set and nowhere else.
    assertThat(seen.get("CapBnd:")).isEqualTo("0000000000000400");
    assertThat(seen.get("CapEff:")).isEqualTo("0000000000000000");
    assertThat(seen.get("mntns")).isNotEqualTo(Files.readSymbolicLink(ns("mnt")).toString());
    assertThat(seen.get("pidns")).isNotEqualTo(Files.readSymbolicLink(ns("pid")).toString());

    long pid = REAL.runtime().state(id).pid();
    Map<String, Path> cgroups = cgroupsOf(pid);
    assertThat(Files.readString(cgroups.get("memory").resolve("memory.limit_in_bytes")).trim())
        .isEqualTo("67108864");
    assertThat(Files.readString(cgroups.get("pids").resolve("pids.max")).trim()).isEqualTo("17");

    REAL.runtime().kill(id, "KILL", false);
    assertThat(REAL.runtime().awaitExit(id, RealRuntime.WAIT)).contains(137);
    REAL.runtime().delete(id, false);
    assertThat(cgroups.values()).allSatisfy(c -> assertThat(c).doesNotExist());
  }

  @Test
  void exitCodes_andStateTransitions() throws Exception {
    Path bundle = new TestBundles.Spec().args("/bin/sh", "-c", "exit 3").write(dir.resolve("b"));
    String id = REAL.id("exit");
    assertThat(REAL.runtime().create(id, bundle).status()).isEqualTo(ContainerStatus.CREATED);
    assertThat(REAL.runtime().start(id).status()).isEqualTo(ContainerStatus.RUNNING);
    assertThat(REAL.runtime().awaitExit(id, RealRuntime.WAIT)).contains(3);
    assertThat(REAL.runtime().state(id).status()).isEqualTo(ContainerStatus.STOPPED);
    assertThatThrownBy(() -> REAL.runtime().kill(id, "TERM", false))
        .isInstanceOf(ContainerStateException.class);
    REAL.runtime().delete(id, false);
    assertThatThrownBy(() -> REAL.runtime().state(id))
        .isInstanceOf(ContainerNotFoundException.class);
  }

  @Test
  void pauseResumeExecAndUpdate() throws Exception {
    Path bundle =
        new TestBundles.Spec()
            .args("/bin/sleep", "600")
            .resources("\"pids\":{\"limit\":50}")
            .write(dir.resolve("b"));
    String id = REAL.id("live");
    REAL.runtime().create(id, bundle);
    REAL.runtime().start(id);
    REAL.runtime().pause(id);
    assertThat(REAL.runtime().state(id).status()).isEqualTo(ContainerStatus.PAUSED);
    REAL.runtime().resume(id);
    assertThat(REAL.runtime().state(id).status()).isEqualTo(ContainerStatus.RUNNING);

    ExecProcess exec =
        REAL.runtime()
            .exec(
                id,
                ExecSpec.builder()
                    .addArgs("/bin/sh", "-c", "echo $WHO > /tmp/exec-out; exit 5")
                    .addEnv("PATH=/bin", "WHO=exec-user")
                    .uid(1000)
                    .gid(1000)
                    .build());
    assertThat(exec.waitFor()).isEqualTo(5);
    assertThat(dir.resolve("b/rootfs/tmp/exec-out")).hasContent("exec-user\n");
    assertThat(REAL.runtime().pids(id)).contains(REAL.runtime().state(id).pid());

    REAL.runtime().update(id, ResourceLimits.builder().pidsLimit(33L).build());
    Path pids = cgroupsOf(REAL.runtime().state(id).pid()).get("pids");
    assertThat(Files.readString(pids.resolve("pids.max")).trim()).isEqualTo("33");
    REAL.runtime().delete(id, true);
  }

  @Test
  @Requires(Prerequisite.PYTHON3)
  void execWithTerminal_fromTheJavaApi_waitsForTheStatus() throws Exception {
    Path bundle = new TestBundles.Spec().args("/bin/sleep", "600").write(dir.resolve("b"));
    String id = REAL.id("tty");
    REAL.runtime().create(id, bundle);
    REAL.runtime().start(id);
    Path socket = dir.resolve("console.sock");
    Process console = consoleSocket(socket, "exit 5\n", null);
    var screen = console.inputReader();
    ExecProcess shell =
        REAL.runtime()
            .exec(
                id,
                ExecSpec.builder()
                    .addArgs("/bin/sh", "-c", "test -t 1 && echo IS_TTY; read line; eval \"$line\"")
                    .addEnv("PATH=/bin")
                    .terminal(true)
                    .consoleSocket(socket)
                    .build());
    assertThat(shell.waitFor()).isEqualTo(5);
    assertThat(console.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(screen.lines().toList()).contains("IS_TTY");
    REAL.runtime().delete(id, true);
  }

  @Test
  @Requires({Prerequisite.PYTHON3, Prerequisite.STATIC_CC})
  void containerWithTerminal_consoleGoesToTheSocket_processOwnsIt() throws Exception {
    Path helper = Path.of("target/proxmox-lxcri-init").toAbsolutePath();
    assertThat(helper).as("built by ./mvnw package with gcc").isExecutable();
    LxcRuntime withHelper =
        LxcRuntime.builder()
            .root(REAL.stateRoot())
            .timeout(RealRuntime.WAIT)
            .initHelper(helper)
            .build();
    Path bundle =
        terminal(
            new TestBundles.Spec()
                .args(
                    "/bin/sh",
                    "-c",
                    "echo READY; test -t 0 && echo IS_TTY; echo ctty=$(cut -d' ' -f7"
                        + " /proc/self/stat) pid=$$; read line; eval \"$line\"")
                .write(dir.resolve("b")));
    Path socket = dir.resolve("console.sock");
    Process console = consoleSocket(socket, "exit 4\n", "READY");
    String id = REAL.id("console");
    withHelper.create(id, bundle, socket);
    withHelper.start(id);
    assertThat(withHelper.awaitExit(id, RealRuntime.WAIT)).contains(4);
    assertThat(console.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String screen = String.join("\n", console.inputReader().lines().toList());
    assertThat(screen).contains("IS_TTY").contains("pid=1").containsPattern("ctty=[1-9]");
    withHelper.delete(id, false);
    assertThat(REAL.stateRoot().resolve(id)).doesNotExist();
  }

  @Test
  void containerWithTerminal_withoutHelperOrSocket_isRefusedLeavingNothing() throws Exception {
    Path bundle = terminal(new TestBundles.Spec().write(dir.resolve("b")));
    String id = REAL.id("console-refused");
    assertThatThrownBy(() -> REAL.runtime().create(id, bundle, dir.resolve("none.sock")))
        .isInstanceOf(LxcRuntimeException.class)
        .hasMessageContaining("needs proxmox-lxcri-init");
    assertThat(REAL.stateRoot().resolve(id)).doesNotExist();
    LxcRuntime withHelper =
        LxcRuntime.builder()
            .root(REAL.stateRoot())
            .timeout(RealRuntime.WAIT)
            .initHelper(Path.of("/bin/true")) // executable: only the missing socket is wrong
            .build();
    assertThatThrownBy(() -> withHelper.create(id, bundle))
        .isInstanceOf(LxcRuntimeException.class)
        .hasMessageContaining("needs --console-socket");
    assertThat(REAL.stateRoot().resolve(id)).doesNotExist();
  }

  private static Path terminal(Path bundle) throws Exception {
    Path config = bundle.resolve("config.json");
    Files.writeString(
        config, Files.readString(config).replace("\"terminal\":false", "\"terminal\":true"));
    return bundle;
  }

  /** The console-socket peer (a Python program: the JDK cannot receive a file descriptor). */
  private Process consoleSocket(Path socket, String typed, String after) throws Exception {
    Path peer = dir.resolve("console-socket.py");
    if (!Files.exists(peer)) {
      try (var script = getClass().getResourceAsStream("console-socket.py")) {
        Files.copy(script, peer);
      }
    }
    List<String> command = new ArrayList<>(List.of("python3", peer.toString(), socket.toString()));
    command.add(typed);
    if (after != null) {
      command.add(after);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String first = process.inputReader().readLine();
    assertThat(first).isEqualTo("listening");
    return process;
  }

  @Test
  void joinsAnExistingNetworkNamespaceByPath() throws Exception {
    String netns = REAL.id("ns");
    run("ip", "netns", "add", netns);
    try {
      Path out = Files.createDirectories(dir.resolve("out"));
      Path bundle =
          new TestBundles.Spec()
              .args("/bin/sh", "-c", "readlink /proc/self/ns/net > /out/net")
              .mount("/out", "bind", out.toString(), "rbind", "rw")
              .networkNamespace("/var/run/netns/" + netns)
              .write(dir.resolve("b"));
      String id = REAL.id("netns");
      REAL.runtime().create(id, bundle);
      REAL.runtime().start(id);
      assertThat(REAL.runtime().awaitExit(id, RealRuntime.WAIT)).contains(0);
      REAL.runtime().delete(id, false);
      long inode = (Long) Files.getAttribute(Path.of("/var/run/netns", netns), "unix:ino");
      assertThat(Files.readString(out.resolve("net")).trim()).isEqualTo("net:[" + inode + "]");
    } finally {
      run("ip", "netns", "delete", netns);
    }
  }

  @Test
  void twentyContainersAtOnce() throws Exception {
    Path bundle = new TestBundles.Spec().args("/bin/sh", "-c", "exit 0").write(dir.resolve("b"));
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String id = REAL.id("many" + i);
        results.add(
            pool.submit(
                () -> {
                  REAL.runtime().create(id, bundle);
                  REAL.runtime().start(id);
                  int code = REAL.runtime().awaitExit(id, RealRuntime.WAIT).orElse(-1);
                  REAL.runtime().delete(id, false);
                  return code;
                }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(REAL.runtime().list()).isEmpty();
  }

  @Test
  void unsupportedSpec_isRefusedNamingTheField() throws Exception {
    Path bundle =
        new TestBundles.Spec().linux("\"intelRdt\":{\"closID\":\"x\"}").write(dir.resolve("b"));
    String id = REAL.id("refused");
    assertThatThrownBy(() -> REAL.runtime().create(id, bundle))
        .isInstanceOf(UnsupportedOciFeatureException.class)
        .hasMessageContaining("intelRdt");
    assertThat(REAL.stateRoot().resolve(id)).doesNotExist();
  }

  private static Path ns(String kind) {
    return Path.of("/proc/self/ns", kind);
  }

  private static Map<String, Path> cgroupsOf(long pid) throws Exception {
    Map<String, Path> dirs = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"))) {
      String[] parts = line.split(":", 3);
      if (parts[1].equals("memory") || parts[1].equals("pids")) {
        dirs.put(parts[1], Path.of("/sys/fs/cgroup", parts[1], parts[2].substring(1)));
      }
    }
    return dirs;
  }

  private static Map<String, String> parse(List<String> lines) {
    Map<String, String> values = new HashMap<>();
    for (String line : lines) {
      int split = line.indexOf('=');
      if (line.startsWith("Cap")) {
        String[] parts = line.split("\\s+");
        values.put(parts[0], parts[1]);
      } else if (split > 0) {
        values.putIfAbsent(line.substring(0, split), line.substring(split + 1));
      }
    }
    return values;
  }

  private static void awaitLine(Path file, String line) throws Exception {
    long deadline = System.nanoTime() + RealRuntime.WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file) && Files.readAllLines(file).contains(line)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "no line "
            + line
            + " in "
            + file
            + ": "
            + (Files.exists(file) ? Files.readString(file) : ""));
  }

  static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).inheritIO().start();
    assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
  }
}
