package io.pvekit.proxmox.simulator;

import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.VmId;
import io.pvekit.proxmox.simulator.internal.runtime.InventorySpec;
import io.pvekit.proxmox.simulator.internal.runtime.RuntimeConfig;
import io.pvekit.proxmox.simulator.internal.runtime.SimulatorRuntime;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.net.InetAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stateful Proxmox VE API server ({@code /api2/json}) that runs in the calling JVM: the
 * "LocalStack for Proxmox". It serves HTTPS with a fresh self-signed certificate and plain HTTP,
 * keeps nodes, storages, VMs, containers, pools, users and tasks, runs writes as asynchronous tasks
 * with real UPIDs, validates parameters against the PVE 9.1 schema and answers errors the way PVE
 * does. Thread-safe; close it to stop serving.
 *
 * <pre>{@code
 * try (ProxmoxSimulator pve = ProxmoxSimulator.start()) {
 *   URI api = pve.httpsUrl();            // https://127.0.0.1:<port>
 *   String pin = pve.fingerprint();      // AA:BB:..., as the Proxmox UI shows it
 *   // log in as root@pam / ProxmoxSimulator.DEFAULT_PASSWORD and use any client
 * }
 * }</pre>
 */
public final class ProxmoxSimulator implements AutoCloseable {
  /** The PVE release the simulator models by default (its API schema version). */
  public static final String PVE_VERSION = "9.1.3";

  /** The user every simulator has; it holds every privilege. */
  public static final String DEFAULT_USER = "root@pam";

  /** {@link #DEFAULT_USER}'s password unless the builder sets another. */
  public static final String DEFAULT_PASSWORD = "pvekit";

  private final SimulatorRuntime runtime;
  private final String user;
  private final String password;
  private final String host;

  private ProxmoxSimulator(SimulatorRuntime runtime, String user, String password, String host) {
    this.runtime = runtime;
    this.user = user;
    this.password = password;
    this.host = host;
  }

  /**
   * Starts a simulator with the default inventory on free loopback ports.
   *
   * @return the running simulator
   */
  public static ProxmoxSimulator start() {
    return builder().start();
  }

  /**
   * A builder for a simulator with its own ports, users, inventory, faults and clock.
   *
   * @return a new builder
   */
  public static ProxmoxSimulatorBuilder builder() {
    return new ProxmoxSimulatorBuilder();
  }

  static ProxmoxSimulator start(RuntimeConfig config, String user, String password) {
    SimulatorRuntime runtime = SimulatorRuntime.start(config);
    String host = config.bindAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return new ProxmoxSimulator(runtime, user, password, host);
  }

  /**
   * The HTTPS base URL, for example {@code https://127.0.0.1:8006}. Trust it with {@link
   * #fingerprint()} or {@link #certificatePem()}.
   *
   * @return the URL without {@code /api2/json}
   */
  public URI httpsUrl() {
    return URI.create("https://" + host + ":" + runtime.httpsPort());
  }

  /**
   * The plain HTTP base URL (PVE itself only speaks HTTPS; this is a convenience for tests).
   *
   * @return the URL without {@code /api2/json}
   * @throws IllegalStateException when the simulator was built without an HTTP listener
   */
  public URI httpUrl() {
    if (runtime.httpPort() < 0) {
      throw new IllegalStateException("this simulator has no HTTP listener; use httpsUrl()");
    }
    return URI.create("http://" + host + ":" + runtime.httpPort());
  }

  /**
   * Same as {@link #httpUrl()}: the plain HTTP base URL, the simplest one for tests.
   *
   * @return the URL without {@code /api2/json}
   */
  public URI baseUrl() {
    return httpUrl();
  }

  /**
   * A client for this simulator as a test would make it: over HTTPS with the simulator's
   * certificate pinned, logged in with the default user and password. The caller closes it.
   *
   * @return a new client
   */
  public ProxmoxClient newClient() {
    return ProxmoxClient.builder()
        .baseUrl(httpsUrl().toString())
        .pinnedFingerprint(fingerprint())
        .authentication(Authentication.password(username(), Secret.of(password())))
        .build();
  }

  /**
   * The SHA-256 fingerprint of the HTTPS certificate in the form the Proxmox UI shows.
   *
   * @return for example {@code 3F:A1:...} (32 upper-case hex pairs)
   */
  public String fingerprint() {
    return runtime.certificate().fingerprint();
  }

  /**
   * The HTTPS certificate as PEM, for clients that trust a CA file.
   *
   * @return the PEM text
   */
  public String certificatePem() {
    return runtime.certificate().pem();
  }

  /**
   * The HTTPS certificate.
   *
   * @return the self-signed certificate
   */
  public X509Certificate certificate() {
    return runtime.certificate().certificate();
  }

  /**
   * The HTTPS port.
   *
   * @return the port
   */
  public int httpsPort() {
    return runtime.httpsPort();
  }

  /**
   * The HTTP port.
   *
   * @return the port, or -1 without an HTTP listener
   */
  public int httpPort() {
    return runtime.httpPort();
  }

  /**
   * The user to log in as, {@code root@pam} unless the builder set another.
   *
   * @return the user id
   */
  public String username() {
    return user;
  }

  /**
   * The login user's password.
   *
   * @return the password
   */
  public String password() {
    return password;
  }

  /**
   * The line the standalone simulator prints when it is ready.
   *
   * @return {@code listening on https://HOST:PORT fingerprint AA:BB:...}
   */
  public String listeningLine() {
    return "listening on " + httpsUrl() + " fingerprint " + fingerprint();
  }

  /**
   * Adds a fault rule while running.
   *
   * @param rule the rule
   */
  public void addFault(FaultRule rule) {
    runtime.addFault(rule);
  }

  /** Removes every fault rule. */
  public void clearFaults() {
    runtime.clearFaults();
  }

  /**
   * The active fault rules.
   *
   * @return the rules, in the order they were added
   */
  public List<FaultRule> faults() {
    return runtime.faults();
  }

  /** Invalidates every ticket and CSRF token issued so far; clients must log in again. */
  public void expireTickets() {
    runtime.auth().rotateKey();
  }

  /**
   * Moves the simulator's clock forward, for example past the two-hour ticket lifetime.
   *
   * @param duration how far
   */
  public void advanceClock(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("advanceClock: " + duration + " is negative");
    }
    runtime.world().clock().advance(duration);
  }

  /**
   * The simulator's current time (its clock plus any {@link #advanceClock} offset).
   *
   * @return now
   */
  public Instant now() {
    return runtime.world().clock().now();
  }

  /**
   * The VMIDs of all VMs, templates and containers.
   *
   * @return the ids, ascending
   */
  public Set<VmId> vmIds() {
    World world = runtime.world();
    synchronized (world) {
      Set<VmId> ids = new TreeSet<>();
      world.guests().keySet().forEach(id -> ids.add(VmId.of(id)));
      return ids;
    }
  }

  /**
   * A guest's power state.
   *
   * @param vmid the guest
   * @return {@code running} or {@code stopped}, empty when there is no such guest
   */
  public Optional<String> guestStatus(VmId vmid) {
    World world = runtime.world();
    synchronized (world) {
      Guest guest = world.guests().get(vmid.value());
      return guest == null ? Optional.empty() : Optional.of(guest.status());
    }
  }

  /**
   * A guest's config as PVE stores it.
   *
   * @param vmid the guest
   * @return a copy of the config, empty when there is no such guest
   */
  public Map<String, String> guestConfig(VmId vmid) {
    World world = runtime.world();
    synchronized (world) {
      Guest guest = world.guests().get(vmid.value());
      return guest == null ? Map.of() : new LinkedHashMap<>(guest.config());
    }
  }

  /**
   * Keeps every task running until {@link #resumeTasks()}, to test what clients do while a task
   * runs (polling, config locks, concurrent changes).
   */
  public void pauseTasks() {
    runtime.tasks().pause();
  }

  /** Lets tasks held by {@link #pauseTasks()} finish, and new ones run normally. */
  public void resumeTasks() {
    runtime.tasks().resume();
  }

  /**
   * The UPIDs of all tasks, oldest first.
   *
   * @return the UPIDs
   */
  public List<String> taskUpids() {
    World world = runtime.world();
    synchronized (world) {
      return new ArrayList<>(world.tasks().keySet());
    }
  }

  /**
   * How many tasks are still running.
   *
   * @return the count
   */
  public int runningTasks() {
    World world = runtime.world();
    synchronized (world) {
      return (int) world.tasks().values().stream().filter(TaskRecord::running).count();
    }
  }

  /**
   * Waits until no task runs.
   *
   * @param timeout the longest wait
   * @return true when idle, false when tasks still run after {@code timeout}
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (runningTasks() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "ProxmoxSimulator[" + httpsUrl() + ", user " + user + "]";
  }

  static RuntimeConfig config(
      InetAddress bind,
      int httpsPort,
      int httpPort,
      List<RuntimeConfig.User> users,
      List<RuntimeConfig.Token> tokens,
      List<RuntimeConfig.AclEntry> acls,
      InventorySpec inventory,
      List<FaultRule> faults,
      long seed,
      Clock clock,
      Duration taskDuration,
      String version,
      Duration authFailureDelay,
      boolean compression) {
    return new RuntimeConfig(
        bind,
        httpsPort,
        httpPort,
        List.copyOf(users),
        List.copyOf(tokens),
        List.copyOf(acls),
        inventory,
        List.copyOf(faults),
        seed,
        clock,
        taskDuration,
        version,
        authFailureDelay,
        compression);
  }
}
