package io.pvekit.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A bundle directory with a static busybox rootfs, for tests that run real containers. */
public final class BusyboxBundle {
  static final String[] APPLETS = {
    "sh",
    "cat",
    "echo",
    "env",
    "grep",
    "id",
    "ls",
    "pwd",
    "touch",
    "hostname",
    "sleep",
    "true",
    "mkdir",
    "wc",
    "head",
    "tr",
    "umask",
    "ps",
    "stat"
  };

  private BusyboxBundle() {}

  public static Path create(Path bundle) throws IOException {
    Path rootfs = bundle.resolve("rootfs");
    for (String dir : new String[] {"bin", "proc", "sys", "dev", "tmp", "etc", "work"}) {
      Files.createDirectories(rootfs.resolve(dir));
    }
    Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
    for (String applet : APPLETS) {
      Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
    }
    Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    return rootfs;
  }
}
