package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code /nodes/{node}/qemu/{vmid}}: one VM's config, power state, disks, clone and delete. */
public final class QemuVm {
  private static final String BASE = "/nodes/{node}/qemu/{vmid}";
  private static final Pattern SIZE = Pattern.compile("\\+?\\d+(\\.\\d+)?[KMGT]?");

  private final Transport transport;
  private final NodeName node;
  private final VmId vmid;

  QemuVm(Transport transport, NodeName node, VmId vmid) {
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
    return transport.decode(at(call), d -> Task.from(transport, d, what + " VM " + vmid));
  }

  /** {@code GET .../config}: the pending-free current config. */
  public QemuConfig config() {
    return ImmutableQemuConfig.of(
        transport.decode(at(ApiCall.get(BASE + "/config")), Decode::config));
  }

  /**
   * {@code PUT .../config}: applies the change synchronously (fast settings). Returns when done.
   */
  public void updateConfig(ConfigUpdate update) {
    transport.call(at(ApiCall.put(BASE + "/config")).params(update.params()));
  }

  /**
   * {@code POST .../config}: applies the change in a task, for changes that allocate disks or take
   * long (the synchronous PUT could time out).
   */
  public Task updateConfigAsync(ConfigUpdate update) {
    return task("update config of", ApiCall.post(BASE + "/config").params(update.params()));
  }

  /** {@code GET .../status/current}. */
  public GuestSummary status() {
    return transport.decode(at(ApiCall.get(BASE + "/status/current")), Decode::guest);
  }

  /** {@code POST .../status/start}. */
  public Task start() {
    return task("start", ApiCall.post(BASE + "/status/start"));
  }

  /** {@code POST .../status/stop}: immediate stop, like pulling the plug. */
  public Task stop() {
    return task("stop", ApiCall.post(BASE + "/status/stop"));
  }

  /** {@code POST .../status/shutdown}: ACPI shutdown with PVE's default timeout. */
  public Task shutdown() {
    return task("shut down", ApiCall.post(BASE + "/status/shutdown"));
  }

  /**
   * {@code POST .../status/shutdown} with a timeout, and whether to stop the VM when it expires.
   */
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

  /** {@code POST .../status/suspend}: pauses the VM in memory. */
  public Task suspend() {
    return task("suspend", ApiCall.post(BASE + "/status/suspend"));
  }

  /**
   * {@code POST .../status/suspend} with {@code todisk=1}: hibernates the VM (its RAM goes to a
   * state volume).
   *
   * @param stateStorage where the RAM state goes, or null for PVE's choice
   * @return the task
   */
  public Task hibernate(StorageId stateStorage) {
    return task(
        "hibernate",
        ApiCall.post(BASE + "/status/suspend")
            .param("todisk", true)
            .param("statestorage", stateStorage));
  }

  /** {@code POST .../status/resume}: continues a suspended VM. */
  public Task resume() {
    return task("resume", ApiCall.post(BASE + "/status/resume"));
  }

  /** {@code POST .../status/reset}: a hard reset, like pressing the reset button. */
  public Task reset() {
    return task("reset", ApiCall.post(BASE + "/status/reset"));
  }

  /** {@code GET .../pending}: every key with its current and pending value. */
  public List<PendingChange> pending() {
    return transport.decode(at(ApiCall.get(BASE + "/pending")), Ergonomics::pending);
  }

  /** Cloud-init of this VM: its values, regeneration, the generated files, the drive. */
  public QemuCloudInit cloudInit() {
    return new QemuCloudInit(transport, node, vmid, this);
  }

  /** The QEMU guest agent of this VM. */
  public QemuAgent agent() {
    return new QemuAgent(transport, node, vmid);
  }

  /** Snapshots of this VM. */
  public Snapshots snapshots() {
    return new Snapshots(transport, node, vmid, Snapshots.Kind.QEMU);
  }

  /** Migration of this VM to another node. */
  public QemuMigration migration() {
    return new QemuMigration(transport, node, vmid);
  }

  /**
   * {@code POST .../move_disk}: moves a disk to another storage.
   *
   * @param disk the disk key, e.g. {@code scsi0}
   * @param storage the target storage
   * @param deleteSource remove the source volume afterwards (otherwise it stays as {@code unusedN})
   * @return the task
   */
  public Task moveDisk(String disk, StorageId storage, boolean deleteSource) {
    return task(
        "move disk of",
        ApiCall.post(BASE + "/move_disk")
            .param("disk", disk)
            .param("storage", storage)
            .param("delete", deleteSource));
  }

  /**
   * {@code PUT .../unlink}: removes disks from the config and destroys their volumes.
   *
   * @param disks the disk keys, e.g. {@code unused0}
   * @param force also destroy volumes of used disks, not only of {@code unusedN}
   */
  public void unlink(List<String> disks, boolean force) {
    if (disks.isEmpty()) {
      throw new IllegalArgumentException("disks: name at least one disk key to unlink");
    }
    transport.call(
        at(ApiCall.put(BASE + "/unlink"))
            .param("idlist", String.join(",", disks))
            .param("force", force));
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
   * Opens the VM's text console: {@link #termProxy()}, the {@code vncwebsocket} upgrade and the
   * terminal login. QEMU attaches it to the first {@code serialN: socket} port of the config.
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
   * Opens the VM's VNC console: {@link #vncProxy()} and the {@code vncwebsocket} upgrade; the
   * session carries raw RFB.
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

  /** The firewall of this VM. */
  public GuestFirewall firewall() {
    return new GuestFirewall(transport, node, vmid, Snapshots.Kind.QEMU);
  }

  /** {@code POST .../clone}: full copy or linked clone, possibly to another node. */
  public Task clone(CloneRequest request) {
    return task("clone", ApiCall.post(BASE + "/clone").params(request.params()));
  }

  /**
   * {@code PUT .../resize}: grows a disk.
   *
   * @param disk the disk key, e.g. {@code scsi0}
   * @param size the new size ({@code 64G}) or an increment ({@code +10G})
   * @return the resize task (PVE 8+); empty when the server finished synchronously (7.x)
   */
  public Optional<Task> resizeDisk(String disk, String size) {
    if (!SIZE.matcher(size).matches()) {
      throw new IllegalArgumentException(
          "size: '" + size + "' is not a size like 64G or an increment like +10G");
    }
    return transport.decode(
        at(ApiCall.put(BASE + "/resize")).param("disk", disk).param("size", size),
        data ->
            data.isTextual()
                ? Optional.of(Task.from(transport, data, "resize"))
                : Optional.empty());
  }

  /**
   * {@code POST .../template}: turns the (stopped) VM into a template.
   *
   * @return the task (PVE 8+); empty when the server finished synchronously
   */
  public Optional<Task> convertToTemplate() {
    return transport.decode(
        at(ApiCall.post(BASE + "/template")),
        data ->
            data.isTextual()
                ? Optional.of(Task.from(transport, data, "template"))
                : Optional.empty());
  }

  /**
   * {@code DELETE /nodes/{node}/qemu/{vmid}}: destroys the (stopped) VM and its disks.
   *
   * @param purge also remove it from backup jobs, replication and HA
   * @param destroyUnreferencedDisks also destroy disks on enabled storages that carry its VMID but
   *     are not in its config
   * @return the task
   */
  public Task delete(boolean purge, boolean destroyUnreferencedDisks) {
    return task(
        "delete",
        ApiCall.delete(BASE)
            .param("purge", purge)
            .param("destroy-unreferenced-disks", destroyUnreferencedDisks));
  }

  /**
   * {@code GET .../agent/network-get-interfaces}: addresses as the guest agent reports them. Fails
   * with a 500 {@code QEMU guest agent is not running} when the agent is not up.
   */
  public List<GuestInterface> agentNetworkInterfaces() {
    return transport.decode(
        at(ApiCall.get(BASE + "/agent/network-get-interfaces")), Decode::agentInterfaces);
  }
}
