package io.pvekit.runtime.internal;

import static io.pvekit.runtime.internal.Maps.list;
import static io.pvekit.runtime.internal.Maps.of;

import java.util.List;
import java.util.Map;

/**
 * CloudNativePG, mariadb-operator and spotahome's RedisFailover: the operators whose CRs cannot
 * name a RuntimeClass (CNPG can patch its instance pods through an annotation).
 */
public final class OperatorRenderers {
  /** CNPG's annotation holding a JSON patch applied to instance pods (not to its jobs). */
  public static final String CNPG_POD_PATCH = "cnpg.io/podPatch";

  private OperatorRenderers() {}

  /** CloudNativePG {@code Cluster} ({@code postgresql.cnpg.io/v1}, CNPG 1.30). */
  public static List<Map<String, Object>> cnpg(RenderContext c) {
    Map<String, Object> metadata = c.metadata(c.name(), null);
    if (c.runtimeClassName() != null) {
      metadata.put(
          "annotations",
          of(
              CNPG_POD_PATCH,
              "[{\"op\":\"add\",\"path\":\"/spec/runtimeClassName\",\"value\":\""
                  + c.runtimeClassName()
                  + "\"}]"));
    }
    Map<String, Object> spec =
        of(
            "instances", c.replicas(),
            "imageName", "ghcr.io/cloudnative-pg/postgresql:" + c.version(),
            "resources", c.resources(),
            "storage", of("size", c.storageSize(), "storageClass", c.storageClass()),
            "affinity",
                Maps.orNull(of("nodeSelector", c.nodeSelector(), "tolerations", c.tolerations())),
            "inheritedMetadata", of("labels", c.labels()));
    return List.of(RenderContext.object("postgresql.cnpg.io/v1", "Cluster", metadata, spec));
  }

  /** mariadb-operator {@code MariaDB} ({@code k8s.mariadb.com/v1alpha1}, v26.6). */
  public static List<Map<String, Object>> mariadb(RenderContext c) {
    Map<String, Object> spec =
        of(
            "image", "docker-registry1.mariadb.com/library/mariadb:" + c.version(),
            "replicas", c.replicas(),
            // Asynchronous replication with more than one pod: Galera needs an odd count.
            "replication", c.replicas() > 1 ? of("enabled", true) : null,
            "resources", c.resources(),
            "storage", of("size", c.storageSize(), "storageClassName", c.storageClass()),
            "nodeSelector", c.nodeSelector(),
            "tolerations", c.tolerations(),
            "podMetadata", of("labels", c.labels()));
    return List.of(
        RenderContext.object(
            "k8s.mariadb.com/v1alpha1", "MariaDB", c.metadata(c.name(), null), spec));
  }

  /** spotahome {@code RedisFailover} ({@code databases.spotahome.com/v1}, v1.2.4). */
  public static List<Map<String, Object>> redisFailover(RenderContext c) {
    Map<String, Object> pvcSpec =
        of(
            "accessModes", list("ReadWriteOnce"),
            "storageClassName", c.storageClass(),
            "resources", of("requests", of("storage", c.storageSize())));
    Map<String, Object> redis =
        of(
            "replicas", c.replicas(),
            "image", "redis:" + c.version(),
            "resources", c.resources(),
            "nodeSelector", c.nodeSelector(),
            "tolerations", c.tolerations(),
            "storage",
                of(
                    "keepAfterDeletion",
                    true,
                    "persistentVolumeClaim",
                    of("metadata", of("name", c.name() + "-data"), "spec", pvcSpec)));
    // Sentinels are small and run beside Redis, with the same runtime and placement.
    Map<String, Object> sentinel =
        of(
            "replicas", 3,
            "nodeSelector", c.nodeSelector(),
            "tolerations", c.tolerations(),
            "resources",
                of(
                    "requests",
                    of("cpu", "100m", "memory", "64Mi"),
                    "limits",
                    of("memory", "64Mi")));
    return List.of(
        RenderContext.object(
            "databases.spotahome.com/v1",
            "RedisFailover",
            c.metadata(c.name(), null),
            of("redis", redis, "sentinel", sentinel)));
  }
}
