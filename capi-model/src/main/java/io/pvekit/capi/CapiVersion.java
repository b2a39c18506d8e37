package io.pvekit.capi;

import java.util.Locale;

/**
 * The Cluster API core version pvekit emits. Both are served by Cluster API v1.14; {@code v1beta2}
 * is the storage version, {@code v1beta1} is deprecated but still served. The two differ on the
 * wire: v1beta1 references are {@code {apiVersion, kind, name}}, v1beta2 references {@code
 * {apiGroup, kind, name}}; v1beta1 kubelet extra args are a map, v1beta2 a list of name/value
 * pairs; v1beta2 health checks group their timeouts under {@code checks} in seconds.
 */
public enum CapiVersion {
  /** {@code cluster.x-k8s.io/v1beta1} (deprecated in Cluster API v1.11 and later). */
  V1BETA1("v1beta1"),
  /** {@code cluster.x-k8s.io/v1beta2} (storage version since Cluster API v1.11). */
  V1BETA2("v1beta2");

  private final String version;

  CapiVersion(String version) {
    this.version = version;
  }

  /**
   * The version string.
   *
   * @return {@code v1beta1} or {@code v1beta2}
   */
  public String version() {
    return version;
  }

  /**
   * The {@code apiVersion} of an object in a Cluster API group at this version.
   *
   * @param group for example {@code cluster.x-k8s.io} or {@code bootstrap.cluster.x-k8s.io}
   * @return {@code group/version}
   */
  public String apiVersion(String group) {
    return group + "/" + version;
  }

  /**
   * Parses {@code v1beta1} or {@code v1beta2} (case-insensitive).
   *
   * @param text the version
   * @return the version
   * @throws IllegalArgumentException naming the accepted values
   */
  public static CapiVersion parse(String text) {
    for (CapiVersion v : values()) {
      if (v.version.equals(text == null ? "" : text.toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "Cluster API version: '" + text + "' is not supported; use v1beta1 or v1beta2");
  }

  /**
   * The version of an {@code apiVersion} string, if it is one of the Cluster API versions.
   *
   * @param apiVersion for example {@code cluster.x-k8s.io/v1beta1}
   * @return the version, {@link #V1BETA2} when the string names none
   */
  static CapiVersion ofApiVersion(String apiVersion) {
    return apiVersion != null && apiVersion.endsWith("/v1beta1") ? V1BETA1 : V1BETA2;
  }
}
