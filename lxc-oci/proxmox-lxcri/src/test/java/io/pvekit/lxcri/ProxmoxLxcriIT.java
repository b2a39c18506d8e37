package io.pvekit.lxcri;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.lxc.LeakCheck;
import io.pvekit.lxc.TestBundles;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code bin/proxmox-lxcri} command as containerd's shim and people call it. */
@Requires({
  Prerequisite.ROOT,
  Prerequisite.LIBLXC,
  Prerequisite.LXC_TOOLS,
  Prerequisite.BUSYBOX_STATIC
})
class ProxmoxLxcriIT {
  private static final Path LAUNCHER = Path.of("bin/proxmox-lxcri").toAbsolutePath();
  private static final String PREFIX =
      "lxcri" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));

  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path root() {
    return shared.resolve("root");
  }

  @AfterAll
  static void nothingLeaks() throws Exception {
    LeakCheck.assertNothingLeft(PREFIX, root());
  }

  record Result(int code, String out, String err) {}

  private Result cli(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(LAUNCHER.toString());
    command.add("--root");
    command.add(root().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = builder.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Result cli(String... args) throws Exception {
    return cli(Map.of(), args);
  }

  @Test
  void run_passesStdoutStderrAndExitCode() throws Exception {
    Path bundle =
        new TestBundles.Spec()
            .args("/bin/sh", "-c", "echo to-stdout; echo to-stderr >&2; exit 3")
            .write(dir.resolve("b"));
    Result run = cli("run", "--bundle", bundle.toString(), PREFIX + "-run");
    assertThat(run.out).isEqualTo("to-stdout\n");
    assertThat(run.err).isEqualTo("to-stderr\n");
    assertThat(run.code).isEqualTo(3);
    assertThat(root().resolve(PREFIX + "-run")).doesNotExist();
  }

  @Test
  void anIgnoredField_isAWarningInTheLogFile_notOnTheContainersStderr() throws Exception {
    Path bundle =
        new TestBundles.Spec()
            .args("/bin/sh", "-c", "echo to-stderr >&2")
            .resources("\"memory\":{\"kernel\":1048576}")
            .write(dir.resolve("b"));
    Path logFile = dir.resolve("runc.log");
    Result run =
        cli(
            "--log",
            logFile.toString(),
            "--log-format",
            "json",
            "run",
            "--bundle",
            bundle.toString(),
            PREFIX + "-kmem");
    assertThat(run.code).as(run.err).isZero();
    assertThat(run.err).isEqualTo("to-stderr\n");
    assertThat(Files.readString(logFile))
        .contains("\"level\":\"warning\"")
        .contains("$.linux.resources.memory.kernel ignored: kernel memory limits are gone");
  }

  @Test
  @Requires(Prerequisite.PYTHON3)
  void execWithTerminal_sendsThePtyToTheConsoleSocket_andTheProcessOwnsIt() throws Exception {
    Path bundle = new TestBundles.Spec().args("/bin/sleep", "600").write(dir.resolve("b"));
    String id = PREFIX + "-tty";
    assertThat(cli("create", "--bundle", bundle.toString(), id).code).isZero();
    assertThat(cli("start", id).code).isZero();
    Path socket = dir.resolve("console.sock");
    Path peer = dir.resolve("console-socket.py");
    try (var script =
        ProxmoxLxcriIT.class.getResourceAsStream("/io/pvekit/lxc/console-socket.py")) {
      Files.copy(script, peer);
    }
    // the shim's side: receives the master, types two lines, prints what the terminal shows
    Process shim =
        new ProcessBuilder("python3", peer.toString(), socket.toString(), "echo typed-$((6*7))\n")
            .redirectErrorStream(true)
            .start();
    var output = shim.getInputStream();
    for (int i = 0; i < 300 && !Files.exists(socket); i++) {
      Thread.sleep(100); // the shim's side listens once the socket exists
    }

    Path pidFile = dir.resolve("exec.pid");
    Result exec =
        cli(
            "exec",
            "--tty",
            "--detach",
            "--console-socket",
            socket.toString(),
            "--pid-file",
            pidFile.toString(),
            "--cwd",
            "/tmp",
            id,
            "/bin/sh",
            "-c",
            "test -t 0 && echo IS_TTY; echo ctty=$(cut -d' ' -f7 /proc/self/stat); pwd;"
                + " read line; eval \"$line\"");
    assertThat(exec.code).as(exec.err).isZero();
    assertThat(Long.parseLong(Files.readString(pidFile))).isPositive();
    assertThat(shim.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String screen = new String(output.readAllBytes(), StandardCharsets.UTF_8);
    assertThat(screen)
        .startsWith("listening\nname /dev/pts/")
        .doesNotContain("\r\r\n") // one \r per line, as the process's own pty writes it
        .contains("IS_TTY", "/tmp", "typed-42")
        .doesNotContain("ctty=0\r");
    assertThat(screen).containsPattern("ctty=[1-9][0-9]*");

    assertThat(cli("kill", id, "KILL").code).isZero();
    awaitStatus(id, "stopped");
    assertThat(cli("delete", id).code).isZero();
  }

  @Test
  void execWithTerminal_refusesWhatItCannotDo() throws Exception {
    Path bundle = new TestBundles.Spec().args("/bin/sleep", "600").write(dir.resolve("b"));
    String id = PREFIX + "-ttyno";
    assertThat(cli("create", "--bundle", bundle.toString(), id).code).isZero();
    assertThat(cli("start", id).code).isZero();
    Result noSocket = cli("exec", "--tty", "--detach", id, "/bin/true");
    assertThat(noSocket.code).isEqualTo(1);
    assertThat(noSocket.err).contains("--tty with --detach needs --console-socket");
    Result groups =
        cli(
            "exec",
            "--tty",
            "--detach",
            "--console-socket",
            dir.resolve("none.sock").toString(),
            "--additional-gids",
            "10",
            id,
            "/bin/true");
    assertThat(groups.code).isEqualTo(1);
    assertThat(groups.err).contains("additionalGids [10]");
    // nobody listens: an error, and no lxc-attach (nor its process) left behind
    Result nobody =
        cli(
            "exec",
            "--tty",
            "--detach",
            "--console-socket",
            dir.resolve("nobody.sock").toString(),
            id,
            "/bin/sleep",
            "300");
    assertThat(nobody.code).isEqualTo(1);
    assertThat(nobody.err).contains("cannot connect to the console socket");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (cli("ps", "--format", "json", id).out.contains(",") && System.nanoTime() < deadline) {
      Thread.sleep(100); // the hangup reaches the process asynchronously
    }
    assertThat(cli("ps", "--format", "json", id).out.trim().split(",")).hasSize(1);
    assertThat(LeakCheck.processesMentioning("lxc-attach -n " + id)).isEmpty();
    assertThat(cli("delete", "--force", id).code).isZero();
  }

  @Test
  void lifecycle_createStartStateKillDelete_withJsonLog() throws Exception {
    Path bundle = new TestBundles.Spec().args("/bin/sleep", "600").write(dir.resolve("b"));
    String id = PREFIX + "-life";
    Path log = dir.resolve("log.json");
    Path pidFile = dir.resolve("pid");
    Result create =
        cli(
            "--log",
            log.toString(),
            "--log-format",
            "json",
            "create",
            "--bundle",
            bundle.toString(),
            "--pid-file",
            pidFile.toString(),
            id);
    assertThat(create.code).as(create.err).isZero();
    long supervisor = Long.parseLong(Files.readString(pidFile));
    assertThat(Files.readString(Path.of("/proc/" + supervisor + "/cmdline")))
        .contains("proxmox-lxcri-supervisor");

    Result state = cli("state", id);
    assertThat(state.out).contains("\"status\":\"created\"").contains("\"id\":\"" + id + "\"");
    assertThat(cli("start", id).code).isZero();
    assertThat(cli("state", id).out).contains("\"status\":\"running\"");
    Result ps = cli("ps", "--format", "json", id);
    assertThat(ps.out.trim()).matches("\\[\\d+\\]");

    Result busy = cli("--log", log.toString(), "--log-format", "json", "delete", id);
    assertThat(busy.code).isEqualTo(1);
    assertThat(lastLine(log))
        .startsWith("{\"level\":\"error\",\"msg\":\"cannot delete container " + id)
        .contains("not stopped: running");

    assertThat(cli("kill", "--all", id, "SIGKILL").code).isZero();
    awaitStatus(id, "stopped");
    assertThat(cli("delete", id).code).isZero();
    assertThat(cli("state", id).code).isEqualTo(1);
  }

  @Test
  void unknownContainer_reportsTheRuncErrorLine() throws Exception {
    Path log = dir.resolve("log.json");
    Result result = cli("--log", log.toString(), "--log-format", "json", "start", "nope");
    assertThat(result.code).isEqualTo(1);
    assertThat(lastLine(log))
        .startsWith("{\"level\":\"error\",\"msg\":\"container nope does not exist");
    assertThat(result.err).contains("container nope does not exist");
  }

  @Test
  void javaThatCannotStart_stillLeavesAnErrorLineForTheShim() throws Exception {
    Path log = dir.resolve("log.json");
    Result missing =
        cli(
            Map.of("PROXMOX_LXCRI_JAVA", "/nonexistent/java"),
            "--log",
            log.toString(),
            "--log-format",
            "json",
            "state",
            "x");
    assertThat(missing.code).isEqualTo(1);
    assertThat(lastLine(log)).startsWith("{\"level\":\"error\",\"msg\":\"proxmox-lxcri: java");

    Result broken =
        cli(
            Map.of("PROXMOX_LXCRI_JAVA_OPTS", "-XX:+NoSuchJvmOption"),
            "--log",
            log.toString(),
            "--log-format",
            "json",
            "state",
            "x");
    assertThat(broken.code).isEqualTo(1);
    assertThat(lastLine(log))
        .startsWith("{\"level\":\"error\",\"msg\":\"proxmox-lxcri: the Java runtime exited");
  }

  /**
   * The runtime killed with SIGKILL in the middle of create (a createRuntime hook keeps liblxc
   * busy): the state it leaves is enough for delete --force to remove everything.
   */
  @Test
  void sigkillMidCreate_deleteForceCleansUp() throws Exception {
    Path marker = dir.resolve("hook-running");
    Path bundle =
        new TestBundles.Spec()
            .args("/bin/true")
            .hooks(
                "\"createRuntime\":[{\"path\":\"/bin/sh\",\"args\":[\"sh\",\"-c\",\"touch "
                    + marker
                    + "; exec sleep 300\"]}]")
            .write(dir.resolve("b"));
    String id = PREFIX + "-crash";
    Process create =
        new ProcessBuilder(
                LAUNCHER.toString(),
                "--root",
                root().toString(),
                "create",
                "--bundle",
                bundle.toString(),
                id)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(marker) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(marker).as("the createRuntime hook ran").exists();
    // kill the JVM (the launcher's child), as the OOM killer or a node shutdown would
    for (ProcessHandle child : create.toHandle().children().toList()) {
      child.destroyForcibly();
    }
    create.waitFor(20, TimeUnit.SECONDS);
    assertThat(cli("state", id).out).contains("\"status\":\"creating\"");
    assertThat(LeakCheck.processesMentioning(id)).isNotEmpty();

    Result delete = cli("delete", "--force", id);
    assertThat(delete.code).as(delete.err).isZero();
    assertThat(LeakCheck.processesMentioning(id)).isEmpty();
    assertThat(LeakCheck.cgroupsNamed(id)).isEmpty();
    assertThat(root().resolve(id)).doesNotExist();
  }

  /**
   * OCI hooks at their points, each with the state on stdin: createRuntime through liblxc's
   * start-host hook and the {@code hook} command, poststart and poststop by the runtime.
   */
  @Test
  void hooks_runAtTheirPointsWithTheState() throws Exception {
    Path out = Files.createDirectories(dir.resolve("hooks"));
    String hook = "{\"path\":\"/bin/sh\",\"args\":[\"sh\",\"-c\",\"cat > " + out + "/%s.json\"]}";
    Path bundle =
        new TestBundles.Spec()
            .args("/bin/sleep", "600")
            .hooks(
                "\"createRuntime\":["
                    + String.format(hook, "createRuntime")
                    + "],\"poststart\":["
                    + String.format(hook, "poststart")
                    + "],\"poststop\":["
                    + String.format(hook, "poststop")
                    + "]")
            .write(dir.resolve("b"));
    String id = PREFIX + "-hooks";
    assertThat(cli("create", "--bundle", bundle.toString(), id).code).isZero();
    assertThat(Files.readString(out.resolve("createRuntime.json")))
        .contains("\"id\":\"" + id + "\"")
        .contains("\"status\":\"creating\"")
        .containsPattern("\"pid\":[1-9]")
        .contains("\"io.pvekit.test\":\"yes\"");
    assertThat(out.resolve("poststart.json")).doesNotExist();
    assertThat(cli("start", id).code).isZero();
    assertThat(Files.readString(out.resolve("poststart.json"))).contains("\"status\":\"running\"");
    assertThat(cli("delete", "--force", id).code).isZero();
    assertThat(Files.readString(out.resolve("poststop.json"))).contains("\"status\":\"stopped\"");
  }

  private void awaitStatus(String id, String status) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (cli("state", id).out.contains("\"status\":\"" + status + "\"")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(id + " never became " + status);
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines).isNotEmpty();
    return lines.get(lines.size() - 1);
  }
}
