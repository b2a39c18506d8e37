package io.pvekit.oci.internal.image;

import io.pvekit.oci.OciDescriptor;
import io.pvekit.oci.OciImageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A blob stream that checks what it reads against its descriptor: never more bytes than the size,
 * and at the end exactly the size and the digest. Call {@link #finish()} after the consumer is done
 * to drain the rest and verify.
 */
public final class VerifiedBlob extends FilterInputStream {
  private final OciDescriptor descriptor;
  private final MessageDigest digest;
  private final String expectedHex;
  private long count;
  private boolean verified;

  private VerifiedBlob(InputStream in, OciDescriptor descriptor, MessageDigest digest, String hex) {
    super(in);
    this.descriptor = descriptor;
    this.digest = digest;
    this.expectedHex = hex;
  }

  /** The file of a blob in a layout, after checking the digest's form (it becomes a path). */
  public static Path path(Path layout, String digest) throws OciImageException {
    int colon = digest.indexOf(':');
    String algorithm = colon < 0 ? "" : digest.substring(0, colon);
    String hex = colon < 0 ? "" : digest.substring(colon + 1);
    boolean valid =
        algorithm.equals("sha256") && hex.matches("[a-f0-9]{64}")
            || algorithm.equals("sha512") && hex.matches("[a-f0-9]{128}");
    if (!valid) {
      throw new OciImageException(
          "digest \"" + digest + "\": expected sha256:<64 hex> or sha512:<128 hex>");
    }
    return layout.resolve("blobs").resolve(algorithm).resolve(hex);
  }

  public static VerifiedBlob open(Path layout, OciDescriptor descriptor) throws IOException {
    Path file = path(layout, descriptor.digest());
    if (descriptor.size() < 0) {
      throw new OciImageException(
          "blob " + descriptor.digest() + ": negative size " + descriptor.size());
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new OciImageException(
          "blob "
              + descriptor.digest()
              + " is not a regular file ("
              + file
              + " is a "
              + kind(file)
              + "); a layout holds blobs as plain files");
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new OciImageException(
          "blob " + descriptor.digest() + " is missing from the layout (" + file + ")",
          new NoSuchFileException(file.toString()));
    }
    String algorithm = descriptor.digest().startsWith("sha512:") ? "SHA-512" : "SHA-256";
    try {
      return new VerifiedBlob(
          Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS),
          descriptor,
          MessageDigest.getInstance(algorithm),
          descriptor.digest().substring(descriptor.digest().indexOf(':') + 1));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  private static String kind(Path file) {
    if (Files.isSymbolicLink(file)) {
      return "symbolic link";
    }
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      return "directory";
    }
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      switch (mode & 0170000) {
        case 0010000:
          return "FIFO";
        case 0140000:
          return "socket";
        case 0020000:
          return "character device";
        case 0060000:
          return "block device";
        default:
          return "special file";
      }
    } catch (IOException | RuntimeException e) {
      return "special file";
    }
  }

  /** Reads a small blob (a JSON document) whole, verified. */
  public static byte[] readAll(Path layout, OciDescriptor descriptor, long maxSize)
      throws IOException {
    if (descriptor.size() > maxSize) {
      throw new OciImageException(
          "blob "
              + descriptor.digest()
              + " of "
              + descriptor.mediaType()
              + " is "
              + descriptor.size()
              + " bytes, more than the "
              + maxSize
              + " a document may have");
    }
    try (VerifiedBlob blob = open(layout, descriptor)) {
      byte[] content = blob.readAllBytes();
      blob.finish();
      return content;
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      verify();
    } else {
      update(1);
      digest.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      verify();
    } else {
      update(n);
      digest.update(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  /** Reads what the consumer left and verifies size and digest. */
  public void finish() throws IOException {
    byte[] buffer = new byte[65536];
    while (read(buffer, 0, buffer.length) >= 0) {
      // draining: the digest covers the whole blob
    }
    verify();
  }

  private void update(int n) throws OciImageException {
    count += n;
    if (count > descriptor.size()) {
      throw new OciImageException(
          "blob "
              + descriptor.digest()
              + " is larger than its descriptor's size "
              + descriptor.size());
    }
  }

  private void verify() throws OciImageException {
    if (verified) {
      return;
    }
    if (count != descriptor.size()) {
      throw new OciImageException(
          "blob "
              + descriptor.digest()
              + " has "
              + count
              + " bytes, its descriptor says "
              + descriptor.size());
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expectedHex)) {
      throw new OciImageException(
          "blob "
              + descriptor.digest()
              + " does not match its digest (content is sha-"
              + actual
              + ")");
    }
    verified = true;
  }
}
