package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReviewBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.pvekit.runtime.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** AdmissionReviews and a database with owners: RabbitMQ → RabbitmqCluster → StatefulSet → Pod. */
final class Reviews {
  static final String NS = "tenant-a";

  private Reviews() {}

  /** The owner objects of a database whose decision is the given runtime. */
  static List<HasMetadata> owners(String runtime, String phase) {
    RabbitMQ db = new RabbitMQ();
    db.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName("queue")
            .withNamespace(NS)
            .withUid("uid-db")
            .build());
    DatabaseStatus status = new DatabaseStatus();
    status.setPhase(phase);
    status.setRuntime(runtime);
    db.setStatus(status);
    GenericKubernetesResource cluster = new GenericKubernetesResource();
    cluster.setApiVersion("rabbitmq.com/v1beta1");
    cluster.setKind("RabbitmqCluster");
    cluster.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName("queue")
            .withNamespace(NS)
            .withUid("uid-rmq")
            .withOwnerReferences(ref("db.pvekit.io/v1alpha1", "RabbitMQ", "queue", "uid-db"))
            .build());
    StatefulSet sts =
        new StatefulSetBuilder()
            .withNewMetadata()
            .withName("queue-server")
            .withNamespace(NS)
            .withUid("uid-sts")
            .withOwnerReferences(ref("rabbitmq.com/v1beta1", "RabbitmqCluster", "queue", "uid-rmq"))
            .endMetadata()
            .build();
    List<HasMetadata> list = new ArrayList<>();
    list.add(db);
    list.add(cluster);
    list.add(sts);
    return list;
  }

  static OwnerReference ref(String apiVersion, String kind, String name, String uid) {
    return new OwnerReferenceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withName(name)
        .withUid(uid)
        .withController(true)
        .build();
  }

  /** A pod of the database's StatefulSet. */
  static PodBuilder databasePod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("queue-server-0")
        .withNamespace(NS)
        .withOwnerReferences(ref("apps/v1", "StatefulSet", "queue-server", "uid-sts"))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("rabbitmq")
        .withImage("rabbitmq:4.1")
        .endContainer()
        .endSpec();
  }

  static PodBuilder plainPod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace(NS)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("web")
        .withImage("nginx")
        .endContainer()
        .endSpec();
  }

  /** A review of the pod, moved into the namespace as the API server would send it. */
  static byte[] podReview(String uid, String namespace, Pod pod, boolean dryRun) {
    Pod moved = new PodBuilder(pod).editMetadata().withNamespace(namespace).endMetadata().build();
    return review(uid, namespace, new GroupVersionKind("", "Pod", "v1"), moved, dryRun);
  }

  static byte[] review(
      String uid, String namespace, GroupVersionKind gvk, Object object, boolean dryRun) {
    AdmissionReview review =
        new AdmissionReviewBuilder()
            .withApiVersion("admission.k8s.io/v1")
            .withKind("AdmissionReview")
            .withNewRequest()
            .withUid(uid)
            .withKind(gvk)
            .withOperation("CREATE")
            .withNamespace(namespace)
            .withDryRun(dryRun)
            .withObject(Json.SERIALIZATION.convertValue(object, GenericKubernetesResource.class))
            .endRequest()
            .build();
    return Json.SERIALIZATION.asJson(review).getBytes(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> response(AdmissionResponse r) {
    Map<String, Object> review = Json.SERIALIZATION.unmarshal(r.bodyText(), Map.class);
    return (Map<String, Object>) review.get("response");
  }
}
