package io.pvekit.oci.internal.unpack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveStructSparse;

/**
 * Writes regular files: dense ones as they come, sparse ones (GNU sparse, PAX 0.0/0.1/1.0) with
 * their holes kept, so a small entry declaring gigabytes of zeros costs only its data on disk.
 * Every byte written counts against the unpack's byte limit; holes do not.
 */
final class ContentWriter {
  private final byte[] buffer = new byte[256 * 1024];
  private final long maxBytes;
  private long bytes;

  ContentWriter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The bytes written so far, all layers together. */
  long bytes() {
    return bytes;
  }

  void write(InputStream tar, TarArchiveEntry e, Path path) throws IOException {
    if (e.isSparse()) {
      sparse(tar, e, path);
      return;
    }
    try (OutputStream out =
        Files.newOutputStream(
            path,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      int n;
      while ((n = tar.read(buffer)) > 0) {
        count(e, n);
        out.write(buffer, 0, n);
      }
    }
  }

  private void sparse(InputStream tar, TarArchiveEntry e, Path path) throws IOException {
    List<TarArchiveStructSparse> map = e.getOrderedSparseHeaders();
    long real = e.getRealSize();
    try (FileChannel out =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      long position = 0;
      for (TarArchiveStructSparse block : map) {
        long offset = block.getOffset();
        long length = block.getNumbytes();
        if (offset < position || length < 0 || offset > real - length) {
          throw new UnpackException(
              e.getName(),
              "sparse map block at "
                  + offset
                  + " (+"
                  + length
                  + ") overlaps another or lies beyond the file's size "
                  + real);
        }
        skip(tar, e, offset - position);
        position = offset;
        while (length > 0) {
          int n = tar.read(buffer, 0, (int) Math.min(buffer.length, length));
          if (n < 0) {
            throw new UnpackException(e.getName(), "sparse data ends before its map says");
          }
          count(e, n);
          ByteBuffer data = ByteBuffer.wrap(buffer, 0, n);
          while (data.hasRemaining()) {
            position += out.write(data, position);
          }
          length -= n;
        }
      }
    }
    if (Files.size(path) < real) {
      // the trailing hole: extend without writing, as GNU tar does
      Native.truncate(path.toString(), real);
    }
  }

  /** Skips a hole in the expanded stream; commons-compress skips its zeros without making them. */
  private void skip(InputStream tar, TarArchiveEntry e, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = tar.skip(left);
      if (skipped <= 0) {
        if (tar.read() < 0) {
          throw new UnpackException(e.getName(), "sparse data ends before its map says");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private void count(TarArchiveEntry e, int n) throws UnpackException {
    bytes += n;
    if (bytes > maxBytes) {
      throw new UnpackException(
          e.getName(),
          "the image's files hold more than "
              + maxBytes
              + " bytes, the limit of this unpack (ImageUnpacker.maxUnpackedBytes); raise it if"
              + " the image is trusted and that large");
    }
  }
}
