package io.pvekit.oci.internal.unpack;

import io.pvekit.oci.OciImageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops a compressed layer whose uncompressed stream grows beyond a ratio of the compressed bytes
 * read so far (a decompression bomb). Honest layers expand 2 to 10 times; gzip cannot exceed about
 * 1032, zstd can reach far more. The first {@link #FLOOR} bytes are never stopped, so small layers
 * of zeros stay fine.
 */
final class ExpansionLimit extends FilterInputStream {
  static final long FLOOR = 1 << 20;

  /** Counts the compressed bytes the decompressor takes. */
  static final class Counted extends FilterInputStream {
    private long count;

    Counted(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += Math.max(0, skipped);
      return skipped;
    }
  }

  private final Counted compressed;
  private final long ratio;
  private final String digest;
  private long expanded;

  ExpansionLimit(InputStream uncompressed, Counted compressed, long ratio, String digest) {
    super(uncompressed);
    this.compressed = compressed;
    this.ratio = ratio;
    this.digest = digest;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // through read, so that skipped bytes count too
    byte[] sink = new byte[8192];
    long done = 0;
    while (done < n) {
      int r = read(sink, 0, (int) Math.min(sink.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  private void add(int n) throws OciImageException {
    expanded += n;
    if (expanded > FLOOR && expanded / ratio > compressed.count) {
      throw new OciImageException(
          "layer "
              + digest
              + " expands more than "
              + ratio
              + " times ("
              + expanded
              + " bytes from "
              + compressed.count
              + " compressed), the limit of this unpack (ImageUnpacker.maxExpansionRatio)");
    }
  }
}
