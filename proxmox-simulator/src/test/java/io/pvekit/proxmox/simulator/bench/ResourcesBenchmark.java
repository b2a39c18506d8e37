package io.pvekit.proxmox.simulator.bench;

import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ClusterResource;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.VmId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Throughput of {@code GET /cluster/resources} against a running simulator with N concurrent
 * callers: pvekit's {@code ProxmoxClient} against a bare OkHttp loop on the same shared {@code
 * OkHttpClient} (the limit: same connections, no parsing). Rounds alternate the two; allocation per
 * call comes from the callers' {@code ThreadMXBean} allocated bytes. Run by {@code bench/run.sh}.
 *
 * <p>Arguments: {@code --port P --fingerprint F --token ID=SECRET [--threads 16] [--seconds 10]
 * [--warmup 3] [--rounds 5] [--guests 24] [--own-pool]}.
 */
public final class ResourcesBenchmark {
  private interface Caller {
    void call() throws IOException;
  }

  private record Result(double callsPerSecond, double bytesPerCall) {}

  private ResourcesBenchmark() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(arg(args, "--port", null));
    String fingerprint = arg(args, "--fingerprint", null);
    String token = arg(args, "--token", null);
    int threads = Integer.parseInt(arg(args, "--threads", "16"));
    int seconds = Integer.parseInt(arg(args, "--seconds", "10"));
    int warmup = Integer.parseInt(arg(args, "--warmup", "3"));
    int rounds = Integer.parseInt(arg(args, "--rounds", "5"));
    int guests = Integer.parseInt(arg(args, "--guests", "24"));
    String tokenId = token.substring(0, token.indexOf('='));
    String secret = token.substring(token.indexOf('=') + 1);
    String base = "https://127.0.0.1:" + port;

    OkHttpClient shared =
        pinned(new OkHttpClient.Builder(), fingerprint)
            .connectionPool(new ConnectionPool(threads * 2, 5, TimeUnit.MINUTES))
            .retryOnConnectionFailure(false)
            .build();
    ProxmoxClient.Builder clientBuilder =
        ProxmoxClient.builder()
            .baseUrl(base)
            .pinnedFingerprint(fingerprint)
            .authentication(Authentication.apiToken(tokenId, Secret.of(secret)));
    // --own-pool: the client with its own default OkHttpClient instead of the shared one
    if (!Arrays.asList(args).contains("--own-pool")) {
      clientBuilder.okHttpClient(shared);
    }
    try (ProxmoxClient client = clientBuilder.build()) {
      populate(client, guests);
      int entries = client.cluster().resources().size();
      Request request =
          new Request.Builder()
              .url(base + "/api2/json/cluster/resources")
              .header("Authorization", "PVEAPIToken=" + tokenId + "=" + secret)
              .build();
      Caller bare =
          () -> {
            try (Response response = shared.newCall(request).execute()) {
              if (response.code() != 200) {
                throw new IOException("HTTP " + response.code() + " " + response.message());
              }
              response.body().bytes();
            }
          };
      Caller typed =
          () -> {
            List<ClusterResource> resources = client.cluster().resources();
            if (resources.size() != entries) {
              throw new IOException("expected " + entries + " entries, got " + resources.size());
            }
          };
      System.out.printf(
          Locale.ROOT,
          "GET /cluster/resources (%d entries), %d callers, %d s per round after %d s warm-up,"
              + " %d rounds%n",
          entries,
          threads,
          seconds,
          warmup,
          rounds);
      // both JVMs (simulator and callers) compile their hot paths first; these runs are discarded
      measure(bare, threads, warmup, 10);
      measure(typed, threads, warmup, 10);
      List<Result> okhttp = new ArrayList<>();
      List<Result> pvekit = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        boolean okhttpFirst = r % 2 == 0;
        if (okhttpFirst) {
          okhttp.add(report("okhttp", r, measure(bare, threads, warmup, seconds)));
        }
        pvekit.add(report("client", r, measure(typed, threads, warmup, seconds)));
        if (!okhttpFirst) {
          okhttp.add(report("okhttp", r, measure(bare, threads, warmup, seconds)));
        }
      }
      Result o = median(okhttp);
      Result p = median(pvekit);
      // throughput drifts with the shared machine's load; the ratio within a round drifts less
      double[] ratios = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratios[r] = pvekit.get(r).callsPerSecond() / okhttp.get(r).callsPerSecond();
      }
      Arrays.sort(ratios);
      System.out.printf(
          Locale.ROOT,
          "RESULT okhttp=%.1f client=%.1f okhttp_bytes_per_call=%.0f client_bytes_per_call=%.0f"
              + " round_ratio=%.3f%n",
          o.callsPerSecond(),
          p.callsPerSecond(),
          o.bytesPerCall(),
          p.bytesPerCall(),
          ratios[rounds / 2]);
    }
  }

  private static Result report(String name, int round, Result result) {
    System.out.printf(
        Locale.ROOT,
        "  round %d %-7s %9.1f calls/s %9.0f bytes/call%n",
        round + 1,
        name,
        result.callsPerSecond(),
        result.bytesPerCall());
    return result;
  }

  private static Result median(List<Result> results) {
    double[] calls = results.stream().mapToDouble(Result::callsPerSecond).sorted().toArray();
    double[] bytes = results.stream().mapToDouble(Result::bytesPerCall).sorted().toArray();
    return new Result(calls[calls.length / 2], bytes[bytes.length / 2]);
  }

  /** Runs the caller on N threads: warm-up, then a measured window. */
  private static Result measure(Caller caller, int threads, int warmup, int seconds)
      throws InterruptedException {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder calls = new LongAdder();
    AtomicLong allocated = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                long myCalls = 0;
                long startBytes = -1;
                try {
                  while (!stop.get()) {
                    if (startBytes < 0 && measuring.get()) {
                      startBytes = mx.getCurrentThreadAllocatedBytes();
                      myCalls = 0;
                    }
                    try {
                      caller.call();
                      myCalls++;
                    } catch (IOException | RuntimeException e) {
                      failures.incrementAndGet();
                    }
                  }
                  if (startBytes >= 0) {
                    allocated.addAndGet(mx.getCurrentThreadAllocatedBytes() - startBytes);
                    calls.add(myCalls);
                  }
                } finally {
                  done.countDown();
                }
              },
              "bench-" + t);
      worker.setDaemon(true);
      worker.start();
    }
    Thread.sleep(warmup * 1000L);
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (failures.get() > 0) {
      System.out.println("  (" + failures.get() + " failed calls)");
    }
    long n = Math.max(1, calls.sum());
    return new Result(calls.sum() / elapsed, (double) allocated.get() / n);
  }

  /** Clones the template into {@code guests} VMs (half of them running) unless already there. */
  private static void populate(ProxmoxClient client, int guests) {
    if (client.node("pve1").qemu().list().size() > 1) {
      return;
    }
    for (int i = 0; i < guests; i++) {
      VmId id = VmId.of(100 + i);
      client
          .node("pve1")
          .qemu()
          .vm(9000)
          .clone(CloneRequest.builder().newId(id).name("bench-" + id).full(true).build())
          .await(Duration.ofMinutes(1));
      if (i % 2 == 0) {
        client.node("pve1").qemu().vm(id).start().await(Duration.ofMinutes(1));
      }
    }
  }

  private static OkHttpClient.Builder pinned(OkHttpClient.Builder builder, String fingerprint)
      throws Exception {
    X509TrustManager trust =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType)
              throws java.security.cert.CertificateException {
            try {
              String actual =
                  HexFormat.ofDelimiter(":")
                      .withUpperCase()
                      .formatHex(
                          MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
              if (!actual.equalsIgnoreCase(fingerprint)) {
                throw new java.security.cert.CertificateException("fingerprint mismatch");
              }
            } catch (java.security.NoSuchAlgorithmException e) {
              throw new java.security.cert.CertificateException(e);
            }
          }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, new SecureRandom());
    return builder
        .sslSocketFactory(context.getSocketFactory(), trust)
        .hostnameVerifier((h, s) -> true);
  }

  private static String arg(String[] args, String name, String fallback) {
    int i = Arrays.asList(args).indexOf(name);
    if (i >= 0 && i + 1 < args.length) {
      return args[i + 1];
    }
    if (fallback == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return fallback;
  }
}
