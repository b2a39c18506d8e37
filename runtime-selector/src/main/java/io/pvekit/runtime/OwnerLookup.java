package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pvekit.runtime.internal.Json;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the object an owner reference points at, so the webhook can walk a pod's owners up to its
 * database request. Labels and annotations play no part: a tenant can set those.
 */
@FunctionalInterface
public interface OwnerLookup {
  /**
   * The object, if it exists.
   *
   * @param namespace the pod's namespace (owners are namespaced with it)
   * @param apiVersion the reference's apiVersion
   * @param kind the reference's kind
   * @param name the reference's name
   * @return the object, or empty
   */
  Optional<GenericKubernetesResource> find(
      String namespace, String apiVersion, String kind, String name);

  /**
   * Looks owners up in a live cluster.
   *
   * @param client a client allowed to get the owner kinds
   * @return the lookup
   */
  static OwnerLookup of(KubernetesClient client) {
    return (namespace, apiVersion, kind, name) ->
        Optional.ofNullable(
            client
                .genericKubernetesResources(apiVersion, kind)
                .inNamespace(namespace)
                .withName(name)
                .get());
  }

  /**
   * Looks owners up among given objects (tests, dry runs).
   *
   * @param objects the objects
   * @return the lookup
   */
  static OwnerLookup of(Collection<? extends HasMetadata> objects) {
    Map<String, GenericKubernetesResource> byKey = new HashMap<>();
    for (HasMetadata o : objects) {
      GenericKubernetesResource g =
          o instanceof GenericKubernetesResource
              ? (GenericKubernetesResource) o
              : Json.SERIALIZATION.convertValue(o, GenericKubernetesResource.class);
      byKey.put(
          g.getMetadata().getNamespace()
              + "/"
              + g.getApiVersion()
              + "/"
              + g.getKind()
              + "/"
              + g.getMetadata().getName(),
          g);
    }
    return (namespace, apiVersion, kind, name) ->
        Optional.ofNullable(byKey.get(namespace + "/" + apiVersion + "/" + kind + "/" + name));
  }
}
