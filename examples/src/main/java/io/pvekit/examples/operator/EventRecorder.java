package io.pvekit.examples.operator;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records core v1 Events on the requests, as {@code kubectl describe} shows them. A cluster-scoped
 * request's events go to the {@code default} namespace, as Kubernetes' own recorders do.
 */
final class EventRecorder {
  static final String COMPONENT = "pvekit-operator";

  /** Kubernetes caps an Event's message at 1 KiB in its validation. */
  private static final int MAX_MESSAGE = 1024;

  private final KubernetesClient client;
  private final Clock clock;

  EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  Event normal(HasMetadata on, String reason, String message) {
    return record(on, "Normal", reason, message);
  }

  Event warning(HasMetadata on, String reason, String message) {
    return record(on, "Warning", reason, message);
  }

  private Event record(HasMetadata on, String type, String reason, String message) {
    String namespace =
        on.getMetadata().getNamespace() == null ? "default" : on.getMetadata().getNamespace();
    String now = Instant.now(clock).toString();
    String text =
        message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 3) + "..." : message;
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                on.getMetadata().getName()
                    + "."
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 16))
            .withNamespace(namespace)
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(on.getApiVersion())
                    .withKind(on.getKind())
                    .withName(on.getMetadata().getName())
                    .withNamespace(on.getMetadata().getNamespace())
                    .withUid(on.getMetadata().getUid())
                    .withResourceVersion(on.getMetadata().getResourceVersion())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(text)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withReportingInstance(COMPONENT)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .build();
    return client.v1().events().inNamespace(namespace).resource(event).create();
  }
}
