package io.pvekit.examples.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;

/** Owner references that let Kubernetes' garbage collector delete what a request created. */
final class Owners {
  private Owners() {}

  /** The controller reference to {@code owner}: deleting the owner deletes the object. */
  static OwnerReference controller(HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    if (uid == null || uid.isEmpty()) {
      throw new IllegalArgumentException(
          owner.getKind()
              + " "
              + owner.getMetadata().getName()
              + ": metadata.uid is empty; only an object read from the API server can own others");
    }
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(uid)
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** Makes {@code owner} the only controller of {@code object}, keeping other owners. */
  static void setController(HasMetadata object, HasMetadata owner) {
    OwnerReference ref = controller(owner);
    List<OwnerReference> others =
        object.getMetadata().getOwnerReferences() == null
            ? List.of()
            : object.getMetadata().getOwnerReferences().stream()
                .filter(
                    r ->
                        !Boolean.TRUE.equals(r.getController()) && !ref.getUid().equals(r.getUid()))
                .toList();
    List<OwnerReference> all = new java.util.ArrayList<>(others);
    all.add(ref);
    object.getMetadata().setOwnerReferences(all);
  }
}
