package io.pvekit.proxmox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Parameters of {@code POST /nodes/{node}/lxc}: a container from an OS template (or an OCI image
 * archive on PVE 9.1) with its root file system, mount points, NICs and features. Anything not
 * modelled goes into {@link #extra()}.
 *
 * <pre>{@code
 * LxcCreateRequest.builder().vmid(VmId.of(130)).osTemplate("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst")
 *     .rootFs(LxcRootFs.newVolume(StorageId.of("local-lvm"), 8).build())
 *     .putNetworks(0, LxcNet.builder().name("eth0").bridge("vmbr0").ip("dhcp").build())
 *     .features(LxcFeatures.builder().nesting(true).build()).unprivileged(true)
 *     .hostname("cache-1").memoryMib(1024).build();
 * }</pre>
 */
@Value.Immutable
public abstract class LxcCreateRequest {
  private static final java.util.regex.Pattern CONTROL =
      java.util.regex.Pattern.compile("[\\x00-\\x08\\x10-\\x1F\\x7F]");

  LxcCreateRequest() {}

  public abstract VmId vmid();

  /** The template volume, e.g. {@code local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst}. */
  public abstract String osTemplate();

  public abstract Optional<LxcRootFs> rootFs();

  /** Mount points by index ({@code mp0}, ...). */
  public abstract Map<Integer, LxcMountPoint> mountPoints();

  /** NICs by index ({@code net0}, ...). */
  public abstract Map<Integer, LxcNet> networks();

  public abstract Optional<LxcFeatures> features();

  public abstract Optional<Boolean> unprivileged();

  public abstract Optional<Integer> cores();

  public abstract Optional<Long> memoryMib();

  public abstract Optional<Long> swapMib();

  public abstract Optional<String> hostname();

  public abstract List<String> tags();

  /** OpenSSH public keys for root, one per entry. */
  public abstract List<String> sshPublicKeys();

  /** The root password. */
  public abstract Optional<Secret> password();

  public abstract Optional<String> pool();

  public abstract Optional<Boolean> startOnBoot();

  /** Start the container once created. */
  public abstract Optional<Boolean> start();

  public abstract Optional<String> nameserver();

  public abstract Optional<String> searchDomain();

  public abstract Optional<String> description();

  /**
   * The command run as init ({@code entrypoint}, PVE 9.1), e.g. for an application container made
   * from an OCI image; PVE's default is {@code /sbin/init}.
   */
  public abstract Optional<String> entrypoint();

  /**
   * The container's runtime environment ({@code env}, PVE 9.1), sent as PVE wants it: {@code
   * KEY=value} entries separated by NUL.
   */
  public abstract Map<String, String> env();

  /** Further parameters by their PVE name, sent as given. */
  public abstract Map<String, String> extra();

  @Value.Check
  void check() {
    if (!osTemplate().contains(":")) {
      throw new IllegalArgumentException(
          "osTemplate: '" + osTemplate() + "' is not a volume id like local:vztmpl/NAME.tar.zst");
    }
    QemuCreateRequest.checkIndexes("networks", networks().keySet());
    for (int i : mountPoints().keySet()) {
      if (i < 0 || i > 255) {
        throw new IllegalArgumentException("mountPoints: index " + i + " is out of range 0..255");
      }
    }
    entrypoint()
        .filter(e -> e.isBlank() || CONTROL.matcher(e).find())
        .ifPresent(
            e -> {
              throw new IllegalArgumentException(
                  "entrypoint: '" + e + "' must be a command without control characters");
            });
    env()
        .forEach(
            (k, v) -> {
              if (!k.matches("\\w+")) {
                throw new IllegalArgumentException(
                    "env: name '" + k + "' must be letters, digits and '_'");
              }
              if (CONTROL.matcher(v).find()) {
                throw new IllegalArgumentException(
                    "env: value of " + k + " must not contain control characters");
              }
            });
  }

  Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("vmid", vmid());
    p.put("ostemplate", osTemplate());
    hostname().ifPresent(v -> p.put("hostname", v));
    rootFs().ifPresent(v -> p.put("rootfs", v));
    mountPoints().forEach((i, v) -> p.put("mp" + i, v));
    networks().forEach((i, v) -> p.put("net" + i, v));
    features().ifPresent(v -> p.put("features", v));
    unprivileged().ifPresent(v -> p.put("unprivileged", v));
    cores().ifPresent(v -> p.put("cores", v));
    memoryMib().ifPresent(v -> p.put("memory", v));
    swapMib().ifPresent(v -> p.put("swap", v));
    if (!tags().isEmpty()) {
      p.put("tags", Wire.tags(tags()));
    }
    if (!sshPublicKeys().isEmpty()) {
      p.put("ssh-public-keys", String.join("\n", sshPublicKeys()));
    }
    password().ifPresent(v -> p.put("password", v));
    pool().ifPresent(v -> p.put("pool", v));
    startOnBoot().ifPresent(v -> p.put("onboot", v));
    start().ifPresent(v -> p.put("start", v));
    nameserver().ifPresent(v -> p.put("nameserver", v));
    searchDomain().ifPresent(v -> p.put("searchdomain", v));
    description().ifPresent(v -> p.put("description", v));
    entrypoint().ifPresent(v -> p.put("entrypoint", v));
    if (!env().isEmpty()) {
      p.put("env", envText(env()));
    }
    p.putAll(extra());
    return p;
  }

  static String envText(Map<String, String> env) {
    StringBuilder out = new StringBuilder();
    env.forEach(
        (k, v) -> out.append(out.length() == 0 ? "" : "\0").append(k).append('=').append(v));
    return out.toString();
  }

  /**
   * A builder; {@link Builder#vmid} and {@link Builder#osTemplate} are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link LxcCreateRequest}. */
  public static final class Builder extends ImmutableLxcCreateRequest.Builder {
    Builder() {}
  }
}
