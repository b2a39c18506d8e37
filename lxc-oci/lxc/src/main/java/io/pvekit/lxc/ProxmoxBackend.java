package io.pvekit.lxc;

import io.pvekit.proxmox.ProxmoxClient;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where and how {@link LxcRuntime} creates containers in Proxmox VE (9.1 or later) instead of on
 * this host: the bundle's rootfs becomes a {@link VzTemplate} ({@code vztmpl}, named by its content
 * digest and reused) or, for a bundle that names its image, Proxmox pulls that image ({@link
 * #pullImages}), {@code POST /nodes/{node}/lxc} creates the container with the request {@link
 * ProxmoxLxc#plan} makes for an application container, and start, state, kill and delete map to its
 * status calls. A {@code config.json} with fields the plan cannot express is refused with {@link
 * UnsupportedOciFeatureException}.
 *
 * <pre>{@code
 * LxcRuntime runtime = LxcRuntime.builder()
 *     .proxmox(ProxmoxBackend.builder().client(client).node("pve1").bridge("vmbr0").build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ProxmoxBackend {
  /** The client (its authentication needs VM.Allocate, Datastore.AllocateTemplate, ...). */
  @Value.Auxiliary
  public abstract ProxmoxClient client();

  /** The node the containers go to. */
  public abstract String node();

  /** The storage for templates (content {@code vztmpl}); {@code local} by default. */
  @Value.Default
  public String templateStorage() {
    return "local";
  }

  /** The storage for root disks (content {@code rootdir}); {@code local-lvm} by default. */
  @Value.Default
  public String rootStorage() {
    return "local-lvm";
  }

  /** Root disk size in GiB; 8 by default. */
  @Value.Default
  public int rootSizeGib() {
    return 8;
  }

  /** A bridge for {@code net0} (DHCP); no network interface when empty. */
  public abstract Optional<String> bridge();

  /**
   * Create unprivileged containers (Proxmox's user namespace), whatever the bundle's id mappings;
   * true by default.
   */
  @Value.Default
  public boolean unprivileged() {
    return true;
  }

  /**
   * Let Proxmox VE pull the image when the bundle names it (the {@code
   * io.kubernetes.cri.image-name} or {@code io.kubernetes.cri-o.ImageName} annotation containerd
   * and CRI-O set, with a tag): the template is then that image, pulled once into {@link
   * #templateStorage} with {@code oci-registry-pull}, instead of an upload of the bundle's rootfs;
   * true by default.
   */
  @Value.Default
  public boolean pullImages() {
    return true;
  }

  /** How long to wait for Proxmox tasks (upload, pull, create, start, stop, delete). */
  @Value.Default
  public Duration taskTimeout() {
    return Duration.ofMinutes(2);
  }

  @Value.Check
  void check() {
    if (rootSizeGib() < 1) {
      throw new IllegalArgumentException("rootSizeGib must be at least 1: " + rootSizeGib());
    }
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProxmoxBackend} values. */
  public static final class Builder extends ImmutableProxmoxBackend.Builder {
    Builder() {}
  }
}
