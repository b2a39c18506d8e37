package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The addons Kamaji installs into a tenant cluster (shared by TenantControlPlane and
 * KamajiControlPlane). An addon is enabled by its presence, even as an empty object ({@code
 * coreDNS: {}}), so this is the one place where pvekit writes empty objects: a null addon is
 * omitted, a present one is written.
 *
 * @param coreDNS CoreDNS
 * @param kubeProxy kube-proxy
 * @param konnectivity Konnectivity (API server to node tunnel)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KamajiAddons(Addon coreDNS, Addon kubeProxy, Addon konnectivity) {
  /** All three addons with their default images. */
  public static final KamajiAddons DEFAULTS =
      new KamajiAddons(Addon.DEFAULT, Addon.DEFAULT, Addon.DEFAULT);

  /**
   * One addon; all fields optional.
   *
   * @param imageRepository the image repository (CoreDNS and kube-proxy only)
   * @param imageTag the image tag (CoreDNS and kube-proxy only)
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Addon(String imageRepository, String imageTag) {
    /** The addon with its default image. */
    public static final Addon DEFAULT = new Addon(null, null);
  }
}
