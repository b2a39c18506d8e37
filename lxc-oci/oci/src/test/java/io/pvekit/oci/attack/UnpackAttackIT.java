package io.pvekit.oci.attack;

import static io.pvekit.oci.attack.AttackImages.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.oci.ImageUnpacker;
import io.pvekit.oci.OciBundles;
import io.pvekit.oci.OciImage;
import io.pvekit.oci.OciImageException;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jnr.ffi.LibraryLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attacks on the unpacker that only root can check: owners, other users, capabilities. */
@Requires(Prerequisite.ROOT)
class UnpackAttackIT {
  private static final int NOBODY = 65534;

  @TempDir Path jail;
  private Path target;
  private Map<String, String> before;

  /** The one libc call the test needs to read an xattr of any namespace. */
  public interface XattrLib {
    long lgetxattr(String path, String name, byte[] value, long size);
  }

  @BeforeEach
  void canaries() throws Exception {
    // reachable by every user, as a shared directory such as /srv would be
    Files.setAttribute(jail, "unix:mode", 0755);
    AttackImages.plantCanaries(jail);
    target = jail.resolve("target");
  }

  private OciImage image(String runtime, byte[]... tars) throws Exception {
    OciImage image = AttackImages.image(jail.resolve("layout"), runtime, tars);
    before = AttackImages.snapshot(jail, target);
    return image;
  }

  @Test
  void bundle_setuidBinary_isOutOfReachOfOtherUsers() throws Exception {
    byte[] tar =
        new RawTar()
            .dir("bin/")
            .entry(utf8("bin/rootshell"), '0', utf8("#!/bin/sh\n"), new byte[0], 04755)
            .bytes();
    OciBundles.create(image("{}", tar), target, ImageUnpacker.builder().build());
    assertThat(Files.getAttribute(target.resolve("rootfs/bin/rootshell"), "unix:mode"))
        .isEqualTo(0104755);
    // the same user reaches a file beside the bundle, so only the bundle's mode stops it
    assertThat(asNobody("test", "-r", jail.resolve("canary/innocent.txt").toString())).isZero();
    assertThat(asNobody("test", "-e", target.resolve("rootfs/bin/rootshell").toString()))
        .isNotZero();
    assertThat(asNobody("ls", target.toString())).isNotZero();
  }

  @Test
  void bundle_inAnotherUsersDirectory_isRefused() throws Exception {
    OciImage image = image("{}", new RawTar().file("a", "a").bytes());
    Path theirs = Files.createDirectory(jail.resolve("theirs"));
    Files.setAttribute(theirs, "unix:uid", NOBODY);
    before = AttackImages.snapshot(jail, target);
    assertThatThrownBy(() -> OciBundles.create(image, theirs, ImageUnpacker.builder().build()))
        .isInstanceOf(OciImageException.class)
        .hasMessageContaining("is owned by uid " + NOBODY);
    try (var left = Files.list(theirs)) {
      assertThat(left).isEmpty();
    }
    assertThat(AttackImages.snapshot(jail, target)).isEqualTo(before);
  }

  @Test
  void fileCapabilityWithHighBytes_isAppliedExactly() throws Exception {
    // VFS_CAP_REVISION_2, effective, permitted = CAP_SETUID (bit 7: the byte 0x80)
    byte[] capability = {
      0x01, 0x00, 0x00, 0x02, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    };
    byte[] tar =
        new RawTar()
            .pax('x', Map.of("SCHILY.xattr.security.capability", capability))
            .entry(utf8("ping"), '0', utf8("binary"), new byte[0], 0755)
            .bytes();
    UnpackAttackTest.unpack(ImageUnpacker.builder().build(), image("{}", tar), target);

    XattrLib libc = LibraryLoader.create(XattrLib.class).load("c");
    byte[] read = new byte[64];
    long n =
        libc.lgetxattr(target.resolve("ping").toString(), "security.capability", read, read.length);
    assertThat(n).isEqualTo(capability.length);
    assertThat(java.util.Arrays.copyOf(read, (int) n)).isEqualTo(capability);
    assertThat(AttackImages.snapshot(jail, target)).isEqualTo(before);
  }

  private static int asNobody(String... command) throws Exception {
    List<String> full =
        new java.util.ArrayList<>(
            List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    full.addAll(List.of(command));
    Process p = new ProcessBuilder(full).inheritIO().start();
    return p.waitFor();
  }
}
