package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.proxmox.internal.ApiBase;
import io.pvekit.proxmox.internal.Credentials;
import io.pvekit.proxmox.internal.JsonMapping;
import io.pvekit.proxmox.internal.Limits;
import io.pvekit.proxmox.internal.TicketCredentials;
import io.pvekit.proxmox.internal.Tls;
import io.pvekit.proxmox.internal.Transport;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The entry point: a client for one Proxmox VE cluster's API ({@code https://HOST:8006/api2/json}).
 * Thread-safe; share one instance. It owns one OkHttp connection pool (or borrows the one of a
 * shared {@link OkHttpClient}); {@link #close()} releases it.
 *
 * <pre>{@code
 * try (ProxmoxClient client = ProxmoxClient.builder()
 *     .baseUrl("https://pve1.example.org:8006")
 *     .authentication(Authentication.apiToken("ci@pve!deploy", Secret.of(System.getenv("PVE_TOKEN"))))
 *     .pinnedFingerprint("AA:BB:...")
 *     .build()) {
 *   System.out.println(client.raw().get("/version"));
 * }
 * }</pre>
 */
public final class ProxmoxClient implements AutoCloseable {
  /**
   * The default of {@link Builder#maxResponseBodySize(long)}: 64 MiB. The largest bodies PVE sends
   * are {@code /cluster/resources} and storage content lists, a few hundred bytes per guest or
   * volume: some MiB for tens of thousands of guests. 64 MiB leaves a wide margin for those while a
   * hostile or broken server (an endless body, a gzip bomb) costs at most this much memory, plus
   * the tree Jackson builds from it.
   */
  public static final long DEFAULT_MAX_RESPONSE_BODY_SIZE = 64L << 20;

  /**
   * The default of {@link Builder#deadline(Duration)}: 5 minutes for a call including its retries.
   * Long enough for three attempts that each use most of the 60 s read timeout, and for the slowest
   * synchronous PVE calls; short enough that a server answering byte by byte cannot hold a caller
   * (an operator's reconcile loop) for hours.
   */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);

  private final Transport transport;
  private final RawApi raw;
  private volatile PveApi api;

  private ProxmoxClient(Transport transport) {
    this.transport = transport;
    this.raw = new RawApi(transport);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Untyped access to any endpoint.
   *
   * @return the raw API
   */
  public RawApi raw() {
    return raw;
  }

  /**
   * The generated layer: every endpoint of the PVE API as a typed call, named after its path
   * ({@code /nodes/{node}/qemu/{vmid}/snapshot} is {@code api().nodes().node("pve1").qemu()
   * .vmid(100).snapshot()}) and its method as {@code pvesh} names it ({@code get}, {@code create}
   * for POST, {@code set} for PUT, {@code delete}). It shares this client's transport,
   * authentication, retries, errors and tasks. A call or parameter that the server's PVE version
   * lacks is refused before it is sent; the version is asked ({@code GET /version}) once, the first
   * time a call depends on it.
   *
   * @return the generated API, checked against the server's version
   */
  public PveApi api() {
    PveApi current = api;
    if (current == null) {
      current =
          new PveApi(
              new PveCalls(transport, () -> PveApiVersion.forServer(version().version()), false));
      api = current;
    }
    return current;
  }

  /**
   * The generated layer checked against a version given here instead of asking the server (for a
   * server whose {@code /version} the caller may not read, or to stay within an older version).
   *
   * @param version the PVE version calls are checked against
   * @return the generated API
   */
  public PveApi api(PveApiVersion version) {
    java.util.Objects.requireNonNull(version, "version");
    return new PveApi(new PveCalls(transport, () -> version, true));
  }

  Transport transport() {
    return transport;
  }

  /**
   * {@code GET /version}.
   *
   * @return the server version
   */
  public ProxmoxVersion version() {
    return transport.decode(io.pvekit.proxmox.internal.ApiCall.get("/version"), Decode::version);
  }

  /**
   * {@code /cluster}: status, resources, next free VMID, tasks.
   *
   * @return the cluster API
   */
  public ClusterApi cluster() {
    return new ClusterApi(transport);
  }

  /**
   * {@code GET /nodes}.
   *
   * @return the cluster's nodes
   */
  public java.util.List<NodeSummary> nodes() {
    return transport.decode(
        io.pvekit.proxmox.internal.ApiCall.get("/nodes"), d -> Decode.list(d, Decode::node));
  }

  /**
   * One node: status, network, storage, VMs, containers, tasks.
   *
   * @param node the node name, e.g. {@code pve1}
   * @return the node API
   */
  public NodeApi node(String node) {
    return node(NodeName.of(node));
  }

  /**
   * One node.
   *
   * @param node the node name
   * @return the node API
   */
  public NodeApi node(NodeName node) {
    return new NodeApi(transport, node);
  }

  /**
   * A task by its UPID (on the node the UPID names).
   *
   * @param upid the task id
   * @return the task
   */
  public Task task(Upid upid) {
    return new Task(transport, upid);
  }

  /**
   * {@code /pools}.
   *
   * @return the pools API
   */
  public PoolsApi pools() {
    return new PoolsApi(transport);
  }

  /**
   * {@code /access}.
   *
   * @return the access API
   */
  public AccessApi access() {
    return new AccessApi(transport);
  }

  /**
   * Releases the connection pool and threads this client created. A shared {@link OkHttpClient}
   * given to the builder is left running.
   */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "ProxmoxClient[" + transport.apiBase() + "]";
  }

  /**
   * Configures a {@link ProxmoxClient}. Only {@link #baseUrl} and {@link #authentication} are
   * required.
   */
  public static final class Builder {
    private String baseUrl;
    private Authentication authentication;
    private String trustedPem;
    private String pinnedFingerprint;
    private boolean insecure;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ZERO;
    private long maxResponseBodySize = DEFAULT_MAX_RESPONSE_BODY_SIZE;
    private Duration deadline = DEFAULT_DEADLINE;
    private boolean allowInsecureHttp;
    private OkHttpClient shared;
    private RequestListener listener;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration ticketRenewal = Duration.ofHours(1);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The server: {@code https://HOST:8006}; {@code /api2/json} is added unless the URL ends with
     * it already (a reverse proxy prefix such as {@code https://proxy/pve} is kept).
     *
     * @param baseUrl the URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * How to authenticate.
     *
     * @param authentication an API token or user and password
     * @return this builder
     */
    public Builder authentication(Authentication authentication) {
      this.authentication = Objects.requireNonNull(authentication, "authentication");
      return this;
    }

    /**
     * Trusts only the CA certificate(s) in this PEM text (for example the cluster's {@code
     * /etc/pve/pve-root-ca.pem}); host names are still verified.
     *
     * @param pem one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @return this builder
     */
    public Builder trustedCertificatesPem(String pem) {
      this.trustedPem = Objects.requireNonNull(pem, "pem");
      return this;
    }

    /**
     * Trusts exactly the server certificate with this SHA-256 fingerprint, in the form the PVE UI
     * shows ({@code AA:BB:...}, case-insensitive). The host name is not checked.
     *
     * @param sha256 the fingerprint
     * @return this builder
     * @throws IllegalArgumentException naming the value when it is not 32 hex pairs
     */
    public Builder pinnedFingerprint(String sha256) {
      this.pinnedFingerprint = Tls.normaliseFingerprint(sha256);
      return this;
    }

    /**
     * Turns certificate and host-name verification off, and logs a warning when the client is
     * built. For throw-away labs only.
     *
     * @return this builder
     */
    public Builder insecureSkipTlsVerification() {
      this.insecure = true;
      return this;
    }

    /**
     * Connect timeout (default 10 s).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
      return this;
    }

    /**
     * Read timeout between bytes (default 60 s: some synchronous PVE calls are slow).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "readTimeout");
      return this;
    }

    /**
     * Limit for one HTTP attempt (default none); {@link #deadline(Duration)} limits the whole call
     * across its retries.
     *
     * @param timeout the timeout, {@link Duration#ZERO} for none
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Objects.requireNonNull(timeout, "callTimeout");
      return this;
    }

    /**
     * The longest a call may take in total: every attempt, the waits between retries of a read, a
     * login or re-login on the way (default {@link ProxmoxClient#DEFAULT_DEADLINE}, 5 minutes). A
     * server that sends its answer slowly enough never trips {@link #readTimeout}; this stops it.
     * When it passes the call fails with {@link ProxmoxTimeoutException}. Uploads ({@code
     * storage(...).upload}) are not limited by it: their time grows with the file, and {@link
     * #readTimeout} bounds their stalls.
     *
     * @param deadline the deadline, {@link Duration#ZERO} for none
     * @return this builder
     * @throws IllegalArgumentException when negative or longer than a day
     */
    public Builder deadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.isNegative() || deadline.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException(
            "deadline: " + deadline + " must be between 0 and 1 day (Duration.ZERO means none)");
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * The largest response body the client reads into memory, counted after gzip decoding (default
     * {@link ProxmoxClient#DEFAULT_MAX_RESPONSE_BODY_SIZE}, 64 MiB). A larger, endless or
     * decompression-bomb body fails with {@link ProxmoxResponseTooLargeException} once the limit is
     * reached, instead of an {@link OutOfMemoryError}.
     *
     * @param bytes the limit, at least 1 KiB
     * @return this builder
     * @throws IllegalArgumentException when below 1 KiB
     */
    public Builder maxResponseBodySize(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException(
            "maxResponseBodySize: "
                + bytes
                + " is below 1024 bytes; PVE's error answers alone need more");
      }
      this.maxResponseBodySize = bytes;
      return this;
    }

    /**
     * Allows a plain {@code http://} base URL on another host than this one. Without it {@link
     * #build()} refuses one: the password, the login ticket or the API token would cross the
     * network unencrypted, and anyone on the path could take over the account. Use it only when
     * something else protects the path (a TLS-terminating proxy on the same network segment, a
     * throw-away lab); a warning is logged. Loopback URLs ({@code localhost}, {@code 127.0.0.1},
     * {@code [::1]}: an SSH tunnel, a local simulator) never leave the machine and are always
     * allowed.
     *
     * @param allow true to allow plain HTTP to other hosts
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Shares the connection pool and dispatcher of an existing client; the TLS and timeout settings
     * of this builder are applied on top. {@link ProxmoxClient#close()} leaves it running.
     *
     * @param client the shared client
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.shared = Objects.requireNonNull(client, "okHttpClient");
      return this;
    }

    /**
     * Receives every exchange (method, path template, status, duration) for metrics or tracing.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(RequestListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * How reads are retried (default {@link RetryPolicy#defaults()}). Writes never are.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * Renews a login ticket once it is this old (default 1 h; PVE tickets expire after 2 h).
     *
     * @param age the age, between 1 minute and 2 hours
     * @return this builder
     */
    public Builder ticketRenewalAfter(Duration age) {
      if (age.compareTo(Duration.ofMinutes(1)) < 0 || age.compareTo(Duration.ofHours(2)) >= 0) {
        throw new IllegalArgumentException(
            "ticketRenewalAfter: " + age + " must be at least 1 minute and less than 2 hours");
      }
      this.ticketRenewal = age;
      return this;
    }

    /**
     * The clock used to age tickets (for tests).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the client. Nothing is sent yet: a ticket login happens on the first call.
     *
     * @return the client
     * @throws IllegalArgumentException when a required setting is missing or settings conflict
     */
    public ProxmoxClient build() {
      if (baseUrl == null) {
        throw new IllegalArgumentException("baseUrl: not set (e.g. https://pve1:8006)");
      }
      if (authentication == null) {
        throw new IllegalArgumentException(
            "authentication: not set (Authentication.apiToken(...) or .password(...))");
      }
      int tlsModes =
          (trustedPem != null ? 1 : 0) + (pinnedFingerprint != null ? 1 : 0) + (insecure ? 1 : 0);
      if (tlsModes > 1) {
        throw new IllegalArgumentException(
            "TLS: choose one of trustedCertificatesPem, pinnedFingerprint and"
                + " insecureSkipTlsVerification");
      }
      HttpUrl apiBase = ApiBase.of(baseUrl);
      ApiBase.checkPlainHttp(apiBase, authentication.isApiToken(), allowInsecureHttp);
      OkHttpClient.Builder http = shared != null ? shared.newBuilder() : new OkHttpClient.Builder();
      // the call timeout is set on each attempt, from callTimeout and what is left of the deadline
      http.connectTimeout(connectTimeout)
          .readTimeout(readTimeout)
          .writeTimeout(readTimeout)
          .callTimeout(Duration.ZERO)
          .retryOnConnectionFailure(false)
          .followRedirects(false);
      if (trustedPem != null) {
        Tls.trustPem(http, trustedPem);
      } else if (pinnedFingerprint != null) {
        Tls.pin(http, pinnedFingerprint);
      } else if (insecure) {
        Tls.insecure(http, apiBase.toString());
      }
      Limits limits = new Limits(maxResponseBodySize, deadline, callTimeout);
      ObjectMapper json = JsonMapping.newMapper(limits.maxJsonTokens());
      Transport transport =
          new Transport(http.build(), apiBase, json, retryPolicy, listener, shared == null, limits);
      Credentials credentials =
          authentication.isApiToken()
              ? Credentials.apiToken(
                  authentication.tokenId().orElseThrow(), authentication.secret())
              : new TicketCredentials(authentication, transport::call, clock, ticketRenewal);
      transport.credentials(credentials);
      return new ProxmoxClient(transport);
    }
  }
}
