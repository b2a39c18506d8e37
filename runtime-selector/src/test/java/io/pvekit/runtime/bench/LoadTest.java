package io.pvekit.runtime.bench;

import io.pvekit.runtime.AdmissionHandler;
import io.pvekit.runtime.AdmissionResponse;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.OwnerLookup;
import io.pvekit.runtime.Policy;
import io.pvekit.runtime.WebhookServer;
import io.pvekit.runtime.WebhookTls;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * HTTPS on loopback at a fixed request rate: the real webhook (5,000-node inventory, owner walk,
 * JSON patch) against the same server answering a fixed allow. Prints p50/p99 and their ratio.
 * Usage: {@code LoadTest [requestsPerSecond] [seconds]}; run by bench/loadtest.sh.
 */
public final class LoadTest {
  private LoadTest() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    WebhookTls tls = WebhookTls.selfSigned(List.of("localhost"));
    Inventory inventory = BenchData.inventory(5000);
    AdmissionHandler real =
        new AdmissionHandler(
            Policy.defaults(), () -> inventory, OwnerLookup.of(BenchData.owners()));
    byte[] allow =
        ("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"response\":"
                + "{\"uid\":\"705ab4f5-6393-11e8-b7cc-42010a800002\",\"allowed\":true}}")
            .getBytes(StandardCharsets.UTF_8);
    BiFunction<String, byte[], AdmissionResponse> fixed =
        (path, body) -> new AdmissionResponse(200, allow, "application/json");
    int rounds = 3;
    System.out.printf(
        "rate %d req/s, %d rounds of %d s per server, alternating, after a %d s warm-up each;"
            + " HTTPS on loopback%n",
        rate, rounds, seconds, seconds / 2);
    try (Target baseline = new Target("fixed-allow", tls, fixed);
        Target webhook = new Target("webhook", tls, real::handle)) {
      baseline.fire(rate, seconds / 2);
      webhook.fire(rate, seconds / 2);
      List<long[]> b = new ArrayList<>();
      List<long[]> w = new ArrayList<>();
      // Alternating rounds, so the machine's background load hits both servers alike.
      for (int round = 1; round <= rounds; round++) {
        b.add(baseline.measure(round, rate, seconds));
        w.add(webhook.measure(round, rate, seconds));
      }
      long[] all = merge(b);
      long[] allWebhook = merge(w);
      System.out.printf(
          "all rounds: fixed-allow p50=%.3f ms p99=%.3f ms; webhook p50=%.3f ms p99=%.3f ms%n",
          pct(all, 50) / 1e6,
          pct(all, 99) / 1e6,
          pct(allWebhook, 50) / 1e6,
          pct(allWebhook, 99) / 1e6);
      System.out.printf(
          "ratio webhook/fixed-allow: p50 %.2fx, p99 %.2fx (goal: p99 within 1.5x)%n",
          (double) pct(allWebhook, 50) / pct(all, 50), (double) pct(allWebhook, 99) / pct(all, 99));
    }
  }

  private static long[] merge(List<long[]> parts) {
    long[] out = parts.stream().flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(out);
    return out;
  }

  /** One server and a client for it. */
  private static final class Target implements AutoCloseable {
    private final String name;
    private final WebhookServer server;
    private final HttpClient client;
    private final HttpRequest request;

    Target(String name, WebhookTls tls, BiFunction<String, byte[], AdmissionResponse> handler)
        throws java.io.IOException {
      this.name = name;
      this.server =
          WebhookServer.start(
              new InetSocketAddress("127.0.0.1", 0),
              tls,
              handler,
              AdmissionHandler.DEFAULT_MAX_BODY_BYTES,
              4);
      this.client =
          HttpClient.newBuilder()
              .sslContext(tls.clientContext())
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(30))
              .build();
      this.request =
          HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/mutate"))
              .POST(HttpRequest.BodyPublishers.ofByteArray(BenchData.podReview()))
              .header("Content-Type", "application/json")
              .build();
    }

    long[] fire(int rate, int seconds) throws Exception {
      return LoadTest.fire(client, request, rate, seconds);
    }

    long[] measure(int round, int rate, int seconds) throws Exception {
      long[] latencies = fire(rate, seconds);
      System.out.printf(
          "round %d %-12s n=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms max=%.3f ms%n",
          round,
          name,
          latencies.length,
          pct(latencies, 50) / 1e6,
          pct(latencies, 90) / 1e6,
          pct(latencies, 99) / 1e6,
          latencies[latencies.length - 1] / 1e6);
      return latencies;
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /** Sends at a fixed rate (open loop: a slow answer does not delay the next request). */
  private static long[] fire(HttpClient client, HttpRequest request, int rate, int seconds)
      throws Exception {
    int total = rate * seconds;
    List<CompletableFuture<Long>> futures = new ArrayList<>(total);
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      long sent = System.nanoTime();
      futures.add(
          client
              .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
              .thenApply(
                  r -> {
                    if (r.statusCode() != 200) {
                      throw new IllegalStateException("status " + r.statusCode());
                    }
                    return System.nanoTime() - sent;
                  }));
    }
    long[] latencies = new long[total];
    for (int i = 0; i < total; i++) {
      latencies[i] = futures.get(i).get(60, TimeUnit.SECONDS);
    }
    Arrays.sort(latencies);
    return latencies;
  }

  private static long pct(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
