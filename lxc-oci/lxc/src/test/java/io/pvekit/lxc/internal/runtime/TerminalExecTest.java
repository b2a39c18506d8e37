package io.pvekit.lxc.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.lxc.ExecSpec;
import io.pvekit.lxc.LxcRuntimeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lxc-attach command line of an exec with a terminal. */
class TerminalExecTest {
  private static final Path ATTACH = Path.of("/usr/bin/lxc-attach");
  private final ContainerDir dir = new ContainerDir(Path.of("/run/lxcri"), ContainerId.of("web"));
  private final ContainerRecord record = new ContainerRecord();

  TerminalExecTest() {
    record.initPid = ProcessHandle.current().pid(); // its root has a /bin/sh
  }

  private static ExecSpec.Builder spec() {
    return ExecSpec.builder().addArgs("/bin/bash", "-l").addEnv("PATH=/bin", "TERM=xterm");
  }

  @Test
  void ownPtySession_envUserAndArgs() {
    assertThat(TerminalExec.command(dir, record, spec().uid(1000).gid(100).build(), ATTACH, true))
        .containsExactly(
            "setsid",
            "--ctty",
            "/usr/bin/lxc-attach",
            "-n",
            "web",
            "-P",
            "/run/lxcri",
            "--clear-env",
            "-v",
            "PATH=/bin",
            "-v",
            "TERM=xterm",
            "-u",
            "1000",
            "-g",
            "100",
            "--",
            "/bin/bash",
            "-l");
  }

  @Test
  void callersTerminal_staysInTheCallersSession() {
    assertThat(TerminalExec.command(dir, record, spec().build(), ATTACH, false))
        .startsWith("/usr/bin/lxc-attach")
        .doesNotContain("setsid");
  }

  @Test
  void cwd_throughAShell() {
    List<String> command =
        TerminalExec.command(dir, record, spec().cwd("/srv/app").build(), ATTACH, true);
    assertThat(command.subList(command.indexOf("--") + 1, command.size()))
        .containsExactly(
            "/bin/sh",
            "-c",
            "cd -- \"$1\" || exit 126; shift; exec \"$@\"",
            "sh",
            "/srv/app",
            "/bin/bash",
            "-l");
    assertThat(TerminalExec.command(dir, record, spec().cwd("/").build(), ATTACH, true))
        .doesNotContain("/bin/sh");
  }

  @Test
  void cwd_withoutAShellInTheContainer_isRefused() {
    record.initPid = Long.MAX_VALUE; // no such process: no /proc/PID/root/bin/sh
    assertThatThrownBy(
            () -> TerminalExec.command(dir, record, spec().cwd("/srv").build(), ATTACH, true))
        .isInstanceOf(LxcRuntimeException.class)
        .hasMessageContaining("process.cwd /srv needs /bin/sh in container web");
  }

  @Test
  void supplementaryGroups_onlyTheGidItself() {
    assertThat(
            TerminalExec.command(
                dir, record, spec().gid(100).addAdditionalGids(100).build(), ATTACH, true))
        .contains("-g", "100");
    assertThat(TerminalExec.command(dir, record, spec().addAdditionalGids(0).build(), ATTACH, true))
        .contains("--");
    assertThatThrownBy(
            () ->
                TerminalExec.command(
                    dir, record, spec().gid(100).addAdditionalGids(100, 10).build(), ATTACH, true))
        .isInstanceOf(LxcRuntimeException.class)
        .hasMessageContaining("process.user.additionalGids [100, 10]");
  }
}
