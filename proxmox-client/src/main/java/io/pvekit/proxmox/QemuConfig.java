package io.pvekit.proxmox;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * {@code GET /nodes/{node}/qemu/{vmid}/config}: every key as text ({@link #values()}), with typed
 * views of the common ones and of the indexed devices ({@code netN}, disks, {@code ipconfigN}).
 */
@Value.Immutable
public abstract class QemuConfig {
  private static final Pattern DISK = Pattern.compile("(scsi|virtio|sata|ide)(\\d+)");

  QemuConfig() {}

  /** Every key with its text value, as the server sent it. */
  @Value.Parameter
  public abstract Map<String, String> values();

  /** The value of any key, e.g. {@code "boot"}. */
  public Optional<String> value(String key) {
    return Optional.ofNullable(values().get(key));
  }

  public Optional<String> name() {
    return value("name");
  }

  /** Memory in MiB ({@code memory} is a property string {@code [current=]<MiB>} since 8.x). */
  public Optional<Long> memoryMib() {
    return value("memory").map(m -> Long.parseLong(m.replaceFirst("^current=", "").split(",")[0]));
  }

  public Optional<Integer> cores() {
    return value("cores").map(Integer::valueOf);
  }

  public Optional<Integer> sockets() {
    return value("sockets").map(Integer::valueOf);
  }

  public boolean template() {
    return value("template").map(v -> v.equals("1")).orElse(false);
  }

  public java.util.List<String> tags() {
    return value("tags")
        .map(t -> java.util.List.of(t.split("[;,\\s]+")))
        .orElse(java.util.List.of());
  }

  /** The config digest, to pass to {@link ConfigUpdate.Builder#digest} against concurrent edits. */
  public Optional<String> digest() {
    return value("digest");
  }

  /** {@code net0}, {@code net1}, ... by index. */
  public Map<Integer, QemuNet> networks() {
    return indexed("net", QemuNet::parse);
  }

  /** {@code ipconfig0}, ... by index. */
  public Map<Integer, IpConfig> ipConfigs() {
    return indexed("ipconfig", IpConfig::parse);
  }

  /** Disks and drives by key ({@code scsi0}, {@code virtio1}, {@code ide2}, ...). */
  public Map<String, QemuDisk> disks() {
    Map<String, QemuDisk> out = new TreeMap<>();
    values()
        .forEach(
            (k, v) -> {
              if (DISK.matcher(k).matches()) {
                out.put(k, QemuDisk.parse(v));
              }
            });
    return out;
  }

  private <T> Map<Integer, T> indexed(
      String prefix, java.util.function.Function<String, T> parser) {
    Pattern key = Pattern.compile(Pattern.quote(prefix) + "(\\d+)");
    Map<Integer, T> out = new TreeMap<>();
    values()
        .forEach(
            (k, v) -> {
              Matcher m = key.matcher(k);
              if (m.matches()) {
                out.put(Integer.parseInt(m.group(1)), parser.apply(v));
              }
            });
    return out;
  }
}
