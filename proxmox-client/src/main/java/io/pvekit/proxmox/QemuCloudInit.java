package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /nodes/{node}/qemu/{vmid}/cloudinit}: the VM's cloud-init values and drive. Change values
 * with {@link QemuVm#updateConfig} ({@link ConfigUpdate.Builder#sshKeys} encodes keys as PVE
 * demands), then {@link #regenerate()}.
 */
public final class QemuCloudInit {
  private static final String BASE = "/nodes/{node}/qemu/{vmid}/cloudinit";

  /** The generated files {@link #dump} shows. */
  public enum DumpType {
    /** The user-data file. */
    USER,
    /** The network configuration. */
    NETWORK,
    /** The meta-data file. */
    META;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Transport transport;
  private final NodeName node;
  private final VmId vmid;
  private final QemuVm vm;

  QemuCloudInit(Transport transport, NodeName node, VmId vmid, QemuVm vm) {
    this.transport = transport;
    this.node = node;
    this.vmid = vmid;
    this.vm = vm;
  }

  private ApiCall at(ApiCall call) {
    return call.path("node", node).path("vmid", vmid);
  }

  /**
   * {@code GET .../cloudinit}: each cloud-init key with the value on the drive and the pending one.
   *
   * @return the keys; {@link PendingChange#isPending()} when the drive is out of date
   */
  public List<PendingChange> get() {
    return transport.decode(at(ApiCall.get(BASE)), Ergonomics::pending);
  }

  /** {@code PUT .../cloudinit}: regenerates the cloud-init drive from the current config. */
  public void regenerate() {
    transport.call(at(ApiCall.put(BASE)));
  }

  /**
   * {@code GET .../cloudinit/dump?type=}: a generated file as the guest will see it.
   *
   * @param type which file
   * @return its text
   */
  public String dump(DumpType type) {
    return transport.decode(
        at(ApiCall.get(BASE + "/dump")).param("type", type.wire()),
        d -> {
          if (d == null || !d.isTextual()) {
            throw new IllegalArgumentException("cloudinit dump: expected text");
          }
          return d.asText();
        });
  }

  /**
   * Removes the VM's cloud-init drive (the disk whose volume is {@code ...cloudinit}) with {@code
   * PUT .../config delete=KEY}; PVE frees the volume.
   *
   * @return the disk key removed, e.g. {@code ide2}; empty when the VM had no cloud-init drive
   */
  public Optional<String> removeDrive() {
    Optional<String> key = driveKey(vm.config().values());
    key.ifPresent(k -> vm.updateConfig(ConfigUpdate.builder().delete(k).build()));
    return key;
  }

  static Optional<String> driveKey(Map<String, String> config) {
    return config.entrySet().stream()
        .filter(e -> e.getKey().matches("(ide|sata|scsi|virtio)\\d+"))
        .filter(e -> e.getValue().split(",", 2)[0].contains("cloudinit"))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
