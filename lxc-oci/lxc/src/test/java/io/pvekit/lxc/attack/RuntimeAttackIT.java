package io.pvekit.lxc.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.lxc.ExecProcess;
import io.pvekit.lxc.ExecSpec;
import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.lxc.RealRuntime;
import io.pvekit.lxc.TestBundles;
import io.pvekit.lxc.UnsupportedOciFeatureException;
import io.pvekit.oci.OciSpecException;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile bundles against the real runtime (liblxc, real containers): each attack is refused with a
 * message that names the field, and nothing outside the container changes (canary files, host
 * directories, host sysctls). The runtime runs with the init helper, as proxmox-lxcri does.
 */
@Requires({
  Prerequisite.ROOT,
  Prerequisite.LIBLXC,
  Prerequisite.LXC_TOOLS,
  Prerequisite.BUSYBOX_STATIC
})
class RuntimeAttackIT {
  @RegisterExtension static final RealRuntime REAL = RealRuntime.withInitHelper("atk");
  @TempDir Path dir;

  /** A file name no container may create anywhere on the host. */
  private static Path canary() {
    return Path.of("/tmp", "pvekit-escape-" + UUID.randomUUID());
  }

  /** Climbs from any host directory to / and writes the canary there. */
  private static String escapeScript(Path canary) {
    return "touch ../../../../../../../../../../.." + canary + "; echo done";
  }

  @ParameterizedTest
  @ValueSource(strings = {"/proc/self/fd/7", "/proc/self/fd/4", "/proc/1/cwd", "/dev/fd/7"})
  void cwdLeadingToAHostDirectory_isRefused_andTheHostIsUntouched(String cwd) throws Exception {
    Path canary = canary();
    Path bundle =
        new TestBundles.Spec()
            .args("/bin/sh", "-c", escapeScript(canary))
            .cwd(cwd)
            .write(dir.resolve("b"));
    String id = REAL.id("cwd");
    assertThatThrownBy(() -> REAL.runtime().create(id, bundle))
        .isInstanceOf(UnsupportedOciFeatureException.class)
        .hasMessageContaining("$.process.cwd");
    assertThat(canary).doesNotExist();
    assertThat(REAL.runtime().list()).isEmpty();
  }

  @Test
  void cwdThroughASymlinkOfTheImage_isRefused() throws Exception {
    Path canary = canary();
    Path bundle =
        new TestBundles.Spec()
            .args("/bin/sh", "-c", escapeScript(canary))
            .cwd("/app")
            .write(dir.resolve("b"));
    Files.createSymbolicLink(bundle.resolve("rootfs/app"), Path.of("/proc/self/fd/7"));
    assertThatThrownBy(() -> REAL.runtime().create(REAL.id("cwdlink"), bundle))
        .isInstanceOf(UnsupportedOciFeatureException.class)
        .hasMessageContaining("$.process.cwd")
        .hasMessageContaining("inside /proc");
    assertThat(canary).doesNotExist();
  }

  @Test
  void missingCwd_isCreatedInTheRootfs_andTheHelperSeesTheProcessStartThere() throws Exception {
    Path out = writableDir("out");
    Path bundle =
        new TestBundles.Spec()
            .args("/bin/sh", "-c", "pwd > /out/cwd; ls -l /proc/self/fd | wc -l >> /out/cwd")
            .cwd("/srv/work")
            .mount("/out", "bind", out.toString(), "rbind", "rw")
            .write(dir.resolve("b"));
    assertThat(run(REAL.id("mkcwd"), bundle)).isZero();
    // the working directory, and only stdio plus the listing's own descriptor (and its total line)
    assertThat(Files.readAllLines(out.resolve("cwd"))).containsExactly("/srv/work", "5");
    assertThat(bundle.resolve("rootfs/srv/work")).isDirectory();
  }

  @Test
  void etcSymlinkToAHostDirectory_withTheHostsBindEveryRuntimeAdds_createsNothingOnTheHost()
      throws Exception {
    Path hostDir = Files.createDirectories(dir.resolve("host-etc"));
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 pvekit-test\n");
    Path out = writableDir("out");
    Path bundle =
        new TestBundles.Spec()
            .args("/bin/sh", "-c", "cat /etc/hosts > /out/hosts")
            .mount("/etc/hosts", "bind", hosts.toString(), "rbind", "ro")
            .mount("/out", "bind", out.toString(), "rbind", "rw")
            .write(dir.resolve("b"));
    Path etc = bundle.resolve("rootfs/etc");
    try (var files = Files.list(etc)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(etc);
    Files.createSymbolicLink(etc, hostDir);
    assertThat(run(REAL.id("etclink"), bundle)).isZero();
    assertThat(out.resolve("hosts")).hasContent("127.0.0.1 pvekit-test");
    assertThat(hostDir).isEmptyDirectory();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4294967295", "-1", "1099511627776"})
  void outOfRangeUid_isRefused_insteadOfRunningAsRoot(String uid) throws Exception {
    Path bundle = new TestBundles.Spec().write(dir.resolve("b"));
    Path config = bundle.resolve("config.json");
    Files.writeString(
        config,
        Files.readString(config).replace("\"uid\":0,\"gid\":0", "\"uid\":" + uid + ",\"gid\":0"));
    assertThatThrownBy(() -> REAL.runtime().create(REAL.id("uid"), bundle))
        .isInstanceOf(OciSpecException.class)
        .hasMessageContaining("$.process.user.uid")
        .hasMessageContaining("run the process as root");
    assertThat(REAL.runtime().list()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"kernel.printk", "kernel.core_pattern", "kernel/printk_ratelimit"})
  void hostSysctl_isRefused_andTheHostValueStays(String name) throws Exception {
    Path file = Path.of("/proc/sys", name.replace('.', '/'));
    String before = Files.readString(file);
    Path bundle =
        new TestBundles.Spec()
            .linux("\"sysctl\":{" + TestBundles.q(name) + ":\"|/tmp/pvekit-pwned %p\"}")
            .write(dir.resolve("b"));
    assertThatThrownBy(() -> REAL.runtime().create(REAL.id("sysctl"), bundle))
        .isInstanceOf(UnsupportedOciFeatureException.class)
        .hasMessageContaining("$.linux.sysctl['" + name + "']");
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void mountsOntoProc_areRefused() throws Exception {
    Path hostDir = Files.createDirectories(dir.resolve("fake-proc"));
    Path tmpfs =
        new TestBundles.Spec().mount("/proc", "tmpfs", "tmpfs").write(dir.resolve("tmpfs"));
    assertThatThrownBy(() -> REAL.runtime().create(REAL.id("proc1"), tmpfs))
        .hasMessageContaining("/proc can only be mounted as procfs");
    Path bind =
        new TestBundles.Spec()
            .mount("/proc/sys", "bind", hostDir.toString(), "rbind")
            .write(dir.resolve("bind"));
    assertThatThrownBy(() -> REAL.runtime().create(REAL.id("proc2"), bind))
        .hasMessageContaining("inside /proc");
    assertThat(REAL.runtime().list()).isEmpty();
  }

  @Test
  void execWorkingDirectory_isCheckedInTheRunningContainer() throws Exception {
    Path bundle = new TestBundles.Spec().args("/bin/sleep", "600").write(dir.resolve("b"));
    Files.createSymbolicLink(bundle.resolve("rootfs/lnk"), Path.of("/proc/self/fd"));
    String id = REAL.id("exec");
    REAL.runtime().create(id, bundle);
    REAL.runtime().start(id);
    Path canary = canary();
    for (String cwd : new String[] {"/proc/self/fd/3", "/lnk/3", "/missing", "tmp"}) {
      assertThatThrownBy(
              () ->
                  REAL.runtime()
                      .exec(
                          id,
                          ExecSpec.builder()
                              .addArgs("/bin/sh", "-c", escapeScript(canary))
                              .addEnv("PATH=/bin")
                              .cwd(cwd)
                              .build()))
          .as(cwd)
          .isInstanceOf(LxcRuntimeException.class)
          .hasMessageContaining("working directory");
    }
    assertThat(canary).doesNotExist();
    ExecProcess ok =
        REAL.runtime()
            .exec(
                id,
                ExecSpec.builder()
                    .addArgs("/bin/sh", "-c", "pwd > /tmp/exec-cwd")
                    .addEnv("PATH=/bin")
                    .cwd("/tmp")
                    .build());
    assertThat(ok.waitFor()).isZero();
    assertThat(bundle.resolve("rootfs/tmp/exec-cwd")).hasContent("/tmp");
  }

  @Test
  void deleted_leavesNoLxcLockFile() throws Exception {
    Path bundle = new TestBundles.Spec().write(dir.resolve("b"));
    String id = REAL.id("lock");
    REAL.runtime().create(id, bundle);
    Path lock =
        Path.of(
            "/run/lxc/lock", REAL.stateRoot().toAbsolutePath().toString().substring(1), "." + id);
    assertThat(lock).exists();
    REAL.runtime().delete(id, true);
    assertThat(lock).doesNotExist();
  }

  private Path writableDir(String name) throws Exception {
    Path out = Files.createDirectories(dir.resolve(name));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
    return out;
  }

  private static int run(String id, Path bundle) throws Exception {
    REAL.runtime().create(id, bundle);
    REAL.runtime().start(id);
    int status = REAL.runtime().awaitExit(id, RealRuntime.WAIT).orElseThrow();
    REAL.runtime().delete(id, true);
    return status;
  }
}
