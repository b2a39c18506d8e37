package io.pvekit.lxc;

import io.pvekit.lxc.internal.proxmox.ProxmoxEngine;
import io.pvekit.lxc.internal.runtime.ContainerEngine;
import io.pvekit.lxc.internal.runtime.ContainerId;
import io.pvekit.lxc.internal.runtime.LocalBackend;
import io.pvekit.lxc.internal.runtime.Signals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs OCI bundles as LXC containers on this host through liblxc, with the OCI lifecycle: {@link
 * #create} sets the container up and leaves the user process waiting, {@link #start} releases it,
 * {@link #delete} removes everything. The same engine is behind the {@code proxmox-lxcri} command.
 *
 * <pre>{@code
 * LxcRuntime runtime = LxcRuntime.builder().root(Path.of("/run/my-operator/lxc")).build();
 * runtime.create("web-1", Path.of("/var/lib/bundles/web-1"));   // state CREATED
 * runtime.start("web-1");                                       // state RUNNING
 * runtime.kill("web-1", "TERM", false);
 * runtime.awaitExit("web-1", Duration.ofSeconds(10));           // the exit status
 * runtime.delete("web-1", false);                               // nothing left behind
 * }</pre>
 *
 * <p>Thread-safe; containers are independent. Needs root, liblxc 5 and the {@code lxc-start} binary
 * (Debian package {@code lxc}).
 */
public final class LxcRuntime {
  private final ContainerEngine engine;

  private LxcRuntime(Builder builder) {
    this.engine =
        builder.proxmox == null
            ? new LocalBackend(
                builder.root,
                builder.lxcStart,
                builder.timeout,
                builder.hookRunner,
                builder.detachSupervisors,
                Optional.ofNullable(builder.initHelper))
            : new ProxmoxEngine(builder.root, builder.proxmox);
  }

  /**
   * A builder with the defaults of {@code proxmox-lxcri}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The state root: one directory per container, also liblxc's lxcpath. */
  public Path root() {
    return engine.root();
  }

  /**
   * Creates a container from an OCI bundle: translates its config.json, sets up namespaces,
   * cgroups, mounts and network through liblxc and holds the user process before it runs.
   *
   * @param id the container id ({@code [A-Za-z0-9_.-]})
   * @param bundle the bundle directory (config.json and the rootfs)
   * @return the state, {@link ContainerStatus#CREATED}
   * @throws UnsupportedOciFeatureException when config.json asks for what LXC cannot do
   * @throws ContainerExistsException when the id is taken
   * @throws LxcRuntimeException with liblxc's log when the setup fails (nothing is left behind)
   */
  public ContainerState create(String id, Path bundle) {
    return engine.create(ContainerId.of(id), bundle);
  }

  /**
   * Creates a container whose process has a terminal ({@code process.terminal: true}): its console
   * is a new pty whose master is sent to {@code consoleSocket} as runc's {@code --console-socket}
   * does (SCM_RIGHTS, the pty's path as the message) once the container is set up. Needs {@link
   * Builder#initHelper}.
   *
   * @param id the container id
   * @param bundle the bundle directory
   * @param consoleSocket a unix socket someone listens on
   * @return the state, {@link ContainerStatus#CREATED}
   * @throws LxcRuntimeException when the terminal cannot be set up (nothing is left behind)
   */
  public ContainerState create(String id, Path bundle, Path consoleSocket) {
    return engine.create(ContainerId.of(id), bundle, consoleSocket);
  }

  /**
   * Lets a created container's user process run.
   *
   * @param id the container
   * @return the state, {@link ContainerStatus#RUNNING}
   */
  public ContainerState start(String id) {
    return engine.start(ContainerId.of(id));
  }

  /**
   * The container's current state.
   *
   * @param id the container
   * @return its state
   * @throws ContainerNotFoundException when it does not exist
   */
  public ContainerState state(String id) {
    return engine.state(ContainerId.of(id));
  }

  /** The states of all containers under the root, by id. */
  public List<ContainerState> list() {
    List<ContainerState> states = new ArrayList<>();
    for (String id : engine.list()) {
      try {
        states.add(engine.state(ContainerId.of(id)));
      } catch (ContainerNotFoundException e) {
        // deleted while listing
      }
    }
    return states;
  }

  /**
   * Sends a signal to the container's init, or with {@code all} to every process in it.
   *
   * @param id the container
   * @param signal a name ("TERM", "SIGKILL") or number
   * @param all whether to signal every process of the container
   */
  public void kill(String id, String signal, boolean all) {
    engine.kill(ContainerId.of(id), Signals.parse(signal), all);
  }

  /**
   * Removes a container. A running or paused one needs {@code force} (it is killed first); a
   * created one is aborted.
   *
   * @param id the container
   * @param force kill it if it still runs; succeed if it does not exist
   */
  public void delete(String id, boolean force) {
    engine.delete(ContainerId.of(id), force);
  }

  /**
   * Runs a process in a running container with this JVM's stdin, stdout and stderr.
   *
   * @param id the container
   * @param spec what to run
   * @return the started process (a child of this JVM)
   */
  public ExecProcess exec(String id, ExecSpec spec) {
    return engine.exec(ContainerId.of(id), spec);
  }

  /** Freezes every process of a running container. */
  public void pause(String id) {
    engine.pause(ContainerId.of(id));
  }

  /** Thaws a paused container. */
  public void resume(String id) {
    engine.resume(ContainerId.of(id));
  }

  /** The host PIDs of the container's processes. */
  public List<Long> pids(String id) {
    return engine.pids(ContainerId.of(id));
  }

  /** Changes the cgroup limits of a created, running or paused container. */
  public void update(String id, ResourceLimits limits) {
    engine.update(ContainerId.of(id), limits);
  }

  /**
   * Waits for the user process of a container to end (also one another process created).
   *
   * @param id the container
   * @param wait how long to wait
   * @return its exit status (or 128 + signal; 255 when its supervisor was killed); empty on
   *     timeout, when the container does not exist, or with the Proxmox backend (Proxmox VE reports
   *     no exit status)
   * @throws InterruptedException when interrupted while waiting
   */
  public Optional<Integer> awaitExit(String id, Duration wait) throws InterruptedException {
    return engine.awaitExit(ContainerId.of(id), wait);
  }

  /** Configures an {@link LxcRuntime}. */
  public static final class Builder {
    private Path root = Path.of("/run/proxmox-lxcri");
    private Path lxcStart = Path.of("/usr/bin/lxc-start");
    private Duration timeout = Duration.ofSeconds(30);
    private List<String> hookRunner = List.of();
    private ProxmoxBackend proxmox;
    private boolean detachSupervisors;
    private Path initHelper;

    private Builder() {}

    /**
     * The static init helper ({@code proxmox-lxcri-init}, built from src/main/c/init.c next to the
     * jar). It is bound into the container's /dev and runs in front of the container's process: it
     * checks from inside that the process starts in the working directory the runtime resolved (a
     * defence in depth against working directories that lead to the host, CVE-2024-21626), and it
     * makes the console the controlling terminal of a process with {@code process.terminal}.
     * Without it, the translator's checks of the working directory stand alone, and bundles with
     * {@code process.terminal} are refused.
     *
     * @param helper the helper binary
     * @return this builder
     */
    public Builder initHelper(Path helper) {
      this.initHelper = Objects.requireNonNull(helper, "helper");
      return this;
    }

    /**
     * Whether each container's supervisor (the process whose exit status is the container's) is
     * started in the background instead of as a child of this JVM; off by default. Turn it on in a
     * process that exits soon after {@link #create}, such as a command-line tool: a JVM waits up to
     * 300 ms at exit while a child it started is still running. {@link #awaitExit} then reads the
     * status the supervisor leaves in the state directory; the supervisor is reaped by the nearest
     * subreaper (containerd's shim) or by init, so do not turn it on in a JVM that runs as PID 1
     * without an init.
     *
     * @param detach true for short-lived callers
     * @return this builder
     */
    public Builder detachSupervisors(boolean detach) {
      this.detachSupervisors = detach;
      return this;
    }

    /**
     * Creates the containers in Proxmox VE instead of on this host (exec, pause, resume, ps and
     * update are then refused). The state root still holds one record per container.
     *
     * @param backend the Proxmox client, node and storages
     * @return this builder
     */
    public Builder proxmox(ProxmoxBackend backend) {
      this.proxmox = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /**
     * The state root; {@code /run/proxmox-lxcri} by default (runc's is /run/runc).
     *
     * @param root a directory on a local file system, tmpfs preferred
     * @return this builder
     */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root");
      return this;
    }

    /**
     * The {@code lxc-start} binary that becomes liblxc's monitor; {@code /usr/bin/lxc-start}.
     *
     * @param lxcStart the binary
     * @return this builder
     */
    public Builder lxcStart(Path lxcStart) {
      this.lxcStart = Objects.requireNonNull(lxcStart, "lxcStart");
      return this;
    }

    /**
     * How long create, start and delete wait for liblxc; 30 seconds by default.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The command LXC hooks run to execute the bundle's prestart, createRuntime and createContainer
     * hooks, e.g. {@code ["/usr/local/bin/proxmox-lxcri", "hook"]}; without it a bundle with such
     * hooks is refused.
     *
     * @param hookRunner an argv prefix
     * @return this builder
     */
    public Builder hookRunner(List<String> hookRunner) {
      this.hookRunner = List.copyOf(hookRunner);
      return this;
    }

    /**
     * Builds the runtime.
     *
     * @return the runtime
     */
    public LxcRuntime build() {
      return new LxcRuntime(this);
    }
  }
}
