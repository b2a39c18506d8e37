package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code /nodes/{node}/lxc/{vmid}}: one container's config, power state, interfaces and delete. */
public final class LxcContainer {
  private static final String BASE = "/nodes/{node}/lxc/{vmid}";

  private final Transport transport;
  private final NodeName node;
  private final VmId vmid;

  LxcContainer(Transport transport, NodeName node, VmId vmid) {
    this.transport = transport;
    this.node = node;
    this.vmid = vmid;
  }

  public VmId vmid() {
    return vmid;
  }

  public NodeName node() {
    return node;
  }

  private ApiCall at(ApiCall call) {
    return call.path("node", node).path("vmid", vmid);
  }

  private Task task(String what, ApiCall call) {
    return transport.decode(at(call), d -> Task.from(transport, d, what + " CT " + vmid));
  }

  /** {@code GET .../config}. */
  public LxcConfig config() {
    return ImmutableLxcConfig.of(
        transport.decode(at(ApiCall.get(BASE + "/config")), Decode::config));
  }

  /** {@code PUT .../config}: applies the change synchronously (LXC has no asynchronous variant). */
  public void updateConfig(ConfigUpdate update) {
    transport.call(at(ApiCall.put(BASE + "/config")).params(update.params()));
  }

  /** {@code GET .../status/current}. */
  public GuestSummary status() {
    return transport.decode(at(ApiCall.get(BASE + "/status/current")), Decode::guest);
  }

  /** {@code POST .../status/start}. */
  public Task start() {
    return task("start", ApiCall.post(BASE + "/status/start"));
  }

  /** {@code POST .../status/stop}: immediate stop. */
  public Task stop() {
    return task("stop", ApiCall.post(BASE + "/status/stop"));
  }

  /** {@code POST .../status/shutdown}: clean shutdown with PVE's default timeout. */
  public Task shutdown() {
    return task("shut down", ApiCall.post(BASE + "/status/shutdown"));
  }

  /** {@code POST .../status/shutdown} with a timeout, and whether to stop when it expires. */
  public Task shutdown(Duration timeout, boolean forceStop) {
    return task(
        "shut down",
        ApiCall.post(BASE + "/status/shutdown")
            .param("timeout", timeout.toSeconds())
            .param("forceStop", forceStop));
  }

  /** {@code POST .../status/reboot}. */
  public Task reboot() {
    return task("reboot", ApiCall.post(BASE + "/status/reboot"));
  }

  /** {@code POST .../status/suspend}: freezes the container (CRIU, experimental in PVE). */
  public Task suspend() {
    return task("suspend", ApiCall.post(BASE + "/status/suspend"));
  }

  /** {@code POST .../status/resume}. */
  public Task resume() {
    return task("resume", ApiCall.post(BASE + "/status/resume"));
  }

  /**
   * {@code PUT .../resize}: grows a volume.
   *
   * @param disk {@code rootfs} or {@code mpN}
   * @param size the new size ({@code 16G}) or an increment ({@code +4G})
   * @return the task
   */
  public Task resize(String disk, String size) {
    if (!size.matches("\\+?\\d+(\\.\\d+)?[KMGT]?")) {
      throw new IllegalArgumentException(
          "size: '" + size + "' is not a size like 16G or an increment like +4G");
    }
    return task("resize", ApiCall.put(BASE + "/resize").param("disk", disk).param("size", size));
  }

  /**
   * {@code POST .../clone}: the request's {@code name} becomes the clone's {@code hostname}; {@code
   * format} does not apply to containers.
   *
   * @param request new id, hostname, full copy, target node, storage, pool, snapshot, bwlimit
   * @return the task
   */
  public Task clone(CloneRequest request) {
    java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
    request
        .params()
        .forEach(
            (k, v) -> {
              if (k.equals("format")) {
                throw new IllegalArgumentException(
                    "format: containers cannot choose a disk format");
              }
              params.put(k.equals("name") ? "hostname" : k, v);
            });
    return task("clone", ApiCall.post(BASE + "/clone").params(params));
  }

  /** {@code POST .../template}: turns the (stopped) container into a template. */
  public Optional<Task> convertToTemplate() {
    return transport.decode(
        at(ApiCall.post(BASE + "/template")),
        d -> Ergonomics.optionalTask(transport, d, "template CT " + vmid));
  }

  /** {@code GET .../pending}: every key with its current and pending value. */
  public List<PendingChange> pending() {
    return transport.decode(at(ApiCall.get(BASE + "/pending")), Ergonomics::pending);
  }

  /**
   * {@code POST .../move_volume}: moves a volume to another storage.
   *
   * @param volume {@code rootfs}, {@code mpN} or {@code unusedN}
   * @param storage the target storage
   * @param deleteSource remove the source volume afterwards
   * @return the task
   */
  public Task moveVolume(String volume, StorageId storage, boolean deleteSource) {
    return task(
        "move volume of",
        ApiCall.post(BASE + "/move_volume")
            .param("volume", volume)
            .param("storage", storage)
            .param("delete", deleteSource));
  }

  /** Snapshots of this container. */
  public Snapshots snapshots() {
    return new Snapshots(transport, node, vmid, Snapshots.Kind.LXC);
  }

  /**
   * {@code POST .../migrate}: moves the container to another node.
   *
   * @param target the node
   * @param restart a running container is stopped, moved and started again (required when it runs)
   * @return the {@code vzmigrate} task
   */
  public Task migrate(NodeName target, boolean restart) {
    if (target.equals(node)) {
      throw new IllegalArgumentException(
          "target: CT " + vmid + " is already on " + node + "; name another node");
    }
    return task(
        "migrate",
        ApiCall.post(BASE + "/migrate").param("target", target).param("restart", restart));
  }

  /**
   * {@code POST .../vncproxy} with {@code websocket=1}: a VNC console proxy for {@code
   * vncwebsocket}.
   *
   * @return the ticket and port
   */
  public ConsoleTicket vncProxy() {
    return transport.decode(
        at(ApiCall.post(BASE + "/vncproxy")).param("websocket", true), Observing::console);
  }

  /**
   * {@code POST .../termproxy}: a text console (serial or {@code pct enter}) proxy for {@code
   * vncwebsocket}.
   *
   * @return the ticket and port
   */
  public ConsoleTicket termProxy() {
    return transport.decode(at(ApiCall.post(BASE + "/termproxy")), Observing::console);
  }

  /**
   * Opens the container's text console: {@link #termProxy()}, the {@code vncwebsocket} upgrade and
   * the terminal login.
   *
   * @return the open session; close it to end the proxy's task
   */
  public ConsoleSession openTerminal() {
    return ConsoleSession.open(
        transport,
        at(ApiCall.get(BASE + "/vncwebsocket")),
        termProxy(),
        ConsoleSession.Kind.TERMINAL);
  }

  /**
   * Opens the container's VNC console: {@link #vncProxy()} and the {@code vncwebsocket} upgrade;
   * the session carries raw RFB.
   *
   * @return the open session; close it to end the proxy's task
   */
  public ConsoleSession openVnc() {
    return ConsoleSession.open(
        transport, at(ApiCall.get(BASE + "/vncwebsocket")), vncProxy(), ConsoleSession.Kind.VNC);
  }

  /**
   * {@code GET .../rrddata}: CPU, memory, disk and network samples.
   *
   * @param timeframe how far back ({@code DECADE} is for nodes only)
   * @param consolidation average or maximum per step
   * @return the samples, oldest first
   */
  public List<RrdPoint> rrdData(
      RrdPoint.Timeframe timeframe, RrdPoint.Consolidation consolidation) {
    if (timeframe == RrdPoint.Timeframe.DECADE) {
      throw new IllegalArgumentException("timeframe: DECADE is for nodes only; use YEAR");
    }
    return Observing.rrd(transport, at(ApiCall.get(BASE + "/rrddata")), timeframe, consolidation);
  }

  /** The firewall of this container. */
  public GuestFirewall firewall() {
    return new GuestFirewall(transport, node, vmid, Snapshots.Kind.LXC);
  }

  /**
   * {@code DELETE /nodes/{node}/lxc/{vmid}}.
   *
   * @param purge also remove it from backup jobs, replication and HA
   * @param destroyUnreferencedDisks also destroy volumes carrying its VMID that are not in its
   *     config
   * @param force destroy even if running
   * @return the task
   */
  public Task delete(boolean purge, boolean destroyUnreferencedDisks, boolean force) {
    return task(
        "delete",
        ApiCall.delete(BASE)
            .param("purge", purge)
            .param("destroy-unreferenced-disks", destroyUnreferencedDisks)
            .param("force", force));
  }

  /** {@code GET .../interfaces}: addresses of a running container. */
  public List<GuestInterface> interfaces() {
    return transport.decode(at(ApiCall.get(BASE + "/interfaces")), Decode::lxcInterfaces);
  }
}
