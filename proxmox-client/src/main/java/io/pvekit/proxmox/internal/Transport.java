package io.pvekit.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.proxmox.ProxmoxMalformedResponseException;
import io.pvekit.proxmox.ProxmoxNoResponseException;
import io.pvekit.proxmox.RequestEvent;
import io.pvekit.proxmox.RequestListener;
import io.pvekit.proxmox.RetryPolicy;
import io.pvekit.proxmox.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiCall}s: URL and form encoding, credentials, retries of reads, the one re-login
 * after a 401, the listener, and the mapping of failures to exceptions.
 */
public final class Transport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 595, 596);
  private static final int BODY_EXCERPT = 200;

  /** Enough for every path the typed API calls without placeholders, and a bound for raw paths. */
  private static final int STATIC_URLS = 256;

  private final OkHttpClient http;
  private final HttpUrl apiBase;
  private final ObjectMapper json;
  private final RetryPolicy retry;
  private final RequestListener listener;
  private final boolean ownsHttpClient;
  private volatile Credentials credentials;

  /** URLs of paths without placeholders or query: built once, not on every call. */
  private final Map<String, HttpUrl> staticUrls = new ConcurrentHashMap<>();

  public Transport(
      OkHttpClient http,
      HttpUrl apiBase,
      ObjectMapper json,
      RetryPolicy retry,
      RequestListener listener,
      boolean ownsHttpClient) {
    this.http = http;
    this.apiBase = apiBase;
    this.json = json;
    this.retry = retry;
    this.listener = listener;
    this.ownsHttpClient = ownsHttpClient;
  }

  public void credentials(Credentials credentials) {
    this.credentials = credentials;
  }

  public ObjectMapper json() {
    return json;
  }

  public HttpUrl apiBase() {
    return apiBase;
  }

  /** Sends the call and returns the response's {@code data} (a NullNode for {@code null}). */
  public JsonNode call(ApiCall call) {
    return callForRoot(call).get("data");
  }

  /** Sends the call and returns the whole response object ({@code data}, {@code total}, ...). */
  public JsonNode callForRoot(ApiCall call) {
    Received received = exchange(call);
    JsonNode root;
    try {
      root = json.readTree(received.body());
    } catch (IOException e) {
      throw malformed(received, "is not JSON", e);
    }
    if (root == null || !root.isObject() || !root.has("data")) {
      throw malformed(received, "has no \"data\" member", null);
    }
    return root;
  }

  /**
   * Sends the call and reads the response's {@code data} with {@code reader}, straight from the
   * body's bytes: no tree, no string copy of the body.
   */
  public <T> T call(ApiCall call, DataReader<T> reader) {
    Received received = exchange(call);
    try {
      return Envelope.data(json, received.body(), reader);
    } catch (IOException e) {
      throw malformed(received, "is not JSON", e);
    } catch (Envelope.NoData e) {
      throw malformed(received, "has no \"data\" member", null);
    }
  }

  /** A 2xx response, read completely (the connection goes back to the pool before decoding). */
  private record Received(ApiCall call, String path, int status, byte[] body) {}

  private Received exchange(ApiCall call) {
    String path = call.path();
    boolean reauthenticated = false;
    int attempt = 0;
    while (true) {
      attempt++;
      Request.Builder request = new Request.Builder().url(url(call));
      Object used = null;
      if (call.authenticated() && credentials != null) {
        used = credentials.apply(request, call);
      }
      request.method(call.method(), body(call));
      long start = System.nanoTime();
      int status;
      String reason;
      byte[] body;
      try (Response response = http.newCall(request.build()).execute()) {
        status = response.code();
        reason = response.message();
        body = Bodies.utf8(response.body(), response.header("Content-Type"));
      } catch (IOException e) {
        report(call, path, 0, start, attempt, e);
        if (call.idempotent() && attempt < retry.maxAttempts() && !(e instanceof SSLException)) {
          LOG.debug(
              "{} {} attempt {} failed ({}); retrying", call.method(), path, attempt, e.toString());
          backoff(attempt);
          continue;
        }
        throw noResponse(call, path, attempt, e);
      }
      report(call, path, status, start, attempt, null);
      if (status == 401 && used != null && !reauthenticated && credentials.reauthenticate(used)) {
        reauthenticated = true;
        attempt--;
        continue;
      }
      if (RETRYABLE_STATUS.contains(status) && call.idempotent() && attempt < retry.maxAttempts()) {
        LOG.debug("{} {} answered {} {}; retrying", call.method(), path, status, reason);
        backoff(attempt);
        continue;
      }
      if (status >= 400 || status < 200) {
        throw ErrorMapping.map(
            json, call.method(), path, status, reason, sensitive(call) ? null : Bodies.text(body));
      }
      return new Received(call, path, status, body);
    }
  }

  private ProxmoxMalformedResponseException malformed(
      Received received, String problem, Throwable cause) {
    ApiCall call = received.call();
    String excerpt;
    if (sensitive(call)) {
      excerpt = "<hidden: login response>";
    } else {
      String text = Bodies.text(received.body());
      excerpt = text.length() > BODY_EXCERPT ? text.substring(0, BODY_EXCERPT) + "..." : text;
    }
    return new ProxmoxMalformedResponseException(
        call.method(),
        received.path(),
        received.status(),
        call.method()
            + " "
            + received.path()
            + ": the "
            + received.status()
            + " response "
            + problem
            + ": "
            + excerpt
            + "\nIs the base URL the PVE API (https://HOST:8006/api2/json) and nothing rewrites"
            + " responses in between? See "
            + ErrorMapping.README
            + "#malformed-response",
        cause);
  }

  private static boolean sensitive(ApiCall call) {
    return call.template().equals("/access/ticket")
        || call.params().values().stream().anyMatch(v -> v instanceof Secret);
  }

  private HttpUrl url(ApiCall call) {
    boolean query = !call.write() || call.method().equals("DELETE");
    if (call.isStatic() && !(query && call.hasParams())) {
      HttpUrl url = staticUrls.get(call.template());
      if (url == null) {
        url = buildUrl(call, false);
        if (staticUrls.size() < STATIC_URLS) {
          staticUrls.put(call.template(), url);
        }
      }
      return url;
    }
    return buildUrl(call, query);
  }

  private HttpUrl buildUrl(ApiCall call, boolean query) {
    HttpUrl.Builder url = apiBase.newBuilder();
    for (String segment : call.segments()) {
      url.addPathSegment(segment);
    }
    if (query) {
      Params.forEachWireValue(call.params(), url::addQueryParameter);
    }
    return url.build();
  }

  private static RequestBody body(ApiCall call) {
    if (call.body() != null) {
      return call.body();
    }
    if (call.method().equals("GET") || call.method().equals("DELETE")) {
      return null;
    }
    FormBody.Builder form = new FormBody.Builder();
    Params.forEachWireValue(call.params(), form::add);
    return form.build();
  }

  private ProxmoxNoResponseException noResponse(
      ApiCall call, String path, int attempts, IOException e) {
    String what;
    if (e instanceof SSLException) {
      what =
          "the TLS handshake failed ("
              + e.getMessage()
              + "). Trust the PVE CA (trustedCertificatesPem), pin the certificate"
              + " (pinnedFingerprint) or check the host name. See "
              + ErrorMapping.README
              + "#tls";
    } else if (e instanceof InterruptedIOException) {
      what =
          "timed out ("
              + e.getMessage()
              + "). Raise readTimeout for slow synchronous calls, or check the network. See "
              + ErrorMapping.README
              + "#no-response";
    } else {
      what =
          "no response ("
              + e
              + "). Check the base URL, that pveproxy runs on port 8006 and the network. See "
              + ErrorMapping.README
              + "#no-response";
    }
    String tries =
        call.idempotent()
            ? " after " + attempts + (attempts == 1 ? " attempt" : " attempts")
            : " (writes are not retried: check whether it took effect)";
    return new ProxmoxNoResponseException(
        call.method(), path, call.method() + " " + path + ": " + what + tries, e);
  }

  private void report(
      ApiCall call, String path, int status, long startNanos, int attempt, Throwable failure) {
    if (listener == null) {
      return;
    }
    try {
      listener.onExchange(
          new RequestEvent(
              call.method(),
              call.template(),
              path,
              status,
              Duration.ofNanos(System.nanoTime() - startNanos),
              attempt,
              Optional.ofNullable(failure)));
    } catch (RuntimeException e) {
      LOG.warn("request listener failed for {} {}; ignored", call.method(), path, e);
    }
  }

  private void backoff(int attempt) {
    long initial = retry.initialBackoff().toMillis();
    long max = retry.maxBackoff().toMillis();
    long wait = Math.min(max, initial << Math.min(attempt - 1, 20));
    long jittered = wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
    try {
      Thread.sleep(jittered);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }

  @Override
  public void close() {
    if (ownsHttpClient) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
