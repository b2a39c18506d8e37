package io.pvekit.capi.internal;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The REST coordinates of the kinds pvekit reads and writes. */
public final class Kinds {
  private Kinds() {}

  /**
   * The coordinates of an object, from its apiVersion and kind.
   *
   * @param object the object
   * @return group, version, plural, namespaced
   */
  public static ResourceDefinitionContext of(HasMetadata object) {
    return of(object.getApiVersion(), object.getKind());
  }

  /**
   * The coordinates of a kind.
   *
   * @param apiVersion for example {@code cluster.x-k8s.io/v1beta2}
   * @param kind for example {@code MachineDeployment}
   * @return group, version, plural, namespaced
   */
  public static ResourceDefinitionContext of(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    boolean namespaced = !kind.equals("Namespace") && !kind.equals("DataStore");
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural(kind))
        .withNamespaced(namespaced)
        .build();
  }

  static String plural(String kind) {
    String lower = kind.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("s")) {
      return lower + "es";
    }
    if (lower.endsWith("y")) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower + "s";
  }
}
