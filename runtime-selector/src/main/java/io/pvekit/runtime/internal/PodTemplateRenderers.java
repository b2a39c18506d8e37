package io.pvekit.runtime.internal;

import static io.pvekit.runtime.internal.Maps.list;
import static io.pvekit.runtime.internal.Maps.of;

import java.util.List;
import java.util.Map;

/**
 * RabbitMQ, Altinity ClickHouse and the etcd operator: their CRs carry (part of) a pod template, so
 * runtimeClassName goes into the CR itself. And Strimzi, which has a pod template without
 * runtimeClassName.
 */
public final class PodTemplateRenderers {
  private PodTemplateRenderers() {}

  /** RabbitMQ cluster-operator {@code RabbitmqCluster} ({@code rabbitmq.com/v1beta1}, v2.22). */
  public static List<Map<String, Object>> rabbitmq(RenderContext c) {
    // The override is a strategic merge into the operator's StatefulSet; the schema requires
    // containers, and naming the operator's container merges into it without changing it.
    Map<String, Object> podSpec =
        of(
            "runtimeClassName", c.runtimeClassName(),
            "nodeSelector", c.nodeSelector(),
            "containers", list(of("name", "rabbitmq")));
    Map<String, Object> spec =
        of(
            "replicas", c.replicas(),
            "image", "rabbitmq:" + c.version() + "-management",
            "resources", c.resources(),
            "persistence", of("storage", c.storageSize(), "storageClassName", c.storageClass()),
            "tolerations", c.tolerations(),
            "override",
                of(
                    "statefulSet",
                    of(
                        "spec",
                        of(
                            "template",
                            of("metadata", of("labels", c.labels()), "spec", podSpec)))));
    return List.of(
        RenderContext.object(
            "rabbitmq.com/v1beta1", "RabbitmqCluster", c.metadata(c.name(), null), spec));
  }

  /** Altinity {@code ClickHouseInstallation} ({@code clickhouse.altinity.com/v1}, 0.25.6). */
  public static List<Map<String, Object>> clickhouse(RenderContext c) {
    String podTemplate = c.name() + "-pod";
    String volumeTemplate = c.name() + "-data";
    Map<String, Object> container =
        of(
            "name",
            "clickhouse",
            "image",
            "clickhouse/clickhouse-server:" + c.version(),
            "resources",
            c.resources(),
            "volumeMounts",
            list(of("name", volumeTemplate, "mountPath", "/var/lib/clickhouse")));
    Map<String, Object> podSpec =
        of(
            "runtimeClassName", c.runtimeClassName(),
            "nodeSelector", c.nodeSelector(),
            "tolerations", c.tolerations(),
            "containers", list(container));
    Map<String, Object> spec =
        of(
            "defaults",
                of(
                    "templates",
                    of("podTemplate", podTemplate, "dataVolumeClaimTemplate", volumeTemplate)),
            "configuration",
                of(
                    "clusters",
                    list(
                        of(
                            "name",
                            "main",
                            "layout",
                            of("shardsCount", 1, "replicasCount", c.replicas())))),
            "templates",
                of(
                    "podTemplates",
                        list(
                            of(
                                "name", podTemplate,
                                "metadata", of("labels", c.labels()),
                                "spec", podSpec)),
                    "volumeClaimTemplates",
                        list(
                            of(
                                "name",
                                volumeTemplate,
                                "spec",
                                of(
                                    "accessModes", list("ReadWriteOnce"),
                                    "storageClassName", c.storageClass(),
                                    "resources",
                                        of("requests", of("storage", c.storageSize())))))));
    return List.of(
        RenderContext.object(
            "clickhouse.altinity.com/v1",
            "ClickHouseInstallation",
            c.metadata(c.name(), null),
            spec));
  }

  /** etcd operator {@code EtcdCluster} ({@code etcd.aenix.io/v1alpha1}, cozystack v0.4.5). */
  public static List<Map<String, Object>> etcd(RenderContext c) {
    Map<String, Object> podSpec =
        of(
            "runtimeClassName", c.runtimeClassName(),
            "nodeSelector", c.nodeSelector(),
            "tolerations", c.tolerations(),
            "containers", list(of("name", "etcd", "resources", c.resources())));
    Map<String, Object> spec =
        of(
            "replicas", c.replicas(),
            "podTemplate", of("metadata", of("labels", c.labels()), "spec", podSpec),
            "storage",
                of(
                    "volumeClaimTemplate",
                    of(
                        "spec",
                        of(
                            "accessModes", list("ReadWriteOnce"),
                            "storageClassName", c.storageClass(),
                            "resources", of("requests", of("storage", c.storageSize()))))));
    return List.of(
        RenderContext.object(
            "etcd.aenix.io/v1alpha1", "EtcdCluster", c.metadata(c.name(), null), spec));
  }

  /** Strimzi {@code Kafka} and {@code KafkaNodePool} ({@code kafka.strimzi.io/v1}, 1.2.0). */
  public static List<Map<String, Object>> strimzi(RenderContext c) {
    Map<String, Object> pod =
        of(
            "metadata", of("labels", c.labels()),
            "tolerations", c.tolerations(),
            "affinity", c.nodeAffinity());
    Map<String, Object> kafkaMeta = c.metadata(c.name(), null);
    Map<String, Object> kafka =
        RenderContext.object(
            "kafka.strimzi.io/v1",
            "Kafka",
            kafkaMeta,
            of(
                "kafka",
                of(
                    "version", c.version(),
                    "listeners",
                        list(
                            of("name", "plain", "port", 9092, "type", "internal", "tls", false),
                            of("name", "tls", "port", 9093, "type", "internal", "tls", true)),
                    "template", of("pod", pod)),
                "entityOperator",
                of("topicOperator", of(), "userOperator", of())));
    Map<String, Object> pool =
        RenderContext.object(
            "kafka.strimzi.io/v1",
            "KafkaNodePool",
            c.metadata(c.name() + "-pool", of("strimzi.io/cluster", c.name())),
            of(
                "replicas", c.replicas(),
                "roles", list("controller", "broker"),
                "storage",
                    of(
                        "type",
                        "persistent-claim",
                        "size",
                        c.storageSize(),
                        "class",
                        c.storageClass(),
                        "deleteClaim",
                        false),
                "resources", c.resources(),
                "template", of("pod", pod)));
    return List.of(kafka, pool);
  }
}
