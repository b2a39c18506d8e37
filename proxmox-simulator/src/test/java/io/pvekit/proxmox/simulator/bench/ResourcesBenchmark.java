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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * OkHttpClient} (the limit: same connections, no parsing). Run by {@code bench/run.sh}.
 *
 * <p>The machine is shared, so its load drifts within seconds. Each round therefore alternates the
 * two callers in short slices (all N threads run one caller, drain, then the other), and the ratio
 * is taken per round over the same stretch of time. Per call it records the bytes the calling
 * thread allocated and the CPU time it used ({@code ThreadMXBean}); GC threads are not in the CPU
 * figure, which is why the bytes are reported too.
 *
 * <p>Arguments: {@code --port P --fingerprint F --token ID=SECRET [--threads 16] [--seconds 10]
 * [--warmup 3] [--rounds 5] [--slice-ms 500] [--guests 24] [--own-pool]}; {@code --seconds} is the
 * measured time of each caller per round.
 */
public final class ResourcesBenchmark {
  private interface Caller {
    void call() throws IOException;
  }

  /** Sums of one caller over a round's slices. */
  private static final class Tally {
    final LongAdder calls = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder cpuNanos = new LongAdder();
    final LongAdder failures = new LongAdder();
    long nanos;

    double callsPerSecond() {
      return calls.sum() / (nanos / 1e9);
    }

    double bytesPerCall() {
      return (double) bytes.sum() / Math.max(1, calls.sum());
    }

    double cpuMicrosPerCall() {
      return cpuNanos.sum() / 1e3 / Math.max(1, calls.sum());
    }
  }

  private ResourcesBenchmark() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(arg(args, "--port", null));
    String fingerprint = arg(args, "--fingerprint", null);
    String token = arg(args, "--token", null);
    int threads = Integer.parseInt(arg(args, "--threads", "16"));
    int seconds = Integer.parseInt(arg(args, "--seconds", "10"));
    int warmup = Integer.parseInt(arg(args, "--warmup", "3"));
    int rounds = Integer.parseInt(arg(args, "--rounds", "5"));
    int sliceMillis = Integer.parseInt(arg(args, "--slice-ms", "500"));
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
          "GET /cluster/resources (%d entries), %d callers, %d rounds of %d s per caller in"
              + " alternating %d ms slices, after %d s warm-up%n",
          entries,
          threads,
          rounds,
          seconds,
          sliceMillis,
          warmup);
      Workers workers = new Workers(threads);
      try {
        // both JVMs (simulator and callers) compile their hot paths first; discarded
        workers.round(bare, typed, warmup * 1000L, sliceMillis);
        List<Tally[]> results = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          Tally[] round = workers.round(bare, typed, seconds * 1000L, sliceMillis);
          report(r, round);
          results.add(round);
        }
        summarize(results);
      } finally {
        workers.close();
      }
    }
  }

  /** N threads that run one caller at a time, slice by slice. */
  private static final class Workers implements AutoCloseable {
    private final com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final List<Thread> threads = new ArrayList<>();
    private final Semaphore start = new Semaphore(0);
    private final Semaphore done = new Semaphore(0);
    private volatile Caller caller;
    private volatile Tally tally;
    private volatile boolean stop;
    private volatile boolean exit;

    Workers(int n) {
      for (int t = 0; t < n; t++) {
        Thread worker = new Thread(this::work, "bench-" + t);
        worker.setDaemon(true);
        worker.start();
        threads.add(worker);
      }
    }

    private void work() {
      while (true) {
        start.acquireUninterruptibly();
        if (exit) {
          return;
        }
        Caller current = caller;
        Tally into = tally;
        while (!stop) {
          long bytes = mx.getCurrentThreadAllocatedBytes();
          long cpu = mx.getCurrentThreadCpuTime();
          try {
            current.call();
          } catch (IOException | RuntimeException e) {
            into.failures.increment();
            continue;
          }
          // a call that ends after the slice is over belongs to no slice
          if (!stop) {
            into.calls.increment();
            into.bytes.add(mx.getCurrentThreadAllocatedBytes() - bytes);
            into.cpuNanos.add(mx.getCurrentThreadCpuTime() - cpu);
          }
        }
        done.release();
      }
    }

    /** {@code millis} of each caller, alternating slices; [0] = bare OkHttp, [1] = client. */
    Tally[] round(Caller bare, Caller typed, long millis, int sliceMillis)
        throws InterruptedException {
      Tally[] tallies = {new Tally(), new Tally()};
      long slices = Math.max(1, millis / sliceMillis);
      for (long s = 0; s < 2 * slices; s++) {
        // A B B A A B B A ...: a steady drift in the machine's load favours neither caller
        int which = (int) ((s % 2) ^ ((s / 2) % 2));
        Tally into = tallies[which];
        caller = which == 0 ? bare : typed;
        tally = into;
        stop = false;
        long begin = System.nanoTime();
        start.release(threads.size());
        Thread.sleep(sliceMillis);
        stop = true;
        into.nanos += System.nanoTime() - begin;
        done.acquire(threads.size());
      }
      return tallies;
    }

    @Override
    public void close() {
      exit = true;
      start.release(threads.size());
    }
  }

  private static void report(int round, Tally[] tallies) {
    String[] names = {"okhttp", "client"};
    for (int i = 0; i < 2; i++) {
      Tally t = tallies[i];
      System.out.printf(
          Locale.ROOT,
          "  round %d %-7s %9.1f calls/s %9.0f bytes/call %7.1f us CPU/call%s%n",
          round + 1,
          names[i],
          t.callsPerSecond(),
          t.bytesPerCall(),
          t.cpuMicrosPerCall(),
          t.failures.sum() > 0 ? " (" + t.failures.sum() + " failed calls)" : "");
    }
    System.out.printf(
        Locale.ROOT,
        "  round %d ratio   %9.3f%n",
        round + 1,
        tallies[1].callsPerSecond() / tallies[0].callsPerSecond());
  }

  private static void summarize(List<Tally[]> rounds) {
    double[] ratios = new double[rounds.size()];
    double[][] calls = new double[2][rounds.size()];
    double[][] bytes = new double[2][rounds.size()];
    double[][] cpu = new double[2][rounds.size()];
    for (int r = 0; r < rounds.size(); r++) {
      for (int i = 0; i < 2; i++) {
        calls[i][r] = rounds.get(r)[i].callsPerSecond();
        bytes[i][r] = rounds.get(r)[i].bytesPerCall();
        cpu[i][r] = rounds.get(r)[i].cpuMicrosPerCall();
      }
      ratios[r] = calls[1][r] / calls[0][r];
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT okhttp=%.1f client=%.1f okhttp_bytes_per_call=%.0f client_bytes_per_call=%.0f"
            + " round_ratio=%.3f min_ratio=%.3f max_ratio=%.3f okhttp_cpu_us=%.1f"
            + " client_cpu_us=%.1f%n",
        median(calls[0]),
        median(calls[1]),
        median(bytes[0]),
        median(bytes[1]),
        median(ratios),
        Arrays.stream(ratios).min().orElse(0),
        Arrays.stream(ratios).max().orElse(0),
        median(cpu[0]),
        median(cpu[1]));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
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
