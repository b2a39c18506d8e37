package io.pvekit.lxc;

import io.pvekit.oci.OciSpec;
import io.pvekit.proxmox.ProxmoxVersion;
import io.pvekit.proxmox.StorageId;
import io.pvekit.proxmox.VmId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** What {@link ProxmoxLxc#plan(OciSpec, ProxmoxLxcOptions)} needs beyond the bundle's spec. */
@Value.Immutable
public interface ProxmoxLxcOptions {
  /** The new container's id. */
  VmId vmid();

  /** The bundle directory (bind-mount sources resolve against it). */
  Path bundle();

  /**
   * The template volume: a vztmpl made with {@link VzTemplate} ({@code local:vztmpl/x.tar.zst}), or
   * on Proxmox VE 9.1+ the OCI archive ({@code local:vztmpl/nginx_1.27.tar}, from {@code
   * oci-registry-pull} or an upload).
   */
  String osTemplate();

  /** The storage for the root file system. */
  StorageId rootfsStorage();

  /** The root file system size in GiB; 8 unless set. */
  @Value.Default
  default double rootfsSizeGib() {
    return 8;
  }

  /** The bridge of {@code net0}; {@code vmbr0} unless set. */
  @Value.Default
  default String bridge() {
    return "vmbr0";
  }

  /**
   * Whether a new network namespace gets {@code net0}; true unless set. Without it the container
   * has only its loopback interface, as a new OCI network namespace does.
   */
  @Value.Default
  default boolean network() {
    return true;
  }

  /** The address of {@code net0}: {@code dhcp} unless set, or a CIDR. */
  @Value.Default
  default String ip() {
    return "dhcp";
  }

  /**
   * Whether Proxmox creates an application container from the OCI image (Proxmox VE 9.1+, a
   * technology preview): {@code entrypoint}, {@code env} and {@code cmode=console} carry the
   * process. Otherwise the template's init runs and the process needs the container's config file.
   */
  @Value.Default
  default boolean applicationContainer() {
    return false;
  }

  /** Tags for the container, besides {@code oci}. */
  List<String> tags();

  /**
   * The host name when {@code config.json} has none (made a DNS label like the spec's own). Without
   * either Proxmox names the container {@code CT<vmid>}.
   */
  Optional<String> defaultHostname();

  /**
   * Whether the container is unprivileged. Unless set it is when the spec maps ids as Proxmox does
   * (container 0..65535 to host 100000..165535); set it to run bundles without a user namespace
   * unprivileged anyway (Proxmox's own mapping then applies).
   */
  Optional<Boolean> unprivileged();

  /**
   * The image reference (e.g. {@code docker.io/library/nginx:1.27}) when Proxmox VE 9.1 pulls the
   * template itself ({@code oci-registry-pull}) instead of receiving the bundle's rootfs; the plan
   * then reports the root file system as coming from it.
   */
  Optional<String> ociReference();

  /**
   * Whether a Proxmox VE version creates application containers from OCI images (9.1 and later).
   *
   * @param version the server's version ({@code GET /version})
   * @return true from 9.1
   */
  static boolean supportsApplicationContainers(ProxmoxVersion version) {
    return supportsApplicationContainers(version.version());
  }

  /**
   * Whether a Proxmox VE version creates application containers from OCI images (9.1 and later).
   *
   * @param version a version such as {@code 9.1.3}
   * @return true from 9.1
   */
  static boolean supportsApplicationContainers(String version) {
    String[] parts = version.trim().split("[.-]");
    int major = parts[0].matches("\\d+") ? Integer.parseInt(parts[0]) : 0;
    int minor = parts.length > 1 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : 0;
    return major > 9 || major == 9 && minor >= 1;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProxmoxLxcOptions}. */
  final class Builder extends ImmutableProxmoxLxcOptions.Builder {}
}
