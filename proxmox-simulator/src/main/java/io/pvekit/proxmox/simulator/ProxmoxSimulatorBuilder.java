package io.pvekit.proxmox.simulator;

import io.pvekit.proxmox.simulator.internal.runtime.InventorySpec;
import io.pvekit.proxmox.simulator.internal.runtime.RuntimeConfig;
import io.pvekit.proxmox.simulator.internal.state.TokenIds;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Configures a {@link ProxmoxSimulator}: ports, users and tokens, the initial inventory, faults,
 * the clock. Without changes it starts PVE's usual single-node setup on free loopback ports: node
 * {@code pve1} (16 CPUs, 64 GiB), storages {@code local} (dir, 100 GiB: ISOs, container templates,
 * backups) and {@code local-lvm} (LVM-thin, 500 GiB: disks), bridge {@code vmbr0}, the QEMU
 * template 9000 ({@code debian-12-template}, 2 GiB, 4 GiB disk), a Debian container template and
 * ISO on {@code local}, and {@code root@pam} with {@link ProxmoxSimulator#DEFAULT_PASSWORD}.
 */
public final class ProxmoxSimulatorBuilder {
  private InetAddress bindAddress = InetAddress.getLoopbackAddress();
  private int httpsPort;
  private int httpPort;
  private String user = ProxmoxSimulator.DEFAULT_USER;
  private String password = ProxmoxSimulator.DEFAULT_PASSWORD;
  private final List<RuntimeConfig.User> users = new ArrayList<>();
  private final List<RuntimeConfig.Token> tokens = new ArrayList<>();
  private final List<RuntimeConfig.AclEntry> acls = new ArrayList<>();
  private InventorySpec inventory = InventorySpec.defaults();
  private Duration agentBootDelay = Duration.ZERO;
  private int agentBootCalls;
  private final List<FaultRule> faults = new ArrayList<>();
  private long seed;
  private Clock clock = Clock.systemUTC();
  private Duration taskDuration = Duration.ofMillis(100);
  private String pveVersion = ProxmoxSimulator.PVE_VERSION;
  private Duration authFailureDelay = Duration.ZERO;
  private boolean compression = true;

  ProxmoxSimulatorBuilder() {}

  /**
   * The HTTPS port (PVE uses 8006); 0, the default, picks a free one.
   *
   * @param port the port
   * @return this builder
   */
  public ProxmoxSimulatorBuilder port(int port) {
    this.httpsPort = checkPort(port, "port");
    return this;
  }

  /**
   * The plain HTTP port; 0, the default, picks a free one, -1 turns HTTP off.
   *
   * @param port the port
   * @return this builder
   */
  public ProxmoxSimulatorBuilder httpPort(int port) {
    this.httpPort = port == -1 ? -1 : checkPort(port, "httpPort");
    return this;
  }

  /**
   * The address to listen on (loopback unless set).
   *
   * @param address the address
   * @return this builder
   */
  public ProxmoxSimulatorBuilder bindAddress(InetAddress address) {
    this.bindAddress = Objects.requireNonNull(address, "address");
    return this;
  }

  /**
   * The login user and its password. {@code root@pam} has every privilege; any other user gets only
   * what {@link #acl} grants.
   *
   * @param userid {@code user@realm}
   * @param password the password
   * @return this builder
   */
  public ProxmoxSimulatorBuilder user(String userid, String password) {
    this.user = checkUser(userid);
    this.password = Objects.requireNonNull(password, "password");
    return this;
  }

  /**
   * An additional user.
   *
   * @param userid {@code user@realm}
   * @param password the password
   * @return this builder
   */
  public ProxmoxSimulatorBuilder addUser(String userid, String password) {
    users.add(new RuntimeConfig.User(checkUser(userid), Objects.requireNonNull(password)));
    return this;
  }

  /**
   * An API token, used as {@code Authorization: PVEAPIToken=<tokenId>=<secret>}.
   *
   * @param tokenId {@code user@realm!name}; the user must exist
   * @param secret the token's secret (PVE uses a UUID)
   * @param privilegeSeparation true (PVE's default) to limit the token to the intersection of its
   *     user's privileges and its own ACLs
   * @return this builder
   */
  public ProxmoxSimulatorBuilder token(String tokenId, String secret, boolean privilegeSeparation) {
    TokenIds.check(tokenId);
    tokens.add(
        new RuntimeConfig.Token(tokenId, Objects.requireNonNull(secret), privilegeSeparation));
    return this;
  }

  /**
   * Grants a built-in role ({@code Administrator}, {@code PVEVMAdmin}, {@code PVEVMUser}, {@code
   * PVEAuditor}, {@code PVEDatastoreUser}, {@code PVETemplateUser}, {@code NoAccess}, ...) on an
   * ACL path to a user or token, propagating to sub-paths.
   *
   * @param path for example {@code /}, {@code /vms/100}, {@code /storage/local-lvm}, {@code
   *     /pool/dev}
   * @param subject {@code user@realm} or {@code user@realm!token}
   * @param role the role id
   * @return this builder
   */
  public ProxmoxSimulatorBuilder acl(String path, String subject, String role) {
    acls.add(new RuntimeConfig.AclEntry(path, subject, role, true));
    return this;
  }

  /**
   * Starts from an empty cluster instead of the default inventory; add at least one {@link #node}.
   *
   * @return this builder
   */
  public ProxmoxSimulatorBuilder emptyInventory() {
    inventory = new InventorySpec();
    return this;
  }

  /**
   * A node. The first node also hosts the guests added with this builder.
   *
   * @param name the node name
   * @param cpus its CPUs
   * @param memoryBytes its memory; starting guests beyond it fails as on a real host
   * @return this builder
   */
  public ProxmoxSimulatorBuilder node(String name, int cpus, long memoryBytes) {
    if (!name.matches("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?")) {
      throw new IllegalArgumentException("node name: '" + name + "' is not a valid node name");
    }
    inventory.nodes.add(new InventorySpec.NodeSpec(name, cpus, memoryBytes));
    return this;
  }

  /**
   * A storage present on every node, with its own capacity on each.
   *
   * @param id the storage id
   * @param type {@code dir}, {@code lvmthin}, {@code zfspool}, ...
   * @param capacityBytes its size
   * @param content what it holds: {@code images}, {@code rootdir}, {@code iso}, {@code vztmpl},
   *     {@code backup}, {@code import}
   * @return this builder
   */
  public ProxmoxSimulatorBuilder storage(
      String id, String type, long capacityBytes, String... content) {
    inventory.storages.add(new InventorySpec.StorageSpec(id, type, capacityBytes, Set.of(content)));
    return this;
  }

  /**
   * A file on a storage of every node: an ISO image ({@code iso}) or container template ({@code
   * vztmpl}).
   *
   * @param storage the storage id
   * @param content {@code iso} or {@code vztmpl}
   * @param filename the file name, for example {@code alpine-3.22-default_20250617_amd64.tar.xz}
   * @param sizeBytes its size
   * @return this builder
   */
  public ProxmoxSimulatorBuilder file(
      String storage, String content, String filename, long sizeBytes) {
    inventory.files.add(new InventorySpec.FileSpec(storage, content, filename, sizeBytes));
    return this;
  }

  /**
   * A QEMU template on the first node, with one disk on the first storage that holds images.
   *
   * @param vmid the VMID
   * @param name the template's name
   * @param memoryMib its memory
   * @param diskGib its disk
   * @return this builder
   */
  public ProxmoxSimulatorBuilder qemuTemplate(int vmid, String name, int memoryMib, int diskGib) {
    inventory.guests.add(
        new InventorySpec.GuestSpec(vmid, false, name, memoryMib, diskGib, true, false));
    return this;
  }

  /**
   * A QEMU VM on the first node.
   *
   * @param vmid the VMID
   * @param name the VM's name
   * @param memoryMib its memory
   * @param diskGib its disk
   * @param running whether it runs from the start
   * @return this builder
   */
  public ProxmoxSimulatorBuilder qemuVm(
      int vmid, String name, int memoryMib, int diskGib, boolean running) {
    inventory.guests.add(
        new InventorySpec.GuestSpec(vmid, false, name, memoryMib, diskGib, false, running));
    return this;
  }

  /**
   * An LXC container on the first node.
   *
   * @param vmid the VMID
   * @param hostname its host name
   * @param memoryMib its memory
   * @param diskGib its root file system
   * @param running whether it runs from the start
   * @return this builder
   */
  public ProxmoxSimulatorBuilder container(
      int vmid, String hostname, int memoryMib, int diskGib, boolean running) {
    inventory.guests.add(
        new InventorySpec.GuestSpec(vmid, true, hostname, memoryMib, diskGib, false, running));
    return this;
  }

  /**
   * An image the simulated registry offers to {@code query-oci-repo-tags} and {@code
   * oci-registry-pull} (PVE 9.1), besides the built-in alpine, nginx and postgres. The simulator
   * never reaches a network: only catalog images can be pulled.
   *
   * @param repository e.g. {@code ghcr.io/acme/api}, or a Docker Hub short name
   * @param tags its tags, as the registry lists them
   * @param entrypoint the command a container made from it runs as init
   * @param env its environment, {@code KEY=value} each
   * @return this builder
   */
  public ProxmoxSimulatorBuilder ociImage(
      String repository, List<String> tags, String entrypoint, List<String> env) {
    Objects.requireNonNull(repository, "repository");
    String last = repository.substring(repository.lastIndexOf('/') + 1);
    if (last.isBlank() || last.contains(":") || last.contains("@")) {
      throw new IllegalArgumentException(
          "ociImage repository: '" + repository + "' must be a repository without tag or digest");
    }
    if (tags.isEmpty()
        || tags.stream().anyMatch(t -> !t.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"))) {
      throw new IllegalArgumentException("ociImage tags: " + tags + " must be registry tags");
    }
    for (String variable : env) {
      if (variable.indexOf('=') < 1) {
        throw new IllegalArgumentException("ociImage env: '" + variable + "' must be KEY=value");
      }
    }
    inventory.ociImages.add(
        new InventorySpec.OciImageSpec(
            repository,
            List.copyOf(tags),
            Objects.requireNonNull(entrypoint, "entrypoint"),
            List.copyOf(env)));
    return this;
  }

  /**
   * A resource pool.
   *
   * @param poolId the pool id
   * @return this builder
   */
  public ProxmoxSimulatorBuilder pool(String poolId) {
    inventory.pools.add(poolId);
    return this;
  }

  /**
   * A fault active from the start (more can be added with {@link ProxmoxSimulator#addFault}).
   *
   * @param rule the rule
   * @return this builder
   */
  public ProxmoxSimulatorBuilder fault(FaultRule rule) {
    faults.add(Objects.requireNonNull(rule, "rule"));
    return this;
  }

  /**
   * Seeds every random choice: MAC addresses, PIDs, which requests a fault with a probability hits.
   * The default seed is 0, so runs are reproducible unless you change it.
   *
   * @param value the seed
   * @return this builder
   */
  public ProxmoxSimulatorBuilder seed(long value) {
    this.seed = value;
    return this;
  }

  /**
   * The clock behind tickets, task times and uptimes.
   *
   * @param value the clock
   * @return this builder
   */
  public ProxmoxSimulatorBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * How long every worker task runs before it finishes (100 ms unless set).
   *
   * @param duration the duration
   * @return this builder
   */
  public ProxmoxSimulatorBuilder taskDuration(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("taskDuration: " + duration + " is negative");
    }
    this.taskDuration = duration;
    return this;
  }

  /**
   * The PVE version to model: {@code /version} reports it, and from {@code 9.1.5} every ticket or
   * token failure answers {@code 401 Authentication failed!} as pve-manager does since then.
   *
   * @param version for example {@code 9.1.5}
   * @return this builder
   */
  public ProxmoxSimulatorBuilder pveVersion(String version) {
    if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
      throw new IllegalArgumentException("pveVersion: '" + version + "' is not like 9.1.3");
    }
    this.pveVersion = version;
    return this;
  }

  /**
   * Delays every 401 answer, as PVE does by 3 seconds (no delay unless set).
   *
   * @param delay the delay
   * @return this builder
   */
  public ProxmoxSimulatorBuilder authFailureDelay(Duration delay) {
    this.authFailureDelay = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /**
   * Whether bodies over 1 KiB are gzip-compressed for clients that accept it, as PVE does (on
   * unless set).
   *
   * @param enabled true to compress
   * @return this builder
   */
  public ProxmoxSimulatorBuilder compression(boolean enabled) {
    this.compression = enabled;
    return this;
  }

  /**
   * Loads an inventory file (YAML or JSON; format in the module README): nodes, storages, files,
   * templates, VMs, containers, pools, users, tokens, ACLs, agent boot time and fault rules.
   *
   * @param file the file
   * @return this builder
   */
  public ProxmoxSimulatorBuilder inventoryFile(java.nio.file.Path file) {
    io.pvekit.proxmox.simulator.internal.runtime.InventoryFile.apply(this, file);
    return this;
  }

  /**
   * Makes the QEMU guest agent of every VM unreachable after each start ({@code 500 QEMU guest
   * agent is not running}) until both the time on the simulator's clock and the number of agent
   * calls have passed, as while a real guest boots. Default: reachable at once.
   *
   * @param delay time since the start
   * @param failedCalls agent calls that fail first
   * @return this builder
   */
  public ProxmoxSimulatorBuilder agentBoot(Duration delay, int failedCalls) {
    if (delay.isNegative() || failedCalls < 0) {
      throw new IllegalArgumentException(
          "agentBoot: " + delay + " and " + failedCalls + " must not be negative");
    }
    agentBootDelay = delay;
    agentBootCalls = failedCalls;
    return this;
  }

  /**
   * Starts the simulator.
   *
   * @return the running simulator
   */
  public ProxmoxSimulator start() {
    List<RuntimeConfig.User> allUsers = new ArrayList<>();
    allUsers.add(new RuntimeConfig.User(user, password));
    if (!user.equals(ProxmoxSimulator.DEFAULT_USER)
        && users.stream().noneMatch(u -> u.userid().equals(ProxmoxSimulator.DEFAULT_USER))) {
      allUsers.add(
          new RuntimeConfig.User(ProxmoxSimulator.DEFAULT_USER, ProxmoxSimulator.DEFAULT_PASSWORD));
    }
    allUsers.addAll(users);
    if (!agentBootDelay.isZero() || agentBootCalls > 0) {
      inventory.agentBootDelay = agentBootDelay;
      inventory.agentBootCalls = agentBootCalls;
    }
    return ProxmoxSimulator.start(
        ProxmoxSimulator.config(
            bindAddress,
            httpsPort,
            httpPort,
            allUsers,
            tokens,
            acls,
            inventory,
            faults,
            seed,
            clock,
            taskDuration,
            pveVersion,
            authFailureDelay,
            compression),
        user,
        password);
  }

  private static int checkPort(int port, String name) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + ": " + port + " is not a TCP port (0-65535)");
    }
    return port;
  }

  private static String checkUser(String userid) {
    if (userid == null || !userid.matches("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+")) {
      throw new IllegalArgumentException("user: '" + userid + "' is not of the form user@realm");
    }
    return userid;
  }
}
