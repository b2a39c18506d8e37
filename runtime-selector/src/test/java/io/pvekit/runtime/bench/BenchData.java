package io.pvekit.runtime.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeRuntimeHandlerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.pvekit.runtime.DatabaseEngine;
import io.pvekit.runtime.DatabaseRequest;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.Policy;
import io.pvekit.runtime.RuntimeChoice;
import io.pvekit.runtime.RuntimeClasses;
import io.pvekit.runtime.WorkloadRuntime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A 5,000-node inventory and one database pod review, shared by the benchmarks and load test. */
public final class BenchData {
  private BenchData() {}

  /** 5,000 nodes: a third Proxmox LXC nodes, a third Kata nodes, a third plain; random usage. */
  public static List<HasMetadata> cluster(int nodes) {
    Random random = new Random(5000);
    List<HasMetadata> list = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      NodeBuilder b =
          new NodeBuilder()
              .withNewMetadata()
              .withName("node-" + i)
              .addToLabels("topology.kubernetes.io/zone", "zone-" + (i % 3))
              .endMetadata()
              .withNewSpec()
              .endSpec()
              .withNewStatus()
              .withAllocatable(Map.of("cpu", new Quantity("32"), "memory", new Quantity("128Gi")))
              .addToRuntimeHandlers(new NodeRuntimeHandlerBuilder().withName("runc").build())
              .endStatus();
      switch (i % 3) {
        case 0 ->
            b.editMetadata()
                .addToLabels(Policy.LXC_NODE_LABEL, "true")
                .endMetadata()
                .editSpec()
                .addToTaints(
                    new TaintBuilder()
                        .withKey(Policy.LXC_NODE_LABEL)
                        .withValue("true")
                        .withEffect("NoSchedule")
                        .build())
                .endSpec()
                .editStatus()
                .addToRuntimeHandlers(
                    new NodeRuntimeHandlerBuilder().withName("proxmox-lxc").build())
                .endStatus();
        case 1 ->
            b.editMetadata()
                .addToLabels(RuntimeClasses.KATA_NODE_LABEL, "true")
                .endMetadata()
                .editStatus()
                .addToRuntimeHandlers(new NodeRuntimeHandlerBuilder().withName("kata-qemu").build())
                .endStatus();
        default -> {}
      }
      list.add(b.build());
    }
    list.add(RuntimeClasses.lxc(Policy.defaults()));
    list.add(RuntimeClasses.vm(Policy.defaults()));
    return list;
  }

  public static Inventory inventory(int nodes) {
    return Inventory.fromObjects(cluster(nodes));
  }

  public static DatabaseRequest request(WorkloadRuntime runtime) {
    return DatabaseRequest.builder()
        .name("orders")
        .namespace("team-a")
        .engine(DatabaseEngine.POSTGRESQL)
        .runtime(RuntimeChoice.valueOf(runtime.name()))
        .replicas(3)
        .size("2", "4Gi", "100Gi")
        .build();
  }

  /** Owner objects: PostgreSQL request → CNPG Cluster, decision lxc. */
  public static List<HasMetadata> owners() {
    GenericKubernetesResource db = new GenericKubernetesResource();
    db.setApiVersion("db.pvekit.io/v1alpha1");
    db.setKind("PostgreSQL");
    db.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName("orders")
            .withNamespace("team-a")
            .withUid("uid-db")
            .build());
    db.setAdditionalProperty("status", Map.of("phase", "Accepted", "runtime", "lxc"));
    GenericKubernetesResource cluster = new GenericKubernetesResource();
    cluster.setApiVersion("postgresql.cnpg.io/v1");
    cluster.setKind("Cluster");
    cluster.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName("orders")
            .withNamespace("team-a")
            .withUid("uid-cluster")
            .addNewOwnerReference()
            .withApiVersion("db.pvekit.io/v1alpha1")
            .withKind("PostgreSQL")
            .withName("orders")
            .withUid("uid-db")
            .withController(true)
            .endOwnerReference()
            .build());
    return List.of(db, cluster);
  }

  /** A CREATE review of a CNPG instance pod of that database. */
  public static byte[] podReview() {
    String review =
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{"
            + "\"uid\":\"705ab4f5-6393-11e8-b7cc-42010a800002\","
            + "\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},"
            + "\"resource\":{\"group\":\"\",\"version\":\"v1\",\"resource\":\"pods\"},"
            + "\"operation\":\"CREATE\",\"namespace\":\"team-a\",\"userInfo\":{\"username\":"
            + "\"system:serviceaccount:cnpg-system:cnpg-manager\"},\"dryRun\":false,"
            + "\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"orders-1\","
            + "\"namespace\":\"team-a\",\"labels\":{\"cnpg.io/cluster\":\"orders\","
            + "\"cnpg.io/podRole\":\"instance\"},\"ownerReferences\":[{\"apiVersion\":"
            + "\"postgresql.cnpg.io/v1\",\"kind\":\"Cluster\",\"name\":\"orders\",\"uid\":"
            + "\"uid-cluster\",\"controller\":true}]},\"spec\":{\"containers\":[{\"name\":"
            + "\"postgres\",\"image\":\"ghcr.io/cloudnative-pg/postgresql:17\",\"resources\":"
            + "{\"requests\":{\"cpu\":\"2\",\"memory\":\"4Gi\"}}}]}}}}";
    return review.getBytes(StandardCharsets.UTF_8);
  }
}
