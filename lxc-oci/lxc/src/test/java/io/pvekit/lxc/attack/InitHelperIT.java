package io.pvekit.lxc.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.oci.TestRootfs;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The init helper's own check, in the state CVE-2024-21626 leaves a process in: its root is the
 * container's, its working directory a directory outside it. A chroot(2) without the chdir that
 * chroot(8) adds recreates that state without LXC (perl is part of every Debian system).
 */
@Requires({Prerequisite.ROOT, Prerequisite.BUSYBOX_STATIC})
class InitHelperIT {
  private static final Path HELPER = Path.of("target/proxmox-lxcri-init").toAbsolutePath();

  @TempDir Path dir;
  Path rootfs;

  @BeforeEach
  void rootfs() throws Exception {
    assertThat(HELPER).as("built by ./mvnw package with gcc and libc6-dev").isExecutable();
    rootfs = TestRootfs.create(dir.resolve("rootfs"));
    Files.copy(HELPER, rootfs.resolve("init"));
  }

  private Result chroot(Path cwd, String... helperArgs) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "perl",
                "-e",
                "chroot(shift) or die \"chroot: $!\"; exec {$ARGV[0]} @ARGV or die \"exec: $!\"",
                rootfs.toString(),
                "/init"));
    command.addAll(List.of(helperArgs));
    Process p =
        new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output);
  }

  private record Result(int status, String output) {}

  @Test
  void workingDirectoryOutsideTheRoot_isRefusedBeforeTheProcessRuns() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("host-dir"));
    Result r = chroot(outside, "-c", "/", "--", "/bin/sh", "-c", "echo RAN");
    assertThat(r.status()).isEqualTo(126);
    assertThat(r.output())
        .contains("refusing to start: the working directory is outside the container")
        .doesNotContain("RAN");
  }

  @Test
  void anotherDirectoryThanAskedFor_isRefused() throws Exception {
    Result r = chroot(rootfs.resolve("tmp"), "-c", "/etc", "--", "/bin/true");
    assertThat(r.status()).isEqualTo(126);
    assertThat(r.output()).contains("the working directory is /tmp, not /etc");
  }

  @Test
  void theRightDirectory_execsTheProcess() throws Exception {
    Result r = chroot(rootfs.resolve("tmp"), "-c", "/tmp", "--", "/bin/sh", "-c", "pwd; echo ok");
    assertThat(r.status()).isZero();
    assertThat(r.output()).isEqualTo("/tmp\nok\n");
  }

  @Test
  void changeFirst_intoAMissingDirectory_failsInsteadOfRunningInRoot() throws Exception {
    Result r = chroot(rootfs, "-C", "-c", "/missing", "--", "/bin/true");
    assertThat(r.status()).isEqualTo(126);
    assertThat(r.output()).contains("cannot change into the working directory /missing");
    Result ok = chroot(dir, "-C", "-c", "/etc", "--", "/bin/pwd");
    assertThat(ok.status()).isZero();
    assertThat(ok.output()).isEqualTo("/etc\n");
  }
}
