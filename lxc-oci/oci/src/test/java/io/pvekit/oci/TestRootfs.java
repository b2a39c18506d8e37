package io.pvekit.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A minimal root file system for real containers: the host's static busybox and its applets. */
public final class TestRootfs {
  private static final String[] APPLETS = {
    "sh",
    "echo",
    "true",
    "false",
    "cat",
    "sleep",
    "ps",
    "id",
    "ls",
    "kill",
    "env",
    "pwd",
    "hostname",
    "mount",
    "touch",
    "grep",
    "head",
    "tail",
    "wc",
    "dd",
    "readlink",
    "stat",
    "ip"
  };

  private TestRootfs() {}

  /**
   * Creates {@code dir} with /bin/busybox, applet symlinks, the usual mount points and an
   * /etc/passwd that knows uid 1000.
   *
   * @return {@code dir}
   */
  public static Path create(Path dir) throws IOException {
    for (String sub : new String[] {"bin", "proc", "sys", "dev", "tmp", "etc", "root", "mnt"}) {
      Files.createDirectories(dir.resolve(sub));
    }
    Files.setPosixFilePermissions(dir.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.copy(Path.of("/bin/busybox"), dir.resolve("bin/busybox"));
    for (String applet : APPLETS) {
      Files.createSymbolicLink(dir.resolve("bin").resolve(applet), Path.of("busybox"));
    }
    Files.writeString(
        dir.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/tmp:/bin/sh\n");
    Files.writeString(dir.resolve("etc/group"), "root:x:0:\nuser:x:1000:\n");
    return dir;
  }
}
