package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code /nodes/{node}/{qemu|lxc}/{vmid}/snapshot}: create, list, roll back and delete snapshots of
 * a VM or container. Every change is a task.
 *
 * <pre>{@code
 * Snapshots snapshots = client.node("pve1").qemu().vm(101).snapshots();
 * snapshots.create("before-upgrade", "kernel 6.8").await(Duration.ofMinutes(1));
 * snapshots.rollback("before-upgrade").await(Duration.ofMinutes(1));
 * }</pre>
 */
public final class Snapshots {
  /** PVE's {@code pve-configid}, at most 40 characters. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]{1,39}");

  enum Kind {
    QEMU("qemu", "VM"),
    LXC("lxc", "CT");

    final String segment;
    final String noun;

    Kind(String segment, String noun) {
      this.segment = segment;
      this.noun = noun;
    }
  }

  private final Transport transport;
  private final NodeName node;
  private final VmId vmid;
  private final Kind kind;
  private final String base;

  Snapshots(Transport transport, NodeName node, VmId vmid, Kind kind) {
    this.transport = transport;
    this.node = node;
    this.vmid = vmid;
    this.kind = kind;
    this.base = "/nodes/{node}/" + kind.segment + "/{vmid}/snapshot";
  }

  private ApiCall at(ApiCall call) {
    return call.path("node", node).path("vmid", vmid);
  }

  private Task task(String what, ApiCall call) {
    return transport.decode(
        at(call), d -> Task.from(transport, d, what + " of " + kind.noun + " " + vmid));
  }

  private static String checked(String name) {
    Objects.requireNonNull(name, "snapshot name");
    if (!NAME.matcher(name).matches() || name.equals("current")) {
      throw new IllegalArgumentException(
          "snapshot name: '"
              + name
              + "' must start with a letter and have 2 to 40 letters, digits, '-' or '_'"
              + " ('current' is reserved)");
    }
    return name;
  }

  /**
   * {@code GET .../snapshot}: the snapshots and the {@code current} entry.
   *
   * @return the entries in the order PVE lists them
   */
  public List<SnapshotInfo> list() {
    return transport.decode(
        at(ApiCall.get(base)),
        d ->
            Decode.list(
                d,
                e ->
                    ImmutableSnapshotInfo.builder()
                        .name(Json.requiredText(e, "name", "snapshot"))
                        .description(Json.text(e, "description").filter(s -> !s.isEmpty()))
                        .parent(Json.text(e, "parent"))
                        .time(Json.integer(e, "snaptime").map(Instant::ofEpochSecond))
                        .vmState(Json.flag(e, "vmstate"))
                        .build()));
  }

  /**
   * {@code POST .../snapshot}: takes a snapshot of the disks and config.
   *
   * @param name 2-40 letters, digits, '-' or '_', starting with a letter
   * @param description free text, or null
   * @return the task
   */
  public Task create(String name, String description) {
    return task(
        "snapshot",
        ApiCall.post(base).param("snapname", checked(name)).param("description", description));
  }

  /**
   * {@code POST .../snapshot} with {@code vmstate=1}: also saves the VM's RAM (QEMU only).
   *
   * @param name the snapshot name
   * @param description free text, or null
   * @return the task
   */
  public Task createWithVmState(String name, String description) {
    if (kind != Kind.QEMU) {
      throw new IllegalArgumentException("vmstate: containers have no RAM snapshots; use create");
    }
    return task(
        "snapshot",
        ApiCall.post(base)
            .param("snapname", checked(name))
            .param("description", description)
            .param("vmstate", true));
  }

  /**
   * {@code POST .../snapshot/{snapname}/rollback}: restores disks and config of the snapshot.
   *
   * @param name the snapshot
   * @return the task
   */
  public Task rollback(String name) {
    return task(
        "roll back",
        at(ApiCall.post(base + "/{snapname}/rollback")).path("snapname", checked(name)));
  }

  /**
   * {@code POST .../snapshot/{snapname}/rollback} with {@code start}: starts the guest afterwards.
   *
   * @param name the snapshot
   * @param start whether to start the guest after the rollback
   * @return the task
   */
  public Task rollback(String name, boolean start) {
    return task(
        "roll back",
        at(ApiCall.post(base + "/{snapname}/rollback"))
            .path("snapname", checked(name))
            .param("start", start));
  }

  /**
   * {@code DELETE .../snapshot/{snapname}}.
   *
   * @param name the snapshot
   * @param force remove it from the config even if removing the disk snapshots fails
   * @return the task
   */
  public Task delete(String name, boolean force) {
    return task(
        "delete snapshot",
        at(ApiCall.delete(base + "/{snapname}"))
            .path("snapname", checked(name))
            .param("force", force));
  }
}
