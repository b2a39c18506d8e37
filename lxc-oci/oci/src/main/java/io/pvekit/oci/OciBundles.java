package io.pvekit.oci;

import io.pvekit.oci.internal.bundle.SpecGenerator;
import io.pvekit.oci.internal.fs.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes OCI runtime bundles ({@code config.json} + {@code rootfs/}) from images, as {@code umoci
 * unpack} does: the rootfs unpacked by an {@link ImageUnpacker}, the spec from the image config
 * (Entrypoint + Cmd, Env, WorkingDir, User resolved in the image's own passwd and group files,
 * Volumes, Labels as annotations) on top of the usual runtime defaults.
 *
 * <pre>{@code
 * OciImage image = OciImageLayout.open(layout).image("latest", "linux/amd64");
 * OciSpec spec = OciBundles.create(image, Path.of("/run/bundles/web"), ImageUnpacker.builder().build());
 * }</pre>
 *
 * <p>Differences from umoci, on purpose: no inheritable or ambient capabilities (CVE-2022-24769),
 * {@code ociVersion} {@value io.pvekit.oci.internal.bundle.SpecGenerator#OCI_VERSION}, and the host
 * name given here.
 */
public final class OciBundles {
  /** The host name bundles get unless told otherwise. */
  public static final String DEFAULT_HOSTNAME = "pvekit";

  private OciBundles() {}

  /**
   * Creates a bundle: unpacks the image into {@code bundle/rootfs} and writes {@code
   * bundle/config.json}. The bundle directory is made mode 0700 first (as umoci does), so no other
   * host user reaches the rootfs's setuid binaries or device nodes; an existing directory owned by
   * another user is refused. On failure the bundle directory is removed (or emptied, if it
   * existed), whatever the failure (an {@link Error} too).
   *
   * @param image the image
   * @param bundle the bundle directory; must not exist or be empty
   * @param unpacker how to unpack (id mappings, device nodes)
   * @return the spec written to {@code config.json}
   * @throws OciImageException when the image is invalid or hostile
   * @throws IOException when the disk fails
   */
  public static OciSpec create(OciImage image, Path bundle, ImageUnpacker unpacker)
      throws IOException {
    boolean created = Trees.prepareEmpty(bundle, "make the bundle in a new directory");
    try {
      privateDirectory(bundle);
      Path rootfs = bundle.resolve("rootfs");
      unpacker.unpack(image, rootfs);
      OciSpec spec = runtimeSpec(image, rootfs, DEFAULT_HOSTNAME);
      spec.write(bundle.resolve("config.json"));
      return spec;
    } catch (IOException | RuntimeException | Error e) {
      // Error too: an OutOfMemoryError must not leave a half-written bundle behind
      Trees.undo(bundle, created);
      throw e;
    }
  }

  /**
   * Makes the bundle directory 0700, as umoci does: the rootfs holds setuid binaries and device
   * nodes, which no other host user may reach. A directory someone else owns is refused, as its
   * owner could open it again.
   */
  private static void privateDirectory(Path bundle) throws IOException {
    int owner = (Integer) Files.getAttribute(bundle, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    long self = effectiveUid();
    if (owner != self) {
      throw new OciImageException(
          bundle
              + " is owned by uid "
              + owner
              + ", not by this process (uid "
              + self
              + "), who could open the bundle to every user; make it in a directory of your own");
    }
    Files.setPosixFilePermissions(bundle, PosixFilePermissions.fromString("rwx------"));
  }

  private static long effectiveUid() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("Uid:")) {
        return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
      }
    }
    throw new IOException("/proc/self/status has no Uid line");
  }

  /**
   * The runtime spec for an image whose rootfs is already unpacked.
   *
   * @param image the image
   * @param rootfs its unpacked root file system (for the passwd and group lookups)
   * @param hostname the container's host name
   * @return the spec, with {@code root.path} {@code rootfs}
   * @throws OciImageException when the image user cannot be resolved
   * @throws IOException when the rootfs cannot be read
   */
  public static OciSpec runtimeSpec(OciImage image, Path rootfs, String hostname)
      throws IOException {
    return SpecGenerator.generate(image, rootfs, hostname);
  }
}
