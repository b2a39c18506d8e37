package io.pvekit.lxcri;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.lxc.LeakCheck;
import io.pvekit.oci.TestRootfs;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client: Debian's containerd with its own root, state and socket, its runc shim ({@code
 * io.containerd.runc.v2}) calling {@code bin/proxmox-lxcri} as the runc binary, and a locally built
 * OCI image imported with {@code ctr image import}.
 */
@Requires({
  Prerequisite.ROOT,
  Prerequisite.CONTAINERD,
  Prerequisite.LXC_TOOLS,
  Prerequisite.LIBLXC,
  Prerequisite.BUSYBOX_STATIC
})
class ContainerdIT {
  private static final String IMAGE = "docker.io/pvekit/busybox-it:latest";

  /** A containerd namespace of our own: the shim's --root becomes /run/containerd/runc/NS. */
  private static final String NAMESPACE =
      "pvekit-it-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));

  private static final Path LAUNCHER = Path.of("bin/proxmox-lxcri").toAbsolutePath();

  @TempDir static Path dir;
  private static Process containerd;
  private static Path socket;

  @BeforeAll
  static void startContainerdAndImportImage() throws Exception {
    socket = dir.resolve("containerd.sock");
    Files.writeString(
        dir.resolve("config.toml"),
        "version = 2\n"
            + "root = \""
            + dir.resolve("root")
            + "\"\nstate = \""
            + dir.resolve("state")
            + "\"\ndisabled_plugins = [\"io.containerd.grpc.v1.cri\"]\n"
            + "[grpc]\n  address = \""
            + socket
            + "\"\n");
    containerd =
        new ProcessBuilder("containerd", "--config", dir.resolve("config.toml").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("containerd.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Files.exists(socket) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(socket).as("containerd socket").exists();
    Path image = BusyboxImage.write(dir.resolve("image"));
    Result imported = ctr("image", "import", "--index-name", IMAGE, image.toString());
    assertThat(imported.code).as(imported.err).isZero();
  }

  @AfterAll
  static void stopContainerd() throws Exception {
    if (containerd != null) {
      containerd.destroy();
      containerd.waitFor(20, TimeUnit.SECONDS);
    }
    Path shimRoot = Path.of("/run/containerd/runc", NAMESPACE);
    if (Files.isDirectory(shimRoot)) {
      try (var entries = Files.list(shimRoot)) {
        assertThat(entries.toList()).as("proxmox-lxcri state left by the shim").isEmpty();
      }
      Files.delete(shimRoot);
    }
    // The namespace's parent cgroup is the shim's (runc leaves it too); the containers' are ours.
    for (Path parent : LeakCheck.cgroupsNamed(NAMESPACE)) {
      try (var children = Files.list(parent)) {
        assertThat(children.filter(Files::isDirectory).toList())
            .as("cgroups in %s", parent)
            .isEmpty();
      }
      Files.delete(parent);
    }
    assertThat(LeakCheck.processesMentioning(NAMESPACE)).as("processes").isEmpty();
  }

  @Test
  void run_printsOutputAndExitsWithTheContainersStatus() throws Exception {
    Result run =
        ctr(
            "run",
            "--rm",
            "--runc-binary",
            LAUNCHER.toString(),
            IMAGE,
            "hello",
            "/bin/sh",
            "-c",
            "echo hello from $$; echo to-stderr >&2; exit 3");
    assertThat(run.out).isEqualTo("hello from 1\n");
    assertThat(run.err).contains("to-stderr");
    assertThat(run.code).isEqualTo(3);
  }

  @Test
  @Requires(Prerequisite.STATIC_CC)
  void runWithTerminal_theContainersProcessOwnsIt() throws Exception {
    Result run =
        ctrInTerminal(
            "run -t --rm --runc-binary "
                + LAUNCHER
                + " "
                + IMAGE
                + " console /bin/sh -c 'test -t 0 && echo IS_TTY;"
                + " echo ctty=$(cut -d\" \" -f7 /proc/self/stat) pid=$$; exit 7'");
    assertThat(run.out).contains("IS_TTY", "pid=1").containsPattern("ctty=[1-9][0-9]*");
    assertThat(run.code).as(run.out).isEqualTo(7);
  }

  /**
   * ctr with a terminal of its own, which {@code ctr -t} wants: script(1) gives it one and exits
   * with its status. {@code out} has everything the terminal showed.
   */
  static Result ctrInTerminal(String arguments) throws Exception {
    String ctr = "ctr -a " + socket + " -n " + NAMESPACE + " " + arguments;
    Process p =
        new ProcessBuilder("script", "-qec", ctr, "/dev/null").redirectErrorStream(true).start();
    var out = readAsync(p.getInputStream());
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + ctr);
    }
    return new Result(p.exitValue(), out.get(), "");
  }

  @Test
  void execWithTerminal_throughTheShimsConsoleSocket() throws Exception {
    String id = "tty";
    Result started =
        ctr("run", "-d", "--runc-binary", LAUNCHER.toString(), IMAGE, id, "/bin/sleep", "600");
    assertThat(started.code).as(started.err).isZero();
    Result exec =
        ctrInTerminal(
            "task exec -t --exec-id shell "
                + id
                + " /bin/sh -c 'test -t 0 && echo IS_TTY;"
                + " echo ctty=$(cut -d\" \" -f7 /proc/self/stat); exit 6'");
    assertThat(exec.out).contains("IS_TTY").containsPattern("ctty=[1-9][0-9]*");
    assertThat(exec.code).as(exec.out).isEqualTo(6);

    assertThat(ctr("task", "kill", "--signal", "SIGKILL", id).code).isZero();
    awaitStopped(id);
    assertThat(ctr("task", "delete", id).code).isZero();
    assertThat(ctr("container", "rm", id).code).isZero();
  }

  @Test
  void detachedTask_metricsExecPsKillDelete() throws Exception {
    String id = "task";
    Result started =
        ctr("run", "-d", "--runc-binary", LAUNCHER.toString(), IMAGE, id, "/bin/sleep", "600");
    assertThat(started.code).as(started.err).isZero();

    Result metrics = ctr("task", "metrics", id);
    assertThat(metrics.code).as(metrics.err).isZero();
    assertThat(metrics.out).contains("memory.usage_in_bytes").contains("pids.current");

    Result exec = ctr("task", "exec", "--exec-id", "probe", id, "/bin/sh", "-c", "echo in; exit 4");
    assertThat(exec.out).isEqualTo("in\n");
    assertThat(exec.code).isEqualTo(4);

    Result ps = ctr("task", "ps", id);
    assertThat(ps.out.lines().count()).as(ps.out).isGreaterThanOrEqualTo(2);

    assertThat(ctr("task", "kill", "--signal", "SIGKILL", id).code).isZero();
    awaitStopped(id);
    Result deleted = ctr("task", "delete", id);
    assertThat(deleted.code).as(deleted.err).isZero();
    assertThat(ctr("container", "rm", id).code).isZero();
    assertThat(LeakCheck.cgroupsNamed(id)).isEmpty();
  }

  @Test
  void memoryLimit_oomKillReachesTheShim() throws Exception {
    Process events =
        new ProcessBuilder("ctr", "-a", socket.toString(), "-n", NAMESPACE, "events")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("events.txt").toFile())
            .start();
    try {
      Thread.sleep(300);
      Result run =
          ctr(
              "run",
              "--rm",
              "--memory-limit",
              "33554432",
              "--runc-binary",
              LAUNCHER.toString(),
              IMAGE,
              "oom",
              "/bin/sh",
              "-c",
              // the shim watches for OOM only once start has returned
              "sleep 1; exec dd if=/dev/zero of=/dev/null bs=256M count=1");
      assertThat(run.code).as(run.err).isEqualTo(137);
      Thread.sleep(500);
    } finally {
      events.destroy();
      events.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(Files.readString(dir.resolve("events.txt"))).contains("/tasks/oom");
  }

  private static void awaitStopped(String id) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (ctr("task", "ls")
          .out
          .lines()
          .anyMatch(l -> l.startsWith(id + " ") && l.contains("STOPPED"))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("task " + id + " did not stop");
  }

  record Result(int code, String out, String err) {}

  static Result ctr(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("ctr", "-a", socket.toString(), "-n", NAMESPACE));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    var out = readAsync(p.getInputStream());
    var err = readAsync(p.getErrorStream());
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("ctr " + String.join(" ", args) + " timed out");
    }
    return new Result(p.exitValue(), out.get(), err.get());
  }

  private static java.util.concurrent.CompletableFuture<String> readAsync(InputStream in) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }

  /** A one-layer OCI image layout of busybox, archived as {@code ctr image import} wants it. */
  static final class BusyboxImage {
    static Path write(Path dir) throws Exception {
      Path rootfs = TestRootfs.create(dir.resolve("rootfs"));
      Path layout = Files.createDirectories(dir.resolve("layout/blobs/sha256"));
      Path layerTar = dir.resolve("layer.tar");
      run("tar", "--numeric-owner", "-C", rootfs.toString(), "-cf", layerTar.toString(), ".");
      byte[] layer = Files.readAllBytes(layerTar);
      String layerDigest = blob(layout, layer);
      String config =
          "{\"architecture\":\"amd64\",\"os\":\"linux\","
              + "\"config\":{\"Env\":[\"PATH=/bin\"],\"Cmd\":[\"/bin/sh\"]},"
              + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:"
              + layerDigest
              + "\"]}}";
      byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
      String configDigest = blob(layout, configBytes);
      String manifest =
          "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
              + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
              + "\"digest\":\"sha256:"
              + configDigest
              + "\",\"size\":"
              + configBytes.length
              + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
              + "\"digest\":\"sha256:"
              + layerDigest
              + "\",\"size\":"
              + layer.length
              + "}]}";
      byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
      String manifestDigest = blob(layout, manifestBytes);
      Path top = dir.resolve("layout");
      Files.writeString(top.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
      Files.writeString(
          top.resolve("index.json"),
          "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
              + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
              + manifestDigest
              + "\",\"size\":"
              + manifestBytes.length
              + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"latest\"}}]}");
      Path archive = dir.resolve("image.tar");
      run("tar", "-C", top.toString(), "-cf", archive.toString(), ".");
      return archive;
    }

    private static String blob(Path blobs, byte[] content) throws Exception {
      String digest =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
      Files.write(blobs.resolve(digest), content);
      return digest;
    }

    private static void run(String... command) throws Exception {
      Process p = new ProcessBuilder(command).inheritIO().start();
      assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }
  }
}
