package io.pvekit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pvekit.runtime.internal.Json;
import io.pvekit.runtime.internal.Maps;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pins each operator's field paths: where runtimeClassName, nodeSelector and tolerations go. */
class ManifestsTest {
  private static final RuntimeSelector SELECTOR = new RuntimeSelector(Fixtures.POLICY);

  static Decision decide(DatabaseEngine engine, RuntimeChoice runtime) {
    Decision d =
        SELECTOR.decide(
            Fixtures.request(engine, runtime)
                .replicas(runtime == RuntimeChoice.VM ? 2 : 3)
                .storageClass("local-lvm")
                .uid(Optional.of("0b5e1c9a-1111-2222-3333-444455556666"))
                .build(),
            Fixtures.inventory());
    assertThat(d.accepted()).as(d.explain()).isTrue();
    return d;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Decision d) {
    return Manifests.render(d).stream()
        .map(r -> (Map<String, Object>) Json.SERIALIZATION.convertValue(r, Map.class))
        .toList();
  }

  private static Map<String, Object> only(DatabaseEngine engine, RuntimeChoice runtime) {
    List<Map<String, Object>> list = maps(decide(engine, runtime));
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  @Test
  void cnpg_runtimeClassThroughPodPatch_placementInAffinity() {
    Map<String, Object> cluster = only(DatabaseEngine.POSTGRESQL, RuntimeChoice.LXC);
    assertThat(cluster)
        .containsEntry("apiVersion", "postgresql.cnpg.io/v1")
        .containsEntry("kind", "Cluster");
    assertThat(Maps.at(cluster, "metadata.annotations"))
        .isEqualTo(
            Map.of(
                "cnpg.io/podPatch",
                "[{\"op\":\"add\",\"path\":\"/spec/runtimeClassName\",\"value\":\"proxmox-lxc\"}]"));
    assertThat(Maps.at(cluster, "spec.affinity.nodeSelector"))
        .isEqualTo(Map.of("runtime.proxmox.io/lxc", "true"));
    assertThat(Maps.at(cluster, "spec.affinity.tolerations").toString())
        .contains("key=runtime.proxmox.io/lxc", "effect=NoSchedule");
    assertThat(Maps.at(cluster, "spec.instances")).isEqualTo(3);
    assertThat(Maps.at(cluster, "spec.storage"))
        .isEqualTo(Map.of("size", "100Gi", "storageClass", "local-lvm"));
    assertThat(Maps.at(cluster, "spec.inheritedMetadata.labels").toString())
        .contains("runtime.pvekit.io/runtime=lxc");
  }

  @Test
  void cnpg_pod_hasNoPatchNoSelector() {
    Map<String, Object> cluster = only(DatabaseEngine.POSTGRESQL, RuntimeChoice.POD);
    assertThat(Maps.at(cluster, "metadata.annotations")).isNull();
    assertThat(Maps.at(cluster, "spec.affinity")).isNull();
  }

  @Test
  void mariadb_placementInSpec_runtimeClassByWebhook() {
    Map<String, Object> m = only(DatabaseEngine.MARIADB, RuntimeChoice.VM);
    assertThat(Maps.at(m, "spec.nodeSelector"))
        .isEqualTo(Map.of("katacontainers.io/kata-runtime", "true"));
    assertThat(Maps.at(m, "spec.podMetadata.labels").toString())
        .contains("runtime.pvekit.io/runtime=vm");
    assertThat(Maps.at(m, "spec.storage.storageClassName")).isEqualTo("local-lvm");
    assertThat(m.toString()).doesNotContain("runtimeClassName");
    assertThat(Manifests.paths(DatabaseEngine.MARIADB).needsWebhook()).isTrue();
  }

  @Test
  void redisFailover_placementOnRedisAndSentinel() {
    Map<String, Object> r = only(DatabaseEngine.REDIS, RuntimeChoice.LXC);
    assertThat(Maps.at(r, "spec.redis.nodeSelector"))
        .isEqualTo(Map.of("runtime.proxmox.io/lxc", "true"));
    assertThat(Maps.at(r, "spec.sentinel.nodeSelector"))
        .isEqualTo(Map.of("runtime.proxmox.io/lxc", "true"));
    assertThat(Maps.at(r, "spec.redis.tolerations")).isNotNull();
    assertThat(Maps.at(r, "spec.redis.storage.persistentVolumeClaim.spec.storageClassName"))
        .isEqualTo("local-lvm");
    assertThat(Maps.at(r, "metadata.labels").toString()).contains("runtime.pvekit.io/runtime=lxc");
  }

  @Test
  void rabbitmq_runtimeClassInStatefulSetOverride() {
    Map<String, Object> r = only(DatabaseEngine.RABBITMQ, RuntimeChoice.LXC);
    assertThat(Maps.at(r, "spec.override.statefulSet.spec.template.spec.runtimeClassName"))
        .isEqualTo("proxmox-lxc");
    assertThat(Maps.at(r, "spec.override.statefulSet.spec.template.spec.nodeSelector"))
        .isEqualTo(Map.of("runtime.proxmox.io/lxc", "true"));
    assertThat(Maps.at(r, "spec.tolerations")).isNotNull();
    assertThat(Maps.at(r, "spec.persistence.storage")).isEqualTo("100Gi");
  }

  @Test
  @SuppressWarnings("unchecked")
  void clickhouse_runtimeClassInPodTemplate() {
    Map<String, Object> chi = only(DatabaseEngine.CLICKHOUSE, RuntimeChoice.VM);
    List<Map<String, Object>> templates =
        (List<Map<String, Object>>) Maps.at(chi, "spec.templates.podTemplates");
    assertThat(Maps.at(templates.get(0), "spec.runtimeClassName")).isEqualTo("kata");
    assertThat(Maps.at(templates.get(0), "spec.nodeSelector"))
        .isEqualTo(Map.of("katacontainers.io/kata-runtime", "true"));
    assertThat(Maps.at(chi, "spec.defaults.templates.podTemplate"))
        .isEqualTo(templates.get(0).get("name"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void strimzi_kafkaAndNodePool_nodeAffinityInsteadOfSelector() {
    List<Map<String, Object>> list = maps(decide(DatabaseEngine.KAFKA, RuntimeChoice.LXC));
    assertThat(list).extracting(m -> m.get("kind")).containsExactly("Kafka", "KafkaNodePool");
    Map<String, Object> pool = list.get(1);
    assertThat(Maps.at(pool, "metadata.labels").toString()).contains("strimzi.io/cluster=orders");
    assertThat(Maps.at(pool, "spec.replicas")).isEqualTo(3);
    assertThat(Maps.at(pool, "spec.storage.class")).isEqualTo("local-lvm");
    List<Map<String, Object>> terms =
        (List<Map<String, Object>>)
            Maps.at(
                pool,
                "spec.template.pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms");
    assertThat(terms.get(0).toString())
        .contains("key=runtime.proxmox.io/lxc", "operator=In", "values=[true]");
    assertThat(Maps.at(pool, "spec.template.pod.tolerations")).isNotNull();
    assertThat(list.toString()).doesNotContain("runtimeClassName");
  }

  @Test
  void etcd_runtimeClassInPodTemplate() {
    Map<String, Object> e = only(DatabaseEngine.ETCD, RuntimeChoice.VM);
    assertThat(e).containsEntry("apiVersion", "etcd.aenix.io/v1alpha1");
    assertThat(Maps.at(e, "spec.podTemplate.spec.runtimeClassName")).isEqualTo("kata");
    assertThat(Maps.at(e, "spec.storage.volumeClaimTemplate.spec.storageClassName"))
        .isEqualTo("local-lvm");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyObject_isOwnedByTheRequest() {
    for (DatabaseEngine engine : DatabaseEngine.values()) {
      for (Map<String, Object> m : maps(decide(engine, RuntimeChoice.LXC))) {
        List<Map<String, Object>> owners =
            (List<Map<String, Object>>) Maps.at(m, "metadata.ownerReferences");
        assertThat(owners).as(engine.name()).hasSize(1);
        assertThat(owners.get(0))
            .containsEntry("apiVersion", "db.pvekit.io/v1alpha1")
            .containsEntry("kind", engine.kind())
            .containsEntry("controller", true);
      }
    }
  }

  @Test
  void refusedDecision_rendersNothing() {
    Decision refused =
        SELECTOR.decide(
            Fixtures.request(DatabaseEngine.ETCD, RuntimeChoice.VM).namespace("tenant-b").build(),
            Fixtures.inventory());
    assertThatThrownBy(() -> Manifests.render(refused)).isInstanceOf(RuntimeRefusedException.class);
  }

  @Test
  void runtimeClasses_vmHasOverheadAndScheduling() {
    String yaml = Manifests.toYaml(Manifests.runtimeClasses(Policy.defaults()));
    assertThat(yaml)
        .contains("handler: \"proxmox-lxc\"")
        .contains("handler: \"kata-qemu\"")
        .contains("podFixed:")
        .contains("memory: \"320Mi\"")
        .contains("katacontainers.io/kata-runtime: \"true\"");
  }

  @Test
  void toYaml_isMultiDocument() {
    List<GenericKubernetesResource> objects =
        Manifests.render(decide(DatabaseEngine.KAFKA, RuntimeChoice.VM));
    assertThat(Manifests.toYaml(objects).split("(?m)^---$")).hasSize(3);
  }
}
