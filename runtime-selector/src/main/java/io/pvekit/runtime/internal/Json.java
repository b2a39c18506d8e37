package io.pvekit.runtime.internal;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The one fabric8 serializer of this module (Jackson 3 underneath, Kubernetes types known). */
public final class Json {
  /** Shared and thread-safe. */
  public static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Json() {}
}
