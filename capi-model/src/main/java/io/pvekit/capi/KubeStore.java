package io.pvekit.capi;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.pvekit.capi.internal.Kinds;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Typed reads and writes through fabric8's generic resource API (our kinds carry no @Group). */
final class KubeStore {
  static final String FIELD_MANAGER = "pvekit";

  private final KubernetesClient client;

  KubeStore(KubernetesClient client) {
    this.client = client;
  }

  KubernetesClient client() {
    return client;
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      op(ResourceDefinitionContext ctx, String namespace) {
    return ctx.isNamespaceScoped()
        ? client.genericKubernetesResources(ctx).inNamespace(namespace)
        : client.genericKubernetesResources(ctx);
  }

  /** Server-side apply with pvekit's field manager, taking over conflicting fields. */
  void apply(HasMetadata object) {
    GenericKubernetesResource generic = Manifests.convert(object, GenericKubernetesResource.class);
    ResourceDefinitionContext ctx = Kinds.of(object);
    var resource = op(ctx, object.getMetadata().getNamespace()).resource(generic);
    try {
      resource.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      // A real API server creates on apply; fabric8's CRUD mock answers 404 for a new object.
      // fabric8's CRUD mock answers 415 for apply patches to an existing object.
      if (e.getCode() == 404) {
        resource.create();
      } else if (e.getCode() == 415) {
        resource.patch(PatchContext.of(PatchType.JSON_MERGE), generic);
      } else {
        throw e;
      }
    }
  }

  <T extends CapiResource<?, ?>> Optional<T> get(
      Supplier<T> empty, Class<T> type, String namespace, String name) {
    T probe = empty.get();
    GenericKubernetesResource found = op(Kinds.of(probe), namespace).withName(name).get();
    return Optional.ofNullable(found).map(g -> Manifests.convert(g, type));
  }

  <T extends CapiResource<?, ?>> List<T> list(
      Supplier<T> empty, Class<T> type, String namespace, String clusterName) {
    T probe = empty.get();
    if (namespace == null) {
      return client
          .genericKubernetesResources(Kinds.of(probe))
          .inAnyNamespace()
          .list()
          .getItems()
          .stream()
          .map(g -> Manifests.convert(g, type))
          .toList();
    }
    var op = op(Kinds.of(probe), namespace);
    var items =
        clusterName == null
            ? op.list()
            : op.withLabel(TenantCluster.CLUSTER_NAME_LABEL, clusterName).list();
    return items.getItems().stream().map(g -> Manifests.convert(g, type)).toList();
  }

  void mergePatch(CapiResource<?, ?> probe, String namespace, String name, String json) {
    op(Kinds.of(probe), namespace)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  boolean delete(CapiResource<?, ?> probe, String namespace, String name) {
    return !op(Kinds.of(probe), namespace).withName(name).delete().isEmpty();
  }
}
