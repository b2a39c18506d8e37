package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pvekit lxc run --image}: a real OCI image layout (a static busybox) run as an LXC
 * container by the real entry point in its own JVM; the container's output and status are the
 * command's.
 */
@Requires({Prerequisite.ROOT, Prerequisite.LIBLXC, Prerequisite.BUSYBOX_STATIC})
class LxcRunCommandIT {
  @TempDir Path dir;

  @Test
  void anImage_runsAsAnLxcContainer_withItsOutputAndStatus() throws Exception {
    Path layout =
        BusyboxLayout.write(dir, "echo hello from lxc pid $$; echo to-stderr >&2; exit 3");
    Path root = dir.resolve("state");
    PvekitProcess.Result run =
        pvekit("lxc", "run", "--image", layout + ":demo", "--root", root.toString());
    assertThat(run.stdout())
        .as("status %d, stderr: %s", run.status(), run.stderr())
        .isEqualTo("hello from lxc pid 1\n");
    assertThat(run.stderr()).isEqualTo("to-stderr\n");
    assertThat(run.status()).isEqualTo(3);
    try (Stream<Path> left = Files.list(root)) {
      assertThat(left).as("container state left behind").isEmpty();
    }
  }

  @Test
  void aMissingImage_isOneClearLine_andStatus125() throws Exception {
    PvekitProcess.Result run = pvekit("lxc", "run", "--image", dir.resolve("none") + ":x");
    assertThat(run.status()).isEqualTo(125);
    assertThat(run.stderr()).startsWith("pvekit lxc run: ").doesNotContain("\tat ");
    assertThat(run.stderr().lines()).hasSize(1);
  }

  private PvekitProcess.Result pvekit(String... args) throws Exception {
    return PvekitProcess.run(dir, args);
  }
}
