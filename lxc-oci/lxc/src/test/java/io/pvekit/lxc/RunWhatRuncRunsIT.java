package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.oci.BusyboxBundle;
import io.pvekit.oci.UmociCompatibilityIT;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles that runc runs, run here through liblxc: one that {@code umoci unpack} made, unchanged,
 * and the fields only the init helper can honour.
 */
@Requires({
  Prerequisite.ROOT,
  Prerequisite.LIBLXC,
  Prerequisite.LXC_TOOLS,
  Prerequisite.BUSYBOX_STATIC,
  Prerequisite.UMOCI,
  Prerequisite.STATIC_CC,
  Prerequisite.PYTHON3
})
class RunWhatRuncRunsIT {
  @RegisterExtension static final RealRuntime REAL = RealRuntime.withInitHelper("runc");
  @TempDir Path dir;

  private int runToExit(String name, Path bundle) throws Exception {
    return runToExit(name, bundle, null);
  }

  private int runToExit(String name, Path bundle, Path consoleSocket) throws Exception {
    String id = REAL.id(name);
    if (consoleSocket == null) {
      REAL.runtime().create(id, bundle);
    } else {
      REAL.runtime().create(id, bundle, consoleSocket);
    }
    REAL.runtime().start(id);
    int status =
        REAL.runtime()
            .awaitExit(id, RealRuntime.WAIT)
            .orElseThrow(() -> new AssertionError("no exit"));
    REAL.runtime().delete(id, true);
    return status;
  }

  @Test
  void aBundleThatUmociUnpacked_runsUnchanged() throws Exception {
    Path layout = dir.resolve("layout");
    UmociCompatibilityIT.run("umoci", "init", "--layout", layout.toString());
    UmociCompatibilityIT.run("umoci", "new", "--image", layout + ":busybox");
    Path layer = dir.resolve("layer");
    BusyboxBundle.create(layer);
    UmociCompatibilityIT.run(
        "umoci", "insert", "--image", layout + ":busybox", layer.resolve("rootfs").toString(), "/");
    UmociCompatibilityIT.run(
        "umoci",
        "config",
        "--image",
        layout + ":busybox",
        "--config.env",
        "PATH=/bin",
        "--config.entrypoint",
        "/bin/sh",
        "--config.cmd",
        "-c",
        "--config.cmd",
        "test \"$(cat /proc/self/status | grep -c CapBnd)\" = 1 && exit 7");
    Path bundle = dir.resolve("bundle");
    UmociCompatibilityIT.run("umoci", "unpack", "--image", layout + ":busybox", bundle.toString());
    String config = Files.readString(bundle.resolve("config.json"));
    assertThat(config)
        .as("umoci fills the inheritable set")
        .containsPattern("\"inheritable\":\\s*\\[\\s*\"CAP_");

    assertThat(config).as("umoci asks for a terminal").containsPattern("\"terminal\":\\s*true");

    // as with runc create, a terminal goes to whoever listens on the console socket
    Path socket = dir.resolve("console.sock");
    Process console = consoleSocket(socket);
    try {
      assertThat(runToExit("umoci", bundle, socket)).isEqualTo(7);
    } finally {
      console.destroy();
    }
  }

  private Process consoleSocket(Path socket) throws Exception {
    Path peer = dir.resolve("console-socket.py");
    try (var script = LxcRuntimeIT.class.getResourceAsStream("console-socket.py")) {
      Files.copy(script, peer);
    }
    Process process =
        new ProcessBuilder("python3", peer.toString(), socket.toString(), "")
            .redirectErrorStream(true)
            .start();
    assertThat(process.inputReader().readLine()).isEqualTo("listening");
    return process;
  }

  @Test
  void umask_isTheOneAskedFor() throws Exception {
    Path bundle =
        new TestBundles.Spec()
            .user(0, 0, 077)
            .args("/bin/sh", "-c", "exit $(( $(umask) ))")
            .write(dir.resolve("bundle"));
    assertThat(runToExit("umask", bundle)).isEqualTo(077);
  }

  @Test
  void deviceNodes_areCreated_andPtmxIsTheSymlink_asRuncMakesThem() throws Exception {
    Path bundle =
        new TestBundles.Spec()
            .mount(
                "/dev/pts",
                "devpts",
                "devpts",
                "nosuid",
                "noexec",
                "newinstance",
                "ptmxmode=0666",
                "mode=0620")
            .linux(
                "\"devices\":[{\"type\":\"c\",\"path\":\"/dev/fuse9\",\"major\":10,\"minor\":229,"
                    + "\"fileMode\":416,\"uid\":1,\"gid\":2},"
                    + "{\"type\":\"p\",\"path\":\"/dev/sub/fifo\"}]")
            .args(
                "/bin/sh",
                "-c",
                "[ \"$(readlink /dev/ptmx)\" = pts/ptmx ] || exit 11;"
                    + " [ -c /dev/fuse9 ] || exit 12;"
                    + " [ \"$(stat -c %a:%u:%g:%t:%T /dev/fuse9)\" = 640:1:2:a:e5 ] || exit 13;"
                    + " [ -p /dev/sub/fifo ] || exit 14;"
                    + " [ \"$(stat -c %a /dev/sub/fifo)\" = 666 ] || exit 15; exit 7")
            .write(dir.resolve("bundle"));
    assertThat(runToExit("devices", bundle)).isEqualTo(7);
  }

  /** The optional fields of the root's line in mountinfo: "-" when private, "shared:N" shared. */
  private static final String ROOT_PROPAGATION =
      "p=$(while read a b c d e f g rest; do [ \"$e\" = / ] && echo \"$g\"; done"
          + " < /proc/self/mountinfo); ";

  @Test
  void rootfsPropagation_private_leavesTheRootPrivate() throws Exception {
    Path bundle =
        new TestBundles.Spec()
            .linux("\"rootfsPropagation\":\"rprivate\"")
            .args("/bin/sh", "-c", ROOT_PROPAGATION + "[ \"$p\" = - ] && exit 7; exit 3")
            .write(dir.resolve("bundle"));
    assertThat(runToExit("private", bundle)).isEqualTo(7);
  }

  @Test
  void rootfsPropagation_shared_makesTheRootShared() throws Exception {
    Path bundle =
        new TestBundles.Spec()
            .linux("\"rootfsPropagation\":\"rshared\"")
            .args(
                "/bin/sh",
                "-c",
                ROOT_PROPAGATION + "case \"$p\" in shared:*) exit 7;; esac; exit 3")
            .write(dir.resolve("bundle"));
    assertThat(runToExit("shared", bundle)).isEqualTo(7);
  }

  @Test
  void ambientCapabilities_ofANonRootProcess_areRaised() throws Exception {
    Path bundle =
        new TestBundles.Spec()
            .user(1000, 1000)
            .ambient("CAP_KILL", "CAP_NET_BIND_SERVICE")
            .args(
                "/bin/sh",
                "-c",
                "[ \"$(id -u):$(id -g)\" = 1000:1000 ] || exit 11;"
                    + " grep -q '^CapAmb:.*0000000000000420$' /proc/self/status || exit 12;"
                    + " grep -q '^CapEff:.*0000000000000420$' /proc/self/status || exit 13;"
                    + " grep -q '^CapBnd:.*0000000000000420$' /proc/self/status || exit 14; exit 7")
            .write(dir.resolve("bundle"));
    assertThat(runToExit("ambient", bundle)).isEqualTo(7);
  }
}
