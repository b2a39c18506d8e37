package io.pvekit.oci.internal.unpack;

import com.github.luben.zstd.ZstdInputStream;
import io.pvekit.oci.ImageUnpacker;
import io.pvekit.oci.OciDescriptor;
import io.pvekit.oci.OciImage;
import io.pvekit.oci.OciImageException;
import io.pvekit.oci.UnpackResult;
import io.pvekit.oci.internal.fs.Host;
import io.pvekit.oci.internal.fs.RootedFs;
import io.pvekit.oci.internal.fs.Trees;
import io.pvekit.oci.internal.fs.UnsafePathException;
import io.pvekit.oci.internal.image.VerifiedBlob;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Unpacks an image's layers into a new root directory, removing it again on any failure. */
public final class Unpacker {
  private Unpacker() {}

  public static UnpackResult unpack(OciImage image, Path rootfs, ImageUnpacker options)
      throws IOException {
    boolean created = Trees.prepareEmpty(rootfs, "unpack into a new directory");
    try {
      // setuid binaries and device nodes appear while the layers are applied: nobody else may
      // reach them until the image's own mode for its root is set at the end
      Native.chmod(rootfs.toString(), 0700);
      RootedFs fs = new RootedFs(rootfs);
      fs.startEmpty();
      boolean root = Host.isRoot();
      int fileMode = defaultFileMode(rootfs);
      int umask = 0666 & ~fileMode;
      int directoryMode = 0777 & ~(umask | (umask & 0444) >> 2);
      LayerApplier applier =
          new LayerApplier(
              fs,
              new UnpackSettings(
                  new IdShift(options.uidMappings(), "uid"),
                  new IdShift(options.gidMappings(), "gid"),
                  options.deviceNodes(),
                  options.preserveOwnership(),
                  options.preserveXattrs(),
                  root,
                  fileMode,
                  options.maxUnpackedBytes().orElse(Long.MAX_VALUE)));
      long ratio = options.maxExpansionRatio().orElse(0);
      List<OciDescriptor> layers = image.layers();
      for (int i = 0; i < layers.size(); i++) {
        OciDescriptor layer = layers.get(i);
        String diffId = image.config().rootfs().diffIds().get(i);
        try {
          applyLayer(image.layout(), layer, diffId, applier, ratio);
        } catch (OciImageException e) {
          throw new OciImageException(
              "layer " + (i + 1) + " (" + layer.digest() + "): " + e.getMessage(), e);
        } catch (UnsafePathException | UnpackException e) {
          throw new OciImageException(
              "layer " + (i + 1) + " (" + layer.digest() + ") is unsafe: " + e.getMessage(), e);
        } catch (IOException e) {
          throw new OciImageException(
              "layer " + (i + 1) + " (" + layer.digest() + "): " + e.getMessage(), e);
        }
      }
      applier.finishDirectories(directoryMode);
      return UnpackResult.builder()
          .rootfs(rootfs)
          .layers(layers.size())
          .entries(applier.entries())
          .bytes(applier.bytes())
          .addAllSkippedDeviceNodes(applier.skipped())
          .build();
    } catch (IOException | RuntimeException | Error e) {
      // Error too: an OutOfMemoryError must not leave a half-written tree behind
      Trees.undo(rootfs, created);
      if (e instanceof OciImageException) {
        throw (OciImageException) e;
      }
      if (e instanceof IOException) {
        throw new OciImageException("unpacking into " + rootfs + " failed: " + e.getMessage(), e);
      }
      throw e;
    }
  }

  private static void applyLayer(
      Path layout, OciDescriptor layer, String diffId, LayerApplier applier, long ratio)
      throws IOException {
    // The diff id is known only once the whole layer is read, so a layer whose content does not
    // match it has been written by then; the byte and expansion limits bound what that costs.
    try (VerifiedBlob blob = VerifiedBlob.open(layout, layer)) {
      ExpansionLimit.Counted compressed =
          new ExpansionLimit.Counted(new BufferedInputStream(blob, 1 << 16));
      InputStream tar = decompress(compressed, layer.mediaType());
      if (ratio > 0 && tar != compressed) {
        tar = new ExpansionLimit(tar, compressed, ratio, layer.digest());
      }
      MessageDigest sha256 = sha256();
      // the reading thread inflates and checks the blob digest; this thread hashes the diff id
      // while it parses, which splits the work about evenly between two cores
      try (Prefetcher ahead = new Prefetcher(tar, layer.digest().substring(7, 19))) {
        DigestInputStream diff = new DigestInputStream(ahead, sha256);
        try {
          applier.apply(diff);
          // the diff id covers the whole uncompressed stream, padding included
          byte[] rest = new byte[1 << 16];
          while (diff.read(rest) >= 0) {
            // draining
          }
          ahead.drain();
        } catch (IOException e) {
          ahead.stop();
          // a tampered blob usually shows first as a broken stream: say what is really wrong
          blob.finish();
          throw e;
        }
      }
      blob.finish();
      String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
      if (!actual.equals(diffId)) {
        throw new OciImageException(
            "uncompressed content is " + actual + ", the image config's diff_id says " + diffId);
      }
    }
  }

  static InputStream decompress(InputStream in, String mediaType) throws IOException {
    String kind;
    if (mediaType.endsWith("+gzip") || mediaType.endsWith(".tar.gzip")) {
      kind = "gzip";
    } else if (mediaType.endsWith("+zstd")) {
      kind = "zstd";
    } else if (mediaType.endsWith(".tar") || mediaType.endsWith("layer.v1.tar")) {
      kind = "tar";
    } else {
      in.mark(4);
      byte[] magic = in.readNBytes(4);
      in.reset();
      kind =
          magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b
              ? "gzip"
              : magic.length == 4
                      && (magic[0] & 0xff) == 0x28
                      && (magic[1] & 0xff) == 0xb5
                      && (magic[2] & 0xff) == 0x2f
                      && (magic[3] & 0xff) == 0xfd
                  ? "zstd"
                  : "tar";
    }
    switch (kind) {
      case "gzip":
        return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      case "zstd":
        return new BufferedInputStream(new ZstdInputStream(in), 1 << 16);
      default:
        return in;
    }
  }

  /** 0666 less this process's umask, probed with a file created and removed in the target. */
  private static int defaultFileMode(Path rootfs) throws IOException {
    Path probe = rootfs.resolve(".pvekit-umask-probe");
    Files.createFile(probe);
    try {
      return (Integer) Files.getAttribute(probe, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    } finally {
      Files.delete(probe);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
