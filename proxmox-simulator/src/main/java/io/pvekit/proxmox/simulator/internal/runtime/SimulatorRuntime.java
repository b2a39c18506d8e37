package io.pvekit.proxmox.simulator.internal.runtime;

import io.pvekit.proxmox.simulator.FaultRule;
import io.pvekit.proxmox.simulator.internal.api.ApiDispatcher;
import io.pvekit.proxmox.simulator.internal.api.Auth;
import io.pvekit.proxmox.simulator.internal.api.FaultInjector;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.handlers.AccessAdminApi;
import io.pvekit.proxmox.simulator.internal.handlers.AccessApi;
import io.pvekit.proxmox.simulator.internal.handlers.AgentApi;
import io.pvekit.proxmox.simulator.internal.handlers.CloudInitApi;
import io.pvekit.proxmox.simulator.internal.handlers.ClusterApi;
import io.pvekit.proxmox.simulator.internal.handlers.ConsoleApi;
import io.pvekit.proxmox.simulator.internal.handlers.FirewallApi;
import io.pvekit.proxmox.simulator.internal.handlers.HaApi;
import io.pvekit.proxmox.simulator.internal.handlers.HaRulesApi;
import io.pvekit.proxmox.simulator.internal.handlers.LxcApi;
import io.pvekit.proxmox.simulator.internal.handlers.MigrateApi;
import io.pvekit.proxmox.simulator.internal.handlers.NodeApi;
import io.pvekit.proxmox.simulator.internal.handlers.OciApi;
import io.pvekit.proxmox.simulator.internal.handlers.OperationsApi;
import io.pvekit.proxmox.simulator.internal.handlers.PoolApi;
import io.pvekit.proxmox.simulator.internal.handlers.QemuApi;
import io.pvekit.proxmox.simulator.internal.handlers.QemuLifecycleApi;
import io.pvekit.proxmox.simulator.internal.handlers.SdnApi;
import io.pvekit.proxmox.simulator.internal.handlers.SnapshotApi;
import io.pvekit.proxmox.simulator.internal.handlers.StorageApi;
import io.pvekit.proxmox.simulator.internal.handlers.TaskApi;
import io.pvekit.proxmox.simulator.internal.handlers.VolumeApi;
import io.pvekit.proxmox.simulator.internal.http.SelfSignedCertificate;
import io.pvekit.proxmox.simulator.internal.http.WireServer;
import io.pvekit.proxmox.simulator.internal.state.SimClock;
import io.pvekit.proxmox.simulator.internal.state.TaskRunner;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;

/** A running simulator: state, request pipeline, HTTPS and HTTP listeners. */
public final class SimulatorRuntime implements AutoCloseable {
  /** The repository id {@code /version} reports (hex, as the schema demands). */
  public static final String REPOID = "5ab8a5e0";

  private final World world;
  private final TaskRunner tasks;
  private final Auth auth;
  private final FaultInjector faults;
  private final Router router = new Router();
  private final SelfSignedCertificate certificate;
  private final ExecutorService pool;
  private final WireServer https;
  private final WireServer http;

  private SimulatorRuntime(RuntimeConfig config) throws IOException {
    SimClock clock = new SimClock(config.clock());
    world = new World(clock, config.seed(), config.taskDuration(), "pvekit-sim");
    for (RuntimeConfig.User u : config.users()) {
      world.access().addUser(u.userid(), u.password());
    }
    for (RuntimeConfig.Token t : config.tokens()) {
      world.access().addToken(t.tokenId(), t.secret(), t.privsep());
    }
    for (RuntimeConfig.AclEntry a : config.acls()) {
      world.access().addAcl(a.path(), a.subject(), a.role(), a.propagate());
    }
    InventoryLoader.load(world, config.inventory());
    tasks = new TaskRunner(world);
    auth = new Auth(world.access(), clock, genericAuthFailures(config.pveVersion()));
    faults = new FaultInjector(config.seed());
    config.faults().forEach(faults::add);
    String firstNode = world.nodes().keySet().iterator().next();
    certificate = SelfSignedCertificate.generate(firstNode, List.copyOf(world.nodes().keySet()));
    ClusterApi.register(router, config.pveVersion(), REPOID);
    NodeApi.register(router, config.pveVersion(), certificate.fingerprint());
    StorageApi.register(router);
    QemuApi.register(router);
    QemuLifecycleApi.register(router);
    LxcApi.register(router);
    TaskApi.register(router);
    PoolApi.register(router);
    AccessApi.register(router, auth);
    AccessAdminApi.register(router);
    SnapshotApi.register(router);
    VolumeApi.register(router);
    MigrateApi.register(router);
    HaApi.register(router);
    AgentApi.register(router);
    ConsoleApi.register(router, certificate.pem());
    OperationsApi.register(router);
    CloudInitApi.register(router);
    OciApi.register(router);
    FirewallApi.register(router);
    SdnApi.register(router);
    HaRulesApi.register(router);
    ApiDispatcher dispatcher =
        new ApiDispatcher(world, tasks, router, auth, faults, config.authFailureDelay());
    AtomicInteger threads = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            0,
            512,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "pve-sim-conn-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    SSLServerSocket tls =
        (SSLServerSocket) certificate.sslContext().getServerSocketFactory().createServerSocket();
    bind(tls, config, config.httpsPort());
    https = new WireServer(tls, dispatcher, pool, true, config.compression());
    if (config.httpPort() >= 0) {
      ServerSocket plain = new ServerSocket();
      bind(plain, config, config.httpPort());
      http = new WireServer(plain, dispatcher, pool, false, config.compression());
    } else {
      http = null;
    }
  }

  /** Starts a simulator. */
  public static SimulatorRuntime start(RuntimeConfig config) {
    try {
      return new SimulatorRuntime(config);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the simulator's ports on " + config.bindAddress().getHostAddress(), e);
    }
  }

  private static void bind(ServerSocket socket, RuntimeConfig config, int port) throws IOException {
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(config.bindAddress(), port), 256);
  }

  /** Whether a PVE version answers every ticket and token failure with the 9.1.5 text. */
  static boolean genericAuthFailures(String version) {
    String[] parts = version.split("[.-]");
    int[] numbers = new int[3];
    for (int i = 0; i < 3 && i < parts.length; i++) {
      try {
        numbers[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        numbers[i] = 0;
      }
    }
    int[] threshold = {9, 1, 5};
    for (int i = 0; i < 3; i++) {
      if (numbers[i] != threshold[i]) {
        return numbers[i] > threshold[i];
      }
    }
    return true;
  }

  public World world() {
    return world;
  }

  public Router router() {
    return router;
  }

  public TaskRunner tasks() {
    return tasks;
  }

  public Auth auth() {
    return auth;
  }

  public SelfSignedCertificate certificate() {
    return certificate;
  }

  public int httpsPort() {
    return https.port();
  }

  /** The HTTP port, or -1 without a plain listener. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  /** Adds a fault rule while running. */
  public void addFault(FaultRule rule) {
    faults.add(rule);
  }

  /** Removes all fault rules. */
  public void clearFaults() {
    faults.clear();
  }

  /** The active fault rules. */
  public List<FaultRule> faults() {
    return faults.rules();
  }

  @Override
  public void close() {
    https.close();
    if (http != null) {
      http.close();
    }
    tasks.close();
    pool.shutdownNow();
  }
}
