package io.pvekit.oci.internal.unpack;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream ahead on its own thread (reading the blob, hashing, decompressing), so that the
 * caller's thread only parses tar and writes files: the two halves of an unpack run on two cores,
 * as GNU tar's pipe to gzip does.
 */
final class Prefetcher extends InputStream {
  // Large chunks: each hand-over may wait for a time slice on a busy host, so make them few.
  private static final int CHUNK = 8 << 20;
  private static final byte[] EOF = new byte[0];

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
  private final Thread thread;
  private byte[] current = new byte[0];
  private int position;
  private boolean done;

  Prefetcher(InputStream source, String name) {
    thread =
        new Thread(
            () -> {
              try {
                while (true) {
                  byte[] chunk = source.readNBytes(CHUNK);
                  if (chunk.length == 0) {
                    queue.put(EOF);
                    return;
                  }
                  queue.put(chunk);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (IOException | RuntimeException | Error e) {
                // an Error too (OutOfMemoryError): else the reader would wait for ever
                putQuietly(e);
              }
            },
            "pvekit-unpack-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  private void putQuietly(Throwable e) {
    try {
      queue.put(e);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean fill() throws IOException {
    if (done) {
      return false;
    }
    if (position < current.length) {
      return true;
    }
    Object next;
    try {
      next = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while unpacking");
    }
    if (next instanceof IOException) {
      done = true;
      throw (IOException) next;
    }
    if (next instanceof RuntimeException) {
      done = true;
      throw (RuntimeException) next;
    }
    if (next instanceof Error) {
      done = true;
      throw (Error) next;
    }
    current = (byte[]) next;
    position = 0;
    if (current.length == 0) {
      done = true;
      return false;
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    return fill() ? current[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current, position, b, off, n);
    position += n;
    return n;
  }

  /** Reads to the end, so the producer has read (and hashed) the whole source. */
  void drain() throws IOException {
    while (fill()) {
      position = current.length;
    }
    join();
  }

  private void join() throws IOException {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while unpacking");
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  /** Stops the reading thread and waits for it. */
  void stop() throws IOException {
    if (thread.isAlive()) {
      thread.interrupt();
      queue.clear();
      join();
    }
  }
}
