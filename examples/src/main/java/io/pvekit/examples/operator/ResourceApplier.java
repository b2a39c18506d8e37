package io.pvekit.examples.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes the cluster hold a desired object: reads it first and writes only when a field the operator
 * sets differs, so a repeated reconcile changes nothing (not even the resourceVersion). Writes with
 * server-side apply (field manager {@value #FIELD_MANAGER}, conflicts forced); on servers without
 * apply-patch support (fabric8's CRUD mock) it creates or replaces instead.
 */
final class ResourceApplier {
  static final String FIELD_MANAGER = "pvekit-operator";

  /** What a call did. */
  enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  private final KubernetesClient client;

  ResourceApplier(KubernetesClient client) {
    this.client = client;
  }

  Outcome apply(GenericKubernetesResource desired) {
    OperatedKind kind =
        OperatorKinds.writable(desired)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        desired.getApiVersion()
                            + " "
                            + desired.getKind()
                            + " is not in OperatorKinds: add a row (and grant it in the"
                            + " ClusterRole)"));
    String version = desired.getApiVersion().substring(desired.getApiVersion().indexOf('/') + 1);
    var op = client.genericKubernetesResources(kind.context(version));
    Resource<GenericKubernetesResource> resource =
        kind.namespaced()
            ? op.inNamespace(desired.getMetadata().getNamespace()).resource(desired)
            : op.resource(desired);
    GenericKubernetesResource existing = resource.get();
    if (existing != null && holds(existing, desired)) {
      return Outcome.UNCHANGED;
    }
    try {
      resource.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404 && existing == null) {
        resource.create();
      } else if (e.getCode() == 415 && existing != null) {
        desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        resource.update();
      } else {
        throw e;
      }
    }
    return existing == null ? Outcome.CREATED : Outcome.UPDATED;
  }

  /**
   * Whether the existing object already has every field the operator sets: the same labels,
   * annotations and owner references it writes, and its values for every other top-level field
   * (defaults the API server or another controller added are left alone, as apply would).
   */
  static boolean holds(GenericKubernetesResource existing, GenericKubernetesResource desired) {
    ObjectMeta want = desired.getMetadata();
    ObjectMeta have = existing.getMetadata();
    if (!contains(have.getLabels(), want.getLabels())
        || !contains(have.getAnnotations(), want.getAnnotations())
        || !Objects.equals(
            nullToEmpty(have.getOwnerReferences()), nullToEmpty(want.getOwnerReferences()))) {
      return false;
    }
    Map<String, Object> have2 = existing.getAdditionalProperties();
    for (Map.Entry<String, Object> e : desired.getAdditionalProperties().entrySet()) {
      if (!"status".equals(e.getKey()) && !subset(e.getValue(), have2.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(Map<String, String> have, Map<String, String> want) {
    return want == null
        || want.isEmpty()
        || (have != null && have.entrySet().containsAll(want.entrySet()));
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * {@code want} is {@code have}, or (for maps) every key of {@code want} holds in {@code have}.
   */
  private static boolean subset(Object want, Object have) {
    if (want instanceof Map<?, ?> w) {
      if (!(have instanceof Map<?, ?> h)) {
        return false;
      }
      for (Map.Entry<?, ?> e : w.entrySet()) {
        if (!subset(e.getValue(), h.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (want instanceof List<?> w && have instanceof List<?> h) {
      if (w.size() != h.size()) {
        return false;
      }
      for (int i = 0; i < w.size(); i++) {
        if (!subset(w.get(i), h.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (want instanceof Number w && have instanceof Number h) {
      return w.toString().equals(h.toString()) || (w.doubleValue() == h.doubleValue());
    }
    return Objects.equals(want, have);
  }
}
