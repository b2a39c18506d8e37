package io.pvekit.proxmox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.proxmox.ProxmoxApiException;
import io.pvekit.proxmox.ProxmoxMalformedResponseException;
import io.pvekit.proxmox.ProxmoxNoResponseException;
import io.pvekit.proxmox.RequestEvent;
import io.pvekit.proxmox.RequestListener;
import io.pvekit.proxmox.RetryPolicy;
import io.pvekit.proxmox.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
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

  private final OkHttpClient http;
  private final HttpUrl apiBase;
  private final ObjectMapper json;
  private final RetryPolicy retry;
  private final RequestListener listener;
  private final boolean ownsHttpClient;
  private volatile Credentials credentials;

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
      String text;
      try (Response response = http.newCall(request.build()).execute()) {
        status = response.code();
        reason = response.message();
        ResponseBody responseBody = response.body();
        text = responseBody == null ? "" : responseBody.string();
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
        ProxmoxApiException error =
            ErrorMapping.map(
                json, call.method(), path, status, reason, sensitive(call) ? null : text);
        throw error;
      }
      return root(call, path, status, text);
    }
  }

  private JsonNode root(ApiCall call, String path, int status, String text) {
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw malformed(call, path, status, text, "is not JSON", e);
    }
    if (root == null || !root.isObject() || !root.has("data")) {
      throw malformed(call, path, status, text, "has no \"data\" member", null);
    }
    return root;
  }

  /** A response whose {@code data} could not be read as the expected type. */
  public ProxmoxMalformedResponseException malformed(
      ApiCall call, String path, int status, String text, String problem, Throwable cause) {
    String excerpt =
        sensitive(call)
            ? "<hidden: login response>"
            : text.length() > BODY_EXCERPT ? text.substring(0, BODY_EXCERPT) + "..." : text;
    return new ProxmoxMalformedResponseException(
        call.method(),
        path,
        status,
        call.method()
            + " "
            + path
            + ": the "
            + status
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
    HttpUrl.Builder url = apiBase.newBuilder();
    for (String segment : call.segments()) {
      url.addPathSegment(segment);
    }
    if (!call.write() || call.method().equals("DELETE")) {
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
