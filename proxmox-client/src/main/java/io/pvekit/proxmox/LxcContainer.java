package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.time.Duration;
import java.util.List;

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
