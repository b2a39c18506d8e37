package io.pvekit.lxc.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's exit-status logic with a stand-in for lxc-start that writes what liblxc 5 logs
 * (see error.c, lxc_error_set_and_log). Only /bin/sh is needed.
 */
class SupervisorScriptTest {
  @TempDir Path dir;

  private int supervise(String fakeLxcStart) throws Exception {
    Path fake = dir.resolve("fake-lxc-start");
    Files.writeString(fake, fakeLxcStart);
    Path written = dir.resolve(ContainerDir.EXIT_STATUS);
    Files.deleteIfExists(written);
    Process p =
        new ProcessBuilder(
                "/bin/sh",
                "-c",
                Scripts.SUPERVISOR,
                "test",
                dir.toString(),
                "/bin/sh",
                fake.toString())
            .inheritIO()
            .start();
    int status = p.waitFor();
    // a caller that is not the supervisor's parent (a later proxmox-lxcri command) reads this
    assertThat(written).hasContent(status + "\n");
    return status;
  }

  private static String initRan(String logLine) {
    return "echo 4242 > \"$(dirname \"$0\")/init.pid\"\n"
        + "echo 'lxc-start c 20260101 INFO start - start.c:lxc_init - Container is initialized'"
        + " >> \"$(dirname \"$0\")/lxc.log\"\n"
        + (logLine.isEmpty() ? "" : "echo '" + logLine + "' >> \"$(dirname \"$0\")/lxc.log\"\n")
        + "exit 0\n";
  }

  @Test
  void exitStatus_fromTheInitsLogLine() throws Exception {
    assertThat(
            supervise(
                initRan(
                    "lxc-start c 20260101 INFO error - error.c:lxc_error_set_and_log:31 - Child"
                        + " <4242> ended on error (7)")))
        .isEqualTo(7);
  }

  @Test
  void signal_becomes128PlusItsNumber() throws Exception {
    assertThat(
            supervise(
                initRan(
                    "lxc-start c 20260101 INFO error - error.c:lxc_error_set_and_log:34 - Child"
                        + " <4242> ended on signal Killed(9)")))
        .isEqualTo(137);
  }

  @Test
  void anotherProcessesLine_isIgnored() throws Exception {
    assertThat(
            supervise(
                initRan(
                    "lxc-start c 20260101 INFO error - error.c:lxc_error_set_and_log:31 - Child"
                        + " <99> ended on error (5)")))
        .isZero();
  }

  @Test
  void cleanExit_isZero() throws Exception {
    assertThat(supervise(initRan(""))).isZero();
  }

  @Test
  void startFailedAfterTheInitExisted_keepsLxcStartsStatus() throws Exception {
    assertThat(
            supervise(
                "echo 4242 > \"$(dirname \"$0\")/init.pid\"\n: > \"$(dirname \"$0\")/lxc.log\"\nexit 1\n"))
        .isEqualTo(1);
  }

  @Test
  void neverStarted_isAFailure() throws Exception {
    assertThat(supervise("exit 1\n")).isEqualTo(1);
    assertThat(supervise("exit 0\n")).isEqualTo(255);
  }
}
