package io.pvekit.runtime.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.pvekit.runtime.DatabaseEngine;
import io.pvekit.runtime.DatabaseResource;
import io.pvekit.runtime.OwnerLookup;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Walks controller owner references from a pod up to a database request. */
public final class OwnerChain {
  /** Pod → StatefulSet/StrimziPodSet → operator CR → database request, with room to spare. */
  static final int MAX_DEPTH = 6;

  private static final String DB_API_VERSION =
      DatabaseResource.GROUP + "/" + DatabaseResource.VERSION;

  private OwnerChain() {}

  /** The database that (transitively) controls the object, as its status says. */
  public record OwnerDatabase(
      String kind, String name, String phase, String runtime, String runtimeClassName) {}

  /** Finds the controlling database, walking controller references only. */
  public static Optional<OwnerDatabase> find(
      JsonNode object, String namespace, OwnerLookup owners) {
    Ref ref = controllerRef(object.path("metadata").path("ownerReferences"));
    for (int depth = 0; ref != null && depth < MAX_DEPTH; depth++) {
      if (DB_API_VERSION.equals(ref.apiVersion) && isEngineKind(ref.kind)) {
        Ref db = ref;
        return owners
            .find(namespace, db.apiVersion, db.kind, db.name)
            .filter(found -> sameUid(found, db.uid))
            .map(found -> database(db.kind, found));
      }
      Optional<GenericKubernetesResource> found =
          owners.find(namespace, ref.apiVersion, ref.kind, ref.name);
      if (found.isEmpty() || !sameUid(found.get(), ref.uid)) {
        return Optional.empty();
      }
      ref = controllerRef(found.get());
    }
    return Optional.empty();
  }

  private static boolean isEngineKind(String kind) {
    for (DatabaseEngine e : DatabaseEngine.values()) {
      if (e.kind().equals(kind)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameUid(GenericKubernetesResource found, String uid) {
    // A reference names its owner by uid too: a recreated object with the same name is not it.
    return uid != null && uid.equals(found.getMetadata().getUid());
  }

  private static OwnerDatabase database(String kind, GenericKubernetesResource db) {
    Object status = db.getAdditionalProperties().get("status");
    Map<?, ?> s = status instanceof Map ? (Map<?, ?>) status : Map.of();
    return new OwnerDatabase(
        kind,
        db.getMetadata().getName(),
        str(s.get("phase")),
        str(s.get("runtime")),
        str(s.get("runtimeClassName")));
  }

  private static String str(Object o) {
    return o instanceof String ? (String) o : null;
  }

  private record Ref(String apiVersion, String kind, String name, String uid) {}

  private static Ref controllerRef(JsonNode refs) {
    if (refs == null || !refs.isArray()) {
      return null;
    }
    for (JsonNode r : refs) {
      JsonNode controller = r.get("controller");
      if (controller != null && controller.isBoolean() && controller.booleanValue()) {
        String apiVersion = ReviewJson.text(r, "apiVersion");
        String kind = ReviewJson.text(r, "kind");
        String name = ReviewJson.text(r, "name");
        String uid = ReviewJson.text(r, "uid");
        return apiVersion == null || kind == null || name == null
            ? null
            : new Ref(apiVersion, kind, name, uid);
      }
    }
    return null;
  }

  private static Ref controllerRef(GenericKubernetesResource o) {
    if (o.getMetadata().getOwnerReferences() == null) {
      return null;
    }
    for (OwnerReference r : o.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(r.getController())) {
        return new Ref(r.getApiVersion(), r.getKind(), r.getName(), r.getUid());
      }
    }
    return null;
  }
}
