package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pvekit.runtime.internal.Json;
import io.pvekit.runtime.internal.OperatorRenderers;
import io.pvekit.runtime.internal.PodTemplateRenderers;
import io.pvekit.runtime.internal.RenderContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a decision into the custom resources of each engine's operator, exact to the upstream
 * CRDs, and the RuntimeClasses the runtimes need. Where an operator's CR can carry
 * runtimeClassName, node selector and tolerations they are set there; otherwise the pod template is
 * labelled and the admission webhook sets runtimeClassName on the pods.
 */
public final class Manifests {
  private Manifests() {}

  /**
   * The operator resources for an accepted decision.
   *
   * @param decision an accepted decision
   * @return the objects, in apply order
   * @throws RuntimeRefusedException when the decision was not accepted
   */
  public static List<GenericKubernetesResource> render(Decision decision) {
    if (!decision.accepted()) {
      throw new RuntimeRefusedException(decision);
    }
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (Map<String, Object> object : renderMaps(decision)) {
      out.add(Json.SERIALIZATION.convertValue(object, GenericKubernetesResource.class));
    }
    return out;
  }

  private static List<Map<String, Object>> renderMaps(Decision decision) {
    RenderContext c = new RenderContext(decision);
    switch (decision.request().engine()) {
      case POSTGRESQL:
        return OperatorRenderers.cnpg(c);
      case MARIADB:
        return OperatorRenderers.mariadb(c);
      case REDIS:
        return OperatorRenderers.redisFailover(c);
      case RABBITMQ:
        return PodTemplateRenderers.rabbitmq(c);
      case CLICKHOUSE:
        return PodTemplateRenderers.clickhouse(c);
      case KAFKA:
        return PodTemplateRenderers.strimzi(c);
      case ETCD:
        return PodTemplateRenderers.etcd(c);
      default:
        throw new IllegalStateException("no renderer for " + decision.request().engine());
    }
  }

  /**
   * The RuntimeClasses of a policy: the LXC one and the VM one.
   *
   * @param policy names the classes
   * @return both RuntimeClasses
   */
  public static List<HasMetadata> runtimeClasses(Policy policy) {
    return List.of(RuntimeClasses.lxc(policy), RuntimeClasses.vm(policy));
  }

  /**
   * Objects as one multi-document YAML stream.
   *
   * @param objects Kubernetes objects
   * @return the YAML
   */
  public static String toYaml(Collection<?> objects) {
    StringBuilder sb = new StringBuilder();
    for (Object o : objects) {
      String yaml = Json.SERIALIZATION.asYaml(o);
      sb.append(yaml.startsWith("---") ? yaml : "---\n" + yaml);
      if (!yaml.endsWith("\n")) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * Reads the Kubernetes objects of a multi-document YAML stream.
   *
   * @param yaml the stream
   * @return the objects, typed where fabric8 knows the kind
   */
  public static List<HasMetadata> readYaml(java.io.InputStream yaml) {
    return io.pvekit.runtime.internal.InventoryObjects.parseYaml(yaml);
  }

  /**
   * Where the renderer puts placement for an engine's operator.
   *
   * @param engine the engine
   * @return the field paths
   */
  public static OperatorPaths paths(DatabaseEngine engine) {
    OperatorPaths.Builder b = OperatorPaths.builder().engine(engine);
    switch (engine) {
      case POSTGRESQL:
        return b.operator("CloudNativePG 1.30")
            .resource("postgresql.cnpg.io/v1 Cluster")
            .runtimeClassName(
                Optional.of(
                    "metadata.annotations[\""
                        + OperatorRenderers.CNPG_POD_PATCH
                        + "\"] (instance pods only; jobs through the webhook)"))
            .nodeSelector("spec.affinity.nodeSelector")
            .tolerations("spec.affinity.tolerations")
            .podLabels("spec.inheritedMetadata.labels")
            .build();
      case MARIADB:
        return b.operator("mariadb-operator v26.6.0")
            .resource("k8s.mariadb.com/v1alpha1 MariaDB")
            .nodeSelector("spec.nodeSelector")
            .tolerations("spec.tolerations")
            .podLabels("spec.podMetadata.labels")
            .build();
      case REDIS:
        return b.operator("spotahome redis-operator v1.2.4")
            .resource("databases.spotahome.com/v1 RedisFailover")
            .nodeSelector("spec.redis.nodeSelector, spec.sentinel.nodeSelector")
            .tolerations("spec.redis.tolerations, spec.sentinel.tolerations")
            .podLabels("metadata.labels (copied to the pods)")
            .build();
      case RABBITMQ:
        return b.operator("RabbitMQ cluster-operator v2.22.3")
            .resource("rabbitmq.com/v1beta1 RabbitmqCluster")
            .runtimeClassName(
                Optional.of("spec.override.statefulSet.spec.template.spec.runtimeClassName"))
            .nodeSelector("spec.override.statefulSet.spec.template.spec.nodeSelector")
            .tolerations("spec.tolerations")
            .podLabels("spec.override.statefulSet.spec.template.metadata.labels")
            .build();
      case CLICKHOUSE:
        return b.operator("Altinity clickhouse-operator 0.25.6")
            .resource("clickhouse.altinity.com/v1 ClickHouseInstallation")
            .runtimeClassName(Optional.of("spec.templates.podTemplates[].spec.runtimeClassName"))
            .nodeSelector("spec.templates.podTemplates[].spec.nodeSelector")
            .tolerations("spec.templates.podTemplates[].spec.tolerations")
            .podLabels("spec.templates.podTemplates[].metadata.labels")
            .build();
      case KAFKA:
        return b.operator("Strimzi 1.2.0")
            .resource("kafka.strimzi.io/v1 Kafka + KafkaNodePool")
            .nodeSelector("KafkaNodePool spec.template.pod.affinity.nodeAffinity (no nodeSelector)")
            .tolerations("KafkaNodePool spec.template.pod.tolerations")
            .podLabels("KafkaNodePool spec.template.pod.metadata.labels")
            .build();
      case ETCD:
        return b.operator("etcd-operator v0.4.5 (aenix/cozystack)")
            .resource("etcd.aenix.io/v1alpha1 EtcdCluster")
            .runtimeClassName(Optional.of("spec.podTemplate.spec.runtimeClassName"))
            .nodeSelector("spec.podTemplate.spec.nodeSelector")
            .tolerations("spec.podTemplate.spec.tolerations")
            .podLabels("spec.podTemplate.metadata.labels")
            .build();
      default:
        throw new IllegalStateException("no paths for " + engine);
    }
  }
}
