package io.pvekit.oci;

import java.nio.file.Path;
import java.util.List;
import org.immutables.value.Value;

/** What {@link ImageUnpacker#unpack(OciImage, Path)} produced. */
@Value.Immutable
public interface UnpackResult {
  /** The root file system directory. */
  Path rootfs();

  /** Layers applied. */
  int layers();

  /** Tar entries processed, whiteouts included. */
  long entries();

  /** Bytes of file content written (the holes of sparse files are not written). */
  long bytes();

  /** Device nodes left out ({@link ImageUnpacker.DeviceNodes#SKIP}). */
  List<String> skippedDeviceNodes();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link UnpackResult}. */
  final class Builder extends ImmutableUnpackResult.Builder {}
}
