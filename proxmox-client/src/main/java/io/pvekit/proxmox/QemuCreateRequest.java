package io.pvekit.proxmox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Parameters of {@code POST /nodes/{node}/qemu}: a new VM with its disks, NICs and cloud-init
 * settings. Anything not modelled goes into {@link #extra()}.
 *
 * <pre>{@code
 * QemuCreateRequest.builder().vmid(VmId.of(120)).name("db-1").memoryMib(4096).cores(2)
 *     .putDisks("scsi0", QemuDisk.newVolume(StorageId.of("local-lvm"), 32).iothread(true).build())
 *     .putNetworks(0, QemuNet.builder().model("virtio").bridge("vmbr0").build())
 *     .putIpConfigs(0, IpConfig.dhcp()).build();
 * }</pre>
 */
@Value.Immutable
public abstract class QemuCreateRequest {
  private static final Pattern DISK_KEY =
      Pattern.compile("(scsi\\d+|virtio\\d+|sata\\d+|ide\\d+|efidisk0|tpmstate0)");

  QemuCreateRequest() {}

  public abstract VmId vmid();

  public abstract Optional<String> name();

  public abstract Optional<Long> memoryMib();

  public abstract Optional<Integer> cores();

  public abstract Optional<Integer> sockets();

  /** CPU type, e.g. {@code host}, {@code x86-64-v2-AES}. */
  public abstract Optional<String> cpu();

  /** Guest OS type, e.g. {@code l26}. */
  public abstract Optional<String> osType();

  /** SCSI controller, e.g. {@code virtio-scsi-single}. */
  public abstract Optional<String> scsiHardware();

  /** Disks by key: {@code scsi0}, {@code virtio0}, {@code ide2} (cloud-init or CD), ... */
  public abstract Map<String, QemuDisk> disks();

  /** NICs by index ({@code net0}, ...). */
  public abstract Map<Integer, QemuNet> networks();

  /** Cloud-init IP configuration by index ({@code ipconfig0}, ...). */
  public abstract Map<Integer, IpConfig> ipConfigs();

  public abstract Optional<String> cloudInitUser();

  public abstract Optional<Secret> cloudInitPassword();

  /** OpenSSH public keys for cloud-init, one per entry. */
  public abstract List<String> sshPublicKeys();

  /** Enables the QEMU guest agent ({@code agent=1}). */
  public abstract Optional<Boolean> agent();

  public abstract Optional<Boolean> startOnBoot();

  /** Start the VM once created. */
  public abstract Optional<Boolean> start();

  public abstract Optional<String> pool();

  public abstract List<String> tags();

  public abstract Optional<String> description();

  /** Further parameters by their PVE name, sent as given. */
  public abstract Map<String, String> extra();

  @Value.Check
  void check() {
    for (String key : disks().keySet()) {
      if (!DISK_KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "disks: '"
                + key
                + "' is not a disk key (scsiN, virtioN, sataN, ideN, efidisk0, tpmstate0)");
      }
    }
    checkIndexes("networks", networks().keySet());
    checkIndexes("ipConfigs", ipConfigs().keySet());
    memoryMib()
        .filter(m -> m < 16)
        .ifPresent(
            m -> {
              throw new IllegalArgumentException(
                  "memoryMib: " + m + " is below PVE's minimum of 16");
            });
  }

  static void checkIndexes(String field, Iterable<Integer> indexes) {
    for (int i : indexes) {
      if (i < 0 || i > 31) {
        throw new IllegalArgumentException(field + ": index " + i + " is out of range 0..31");
      }
    }
  }

  Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("vmid", vmid());
    name().ifPresent(v -> p.put("name", v));
    memoryMib().ifPresent(v -> p.put("memory", v));
    cores().ifPresent(v -> p.put("cores", v));
    sockets().ifPresent(v -> p.put("sockets", v));
    cpu().ifPresent(v -> p.put("cpu", v));
    osType().ifPresent(v -> p.put("ostype", v));
    scsiHardware().ifPresent(v -> p.put("scsihw", v));
    disks().forEach(p::put);
    networks().forEach((i, v) -> p.put("net" + i, v));
    ipConfigs().forEach((i, v) -> p.put("ipconfig" + i, v));
    cloudInitUser().ifPresent(v -> p.put("ciuser", v));
    cloudInitPassword().ifPresent(v -> p.put("cipassword", v));
    if (!sshPublicKeys().isEmpty()) {
      p.put("sshkeys", Wire.uriEscape(String.join("\n", sshPublicKeys())));
    }
    agent().ifPresent(v -> p.put("agent", v));
    startOnBoot().ifPresent(v -> p.put("onboot", v));
    start().ifPresent(v -> p.put("start", v));
    pool().ifPresent(v -> p.put("pool", v));
    if (!tags().isEmpty()) {
      p.put("tags", Wire.tags(tags()));
    }
    description().ifPresent(v -> p.put("description", v));
    p.putAll(extra());
    return p;
  }

  /**
   * A builder; {@link Builder#vmid} is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link QemuCreateRequest}. */
  public static final class Builder extends ImmutableQemuCreateRequest.Builder {
    Builder() {}
  }
}
