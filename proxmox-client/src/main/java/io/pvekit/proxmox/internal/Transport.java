package io.pvekit.proxmox.internal;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.proxmox.ProxmoxException;
import io.pvekit.proxmox.ProxmoxMalformedResponseException;
import io.pvekit.proxmox.ProxmoxNoResponseException;
import io.pvekit.proxmox.RequestEvent;
import io.pvekit.proxmox.RequestListener;
import io.pvekit.proxmox.RetryPolicy;
import io.pvekit.proxmox.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiCall}s: URL and form encoding, credentials, retries of reads, the one re-login
 * after a 401, the listener, and the mapping of failures to exceptions.
 */
public final class Transport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 595, 596);

  /** Enough for every path the typed API calls without placeholders, and a bound for raw paths. */
  private static final int STATIC_URLS = 256;

  private final OkHttpClient http;
  private final HttpUrl apiBase;
  private final ObjectMapper json;
  private final RetryPolicy retry;
  private final RequestListener listener;
  private final boolean ownsHttpClient;
  private final Limits limits;
  private volatile Credentials credentials;

  /** URLs of paths without placeholders or query: built once, not on every call. */
  private final Map<String, HttpUrl> staticUrls = new ConcurrentHashMap<>();

  public Transport(
      OkHttpClient http,
      HttpUrl apiBase,
      ObjectMapper json,
      RetryPolicy retry,
      RequestListener listener,
      boolean ownsHttpClient,
      Limits limits) {
    this.limits = limits;
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

  public Limits limits() {
    return limits;
  }

  /** Sends the call and returns the response's {@code data} (a NullNode for {@code null}). */
  public JsonNode call(ApiCall call) {
    return callForRoot(call).get("data");
  }

  /**
   * Sends the call and decodes its {@code data} with {@code decoder}; a value the decoder cannot
   * read becomes a {@link ProxmoxMalformedResponseException} naming its JSON path.
   */
  public <T> T decode(ApiCall call, Function<JsonNode, T> decoder) {
    Received received = exchange(call);
    JsonNode data = root(received).get("data");
    try {
      return decoder.apply(data);
    } catch (ProxmoxException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Failures.wrongShape(received.call(), received.path(), received.status(), e);
    }
  }

  /** Sends the call and returns the whole response object ({@code data}, {@code total}, ...). */
  public JsonNode callForRoot(ApiCall call) {
    return root(exchange(call));
  }

  private JsonNode root(Received received) {
    JsonNode root;
    try {
      root = json.readTree(received.body());
    } catch (StreamConstraintsException e) {
      throw overLimit(received, e);
    } catch (IOException | RuntimeException e) {
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
    } catch (StreamConstraintsException e) {
      throw overLimit(received, e);
    } catch (IOException e) {
      throw malformed(received, "is not JSON", e);
    } catch (Envelope.NoData e) {
      throw malformed(received, "has no \"data\" member", null);
    } catch (ProxmoxException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Failures.wrongShape(call, received.path(), received.status(), e);
    }
  }

  /** A 2xx response, read completely (the connection goes back to the pool before decoding). */
  private record Received(ApiCall call, String path, int status, byte[] body) {}

  /**
   * The deadline of the outermost call on this thread, so that a login made on the way to a call
   * spends the call's time rather than starting a deadline of its own.
   */
  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  /** When a call must be done; {@code bounded} false for none. */
  private record Deadline(boolean bounded, long atNanos, Duration length) {
    long remaining() {
      return bounded ? atNanos - System.nanoTime() : Long.MAX_VALUE;
    }
  }

  private Received exchange(ApiCall call) {
    Deadline outer = CURRENT.get();
    if (outer != null && outer.bounded()) {
      return attempts(call, outer);
    }
    // uploads take as long as their file needs: readTimeout bounds their stalls instead
    boolean bounded = !limits.deadline().isZero() && call.body() == null;
    Deadline deadline =
        new Deadline(bounded, System.nanoTime() + limits.deadline().toNanos(), limits.deadline());
    CURRENT.set(deadline);
    try {
      return attempts(call, deadline);
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  private Received attempts(ApiCall call, Deadline deadline) {
    String path = call.path();
    boolean reauthenticated = false;
    int attempt = 0;
    String last = null;
    Throwable lastFailure = null;
    while (true) {
      Request.Builder request = new Request.Builder().url(url(call));
      Object used = null;
      if (call.authenticated() && credentials != null) {
        used = credentials.apply(request, call);
      }
      request.method(call.method(), body(call));
      long remaining = deadline.remaining();
      if (remaining <= 0) {
        throw Failures.deadline(call, path, deadline.length(), attempt, last, lastFailure);
      }
      attempt++;
      Call exchange = http.newCall(request.build());
      long perAttempt = limits.attemptTimeout().toNanos();
      exchange
          .timeout()
          .timeout(
              perAttempt > 0 ? Math.min(perAttempt, remaining) : deadline.bounded() ? remaining : 0,
              TimeUnit.NANOSECONDS);
      long start = System.nanoTime();
      int status;
      String reason;
      byte[] body;
      try (Response response = exchange.execute()) {
        status = response.code();
        reason = response.message();
        try {
          body =
              Bodies.utf8(
                  response.body(), response.header("Content-Type"), limits.maxResponseBodyBytes());
        } catch (Bodies.TooLarge e) {
          report(call, path, status, start, attempt, e);
          throw Failures.tooLarge(call, path, status, limits.maxResponseBodyBytes(), e.declared);
        }
      } catch (IOException e) {
        report(call, path, 0, start, attempt, e);
        if (deadline.remaining() <= 0) {
          String problem = Failures.describe(e) + (last != null ? "; before that: " + last : "");
          throw Failures.deadline(call, path, deadline.length(), attempt, problem, e);
        }
        if (call.idempotent() && attempt < retry.maxAttempts() && !(e instanceof SSLException)) {
          LOG.debug(
              "{} {} attempt {} failed ({}); retrying", call.method(), path, attempt, e.toString());
          last = Failures.describe(e);
          lastFailure = e;
          backoff(attempt, deadline);
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
        last = status + " " + Failures.cut(reason);
        lastFailure = null;
        backoff(attempt, deadline);
        continue;
      }
      if (status >= 400 || status < 200) {
        throw ErrorMapping.map(
            json, call.method(), path, status, reason, sensitive(call) ? null : Bodies.text(body));
      }
      return new Received(call, path, status, body);
    }
  }

  /**
   * Opens a WebSocket on the URL of a GET call (its parameters in the query) through this client's
   * OkHttp client, so TLS trust, proxy and timeouts are the same as for calls, with its credentials
   * and the given {@code Sec-WebSocket-Protocol}.
   */
  public WebSocket webSocket(ApiCall call, String protocol, WebSocketListener listener) {
    Request.Builder request = new Request.Builder().url(buildUrl(call, true));
    if (call.authenticated() && credentials != null) {
      credentials.apply(request, call);
    }
    request.header("Sec-WebSocket-Protocol", protocol);
    return http.newWebSocket(request.build(), listener);
  }

  private ProxmoxMalformedResponseException overLimit(
      Received received, StreamConstraintsException e) {
    return Failures.overParserLimit(received.call(), received.path(), received.status(), limits, e);
  }

  private ProxmoxMalformedResponseException malformed(
      Received received, String problem, Throwable cause) {
    return Failures.malformed(
        received.call(),
        received.path(),
        received.status(),
        received.body(),
        sensitive(received.call()),
        problem,
        cause);
  }

  static boolean sensitive(ApiCall call) {
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

  private static ProxmoxNoResponseException noResponse(
      ApiCall call, String path, int attempts, IOException e) {
    return Failures.noResponse(call, path, attempts, e);
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

  /**
   * Waits before the next attempt; when the deadline leaves no time for the wait the next loop
   * round reports it.
   */
  private void backoff(int attempt, Deadline deadline) {
    long initial = retry.initialBackoff().toMillis();
    long max = retry.maxBackoff().toMillis();
    long wait = Math.min(max, initial << Math.min(attempt - 1, 20));
    long jittered = wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
    long left = deadline.remaining() / 1_000_000;
    try {
      Thread.sleep(Math.max(0, Math.min(jittered, left)));
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
