package io.pvekit.proxmox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * {@code GET /nodes/{node}/lxc/{vmid}/config}: every key as text ({@link #values()}; the raw {@code
 * lxc} list arrives as JSON text), with typed views of the common keys, {@code rootfs}, {@code
 * mpN}, {@code netN} and {@code features}.
 */
@Value.Immutable
public abstract class LxcConfig {
  private static final Pattern MP = Pattern.compile("mp(\\d+)");
  private static final Pattern NET = Pattern.compile("net(\\d+)");

  LxcConfig() {}

  /** Every key with its text value, as the server sent it. */
  @Value.Parameter
  public abstract Map<String, String> values();

  /** The value of any key. */
  public Optional<String> value(String key) {
    return Optional.ofNullable(values().get(key));
  }

  public Optional<String> hostname() {
    return value("hostname");
  }

  public Optional<Long> memoryMib() {
    return value("memory").map(Long::valueOf);
  }

  public Optional<Long> swapMib() {
    return value("swap").map(Long::valueOf);
  }

  public Optional<Integer> cores() {
    return value("cores").map(Integer::valueOf);
  }

  public boolean unprivileged() {
    return value("unprivileged").map(v -> v.equals("1")).orElse(false);
  }

  public boolean template() {
    return value("template").map(v -> v.equals("1")).orElse(false);
  }

  public Optional<String> osType() {
    return value("ostype");
  }

  public List<String> tags() {
    return value("tags").map(t -> List.of(t.split("[;,\\s]+"))).orElse(List.of());
  }

  public Optional<String> digest() {
    return value("digest");
  }

  /**
   * The command run as init ({@code entrypoint}, PVE 9.1); a container made from an OCI image has
   * the image's unless its create call set one.
   */
  public Optional<String> entrypoint() {
    return value("entrypoint");
  }

  /**
   * The runtime environment ({@code env}, PVE 9.1, NUL-separated on the wire) by name, in order.
   *
   * @return the variables; empty when the key is absent
   */
  public Map<String, String> env() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    value("env")
        .ifPresent(
            text -> {
              for (String entry : text.split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                  out.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
              }
            });
    return out;
  }

  public Optional<LxcRootFs> rootFs() {
    return value("rootfs").map(LxcRootFs::parse);
  }

  public Optional<LxcFeatures> features() {
    return value("features").map(LxcFeatures::parse);
  }

  /** {@code mp0}, {@code mp1}, ... by index. */
  public Map<Integer, LxcMountPoint> mountPoints() {
    Map<Integer, LxcMountPoint> out = new TreeMap<>();
    values()
        .forEach(
            (k, v) -> {
              Matcher m = MP.matcher(k);
              if (m.matches()) {
                out.put(Integer.parseInt(m.group(1)), LxcMountPoint.parse(v));
              }
            });
    return out;
  }

  /** {@code net0}, {@code net1}, ... by index. */
  public Map<Integer, LxcNet> networks() {
    Map<Integer, LxcNet> out = new TreeMap<>();
    values()
        .forEach(
            (k, v) -> {
              Matcher m = NET.matcher(k);
              if (m.matches()) {
                out.put(Integer.parseInt(m.group(1)), LxcNet.parse(v));
              }
            });
    return out;
  }
}
