package io.pvekit.oci;

import io.pvekit.oci.internal.fs.Host;
import io.pvekit.oci.internal.unpack.Unpacker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Unpacks an {@link OciImage}'s layers into a root file system, securely: every blob is verified
 * (digest and size, and each layer's uncompressed diff id), every path is resolved inside the
 * target without following symlinks out of it, and a hostile or broken layer fails with an {@link
 * OciImageException} after everything unpacked has been removed.
 *
 * <pre>{@code
 * OciImage image = OciImageLayout.open(layoutDir).image("latest", "linux/amd64");
 * UnpackResult result = ImageUnpacker.builder().build().unpack(image, Path.of("/srv/rootfs"));
 * }</pre>
 *
 * <p>Layers may be plain tar, tar+gzip or tar+zstd. With id mappings (unprivileged containers),
 * ownership is shifted to the host ids. Sparse files keep their holes. The root directory stays
 * mode 0700 while layers are applied. Optional limits stop size bombs: {@link #maxUnpackedBytes()}
 * and {@link #maxExpansionRatio()}. Thread-safe; each call works on its own directory.
 */
@Value.Immutable
public abstract class ImageUnpacker {
  /** What to do with character and block device nodes in layers. */
  public enum DeviceNodes {
    /** Create them (needs CAP_MKNOD, so root outside a user namespace). */
    CREATE,
    /** Leave them out and list them in {@link UnpackResult#skippedDeviceNodes()}. */
    SKIP,
    /** Fail the unpack. */
    REFUSE
  }

  /** Container-to-host uid mappings; empty keeps the ids as in the layers. */
  public abstract List<OciIdMapping> uidMappings();

  /** Container-to-host gid mappings; empty keeps the ids as in the layers. */
  public abstract List<OciIdMapping> gidMappings();

  /** Device node policy; {@link DeviceNodes#CREATE} when running as root, else SKIP. */
  @Value.Default
  public DeviceNodes deviceNodes() {
    return isRoot() ? DeviceNodes.CREATE : DeviceNodes.SKIP;
  }

  /** Whether to set the owners from the layers (needs root); default: when running as root. */
  @Value.Default
  public boolean preserveOwnership() {
    return isRoot();
  }

  /** Whether to set extended attributes from the layers (security.* needs root). */
  @Value.Default
  public boolean preserveXattrs() {
    return isRoot();
  }

  /**
   * Unpacks the image into {@code rootfs}, which must not exist or be empty.
   *
   * @param image the image
   * @param rootfs the target directory
   * @return counts of what was unpacked
   * @throws OciImageException when a blob is invalid or a layer hostile; {@code rootfs} is removed
   * @throws IOException when the disk fails
   */
  public UnpackResult unpack(OciImage image, Path rootfs) throws IOException {
    return Unpacker.unpack(image, rootfs, this);
  }

  /**
   * The most bytes of file content the whole unpack may write; unset, no limit. Holes of sparse
   * files are kept as holes and do not count. Exceeding it fails the unpack (and removes what was
   * written) with an {@link OciImageException} naming this option.
   */
  public abstract OptionalLong maxUnpackedBytes();

  /**
   * The most a compressed layer may expand (uncompressed tar bytes per compressed byte, checked
   * once a layer has produced 1 MiB); unset, no limit. Honest layers expand 2 to 10 times, a
   * decompression bomb thousands of times. Exceeding it fails the unpack with an {@link
   * OciImageException} naming this option.
   */
  public abstract OptionalLong maxExpansionRatio();

  @Value.Check
  void check() {
    if (maxUnpackedBytes().isPresent() && maxUnpackedBytes().getAsLong() <= 0) {
      throw new IllegalArgumentException(
          "maxUnpackedBytes " + maxUnpackedBytes().getAsLong() + ": must be positive");
    }
    if (maxExpansionRatio().isPresent() && maxExpansionRatio().getAsLong() < 1) {
      throw new IllegalArgumentException(
          "maxExpansionRatio " + maxExpansionRatio().getAsLong() + ": must be at least 1");
    }
  }

  private static boolean isRoot() {
    return Host.isRoot();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ImageUnpacker}. */
  public static final class Builder extends ImmutableImageUnpacker.Builder {}
}
