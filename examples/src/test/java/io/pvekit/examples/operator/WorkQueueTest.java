package io.pvekit.examples.operator;

import static io.pvekit.examples.operator.OperatorFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
  @Test
  void aFailedKey_comesBackAfterTheBackoff_andIsLogged() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<String> log = new CopyOnWriteArrayList<>();
    try (WorkQueue queue =
        new WorkQueue(
            key -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("409 conflict");
              }
            },
            log::add)) {
      queue.start();
      queue.add("PostgreSQL/team-a/orders");
      await("the retry", () -> calls.get() == 2);
    }
    assertThat(log)
        .singleElement()
        .asString()
        .startsWith(
            "PostgreSQL/team-a/orders: reconcile failed (java.lang.IllegalStateException: 409 conflict)")
        .endsWith("retrying in 1000 ms");
  }

  @Test
  void keysAddedWhileWaiting_areReconciledOnce() throws Exception {
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> seen = new CopyOnWriteArrayList<>();
    try (WorkQueue queue =
        new WorkQueue(
            key -> {
              seen.add(key);
              if (key.equals("first")) {
                blocked.countDown();
                try {
                  release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
            line -> {})) {
      queue.start();
      queue.add("first");
      assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();
      queue.add("second");
      queue.add("second");
      queue.add("third");
      queue.add("second");
      release.countDown();
      await("both reconciled", () -> seen.size() >= 3);
    }
    assertThat(seen).containsExactly("first", "second", "third");
  }
}
