package io.pvekit.oci.internal.unpack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PrefetcherTest {
  /** An Error on the reading thread reaches the consumer; before, the consumer waited for ever. */
  @Test
  @Timeout(60)
  void anErrorOnTheReadingThread_reachesTheReader() throws Exception {
    InputStream exhausted =
        new InputStream() {
          @Override
          public int read() {
            throw new OutOfMemoryError("simulated");
          }

          @Override
          public int read(byte[] b, int off, int len) {
            throw new OutOfMemoryError("simulated");
          }
        };
    try (Prefetcher ahead = new Prefetcher(exhausted, "test")) {
      assertThatThrownBy(ahead::read).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
    }
  }
}
