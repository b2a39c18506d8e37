package io.pvekit.runtime.internal;

import io.fabric8.kubernetes.api.model.Toleration;
import io.pvekit.runtime.DatabaseRequest;
import io.pvekit.runtime.DatabaseResource;
import io.pvekit.runtime.Decision;
import io.pvekit.runtime.WorkloadRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every renderer needs from a decision, in the unstructured shapes CRDs take. */
public final class RenderContext {
  /** Label on rendered objects and pod templates: informational; the webhook trusts owners only. */
  public static final String RUNTIME_LABEL = WorkloadRuntime.ANNOTATION;

  private final Decision decision;

  public RenderContext(Decision decision) {
    this.decision = decision;
  }

  public Decision decision() {
    return decision;
  }

  public DatabaseRequest request() {
    return decision.request();
  }

  public String name() {
    return request().name();
  }

  public String runtimeClassName() {
    return decision.runtimeClassName().orElse(null);
  }

  public int replicas() {
    return request().replicas();
  }

  public String version() {
    return request().version();
  }

  public String storageSize() {
    return Quantities.formatBytes(request().storageBytes());
  }

  public String storageClass() {
    return request().storageClass().orElse(null);
  }

  /** Requests and limits: memory limited to the request, CPU not limited (no throttling). */
  public Map<String, Object> resources() {
    return Maps.of(
        "requests",
        Maps.of(
            "cpu",
            Quantities.formatCpu(request().cpuMillis()),
            "memory",
            Quantities.formatBytes(request().memoryBytes())),
        "limits",
        Maps.of("memory", Quantities.formatBytes(request().memoryBytes())));
  }

  /** The decision's node selector, or null when there is none. */
  public Map<String, String> nodeSelector() {
    return Maps.orNull(new LinkedHashMap<>(decision.nodeSelector()));
  }

  /** The decision's tolerations as maps, or null when there are none. */
  public List<Object> tolerations() {
    List<Object> list = new ArrayList<>();
    for (Toleration t : decision.tolerations()) {
      list.add(
          Maps.of(
              "key", t.getKey(),
              "operator", t.getOperator(),
              "value", t.getValue(),
              "effect", t.getEffect(),
              "tolerationSeconds", t.getTolerationSeconds()));
    }
    return Maps.orNull(list);
  }

  /** The node selector as a required node affinity, for operators without a nodeSelector. */
  public Map<String, Object> nodeAffinity() {
    Map<String, String> selector = nodeSelector();
    if (selector == null) {
      return null;
    }
    List<Object> expressions = new ArrayList<>();
    selector.forEach(
        (k, v) -> expressions.add(Maps.of("key", k, "operator", "In", "values", Maps.list(v))));
    return Maps.of(
        "nodeAffinity",
        Maps.of(
            "requiredDuringSchedulingIgnoredDuringExecution",
            Maps.of("nodeSelectorTerms", Maps.list(Maps.of("matchExpressions", expressions)))));
  }

  /** Labels for rendered objects and pod templates. */
  public Map<String, Object> labels() {
    return Maps.of(
        "app.kubernetes.io/managed-by",
        "pvekit",
        "app.kubernetes.io/part-of",
        name(),
        RUNTIME_LABEL,
        decision.runtime().annotationValue());
  }

  /** Metadata of a rendered object, owned by the request when its uid is known. */
  public Map<String, Object> metadata(String objectName, Map<String, Object> extraLabels) {
    Map<String, Object> labels = labels();
    if (extraLabels != null) {
      labels.putAll(extraLabels);
    }
    Object owners =
        request()
            .uid()
            .map(
                uid ->
                    (Object)
                        Maps.list(
                            Maps.of(
                                "apiVersion",
                                DatabaseResource.GROUP + "/" + DatabaseResource.VERSION,
                                "kind",
                                request().engine().kind(),
                                "name",
                                name(),
                                "uid",
                                uid,
                                "controller",
                                true,
                                "blockOwnerDeletion",
                                true)))
            .orElse(null);
    return Maps.of(
        "name",
        objectName,
        "namespace",
        request().namespace(),
        "labels",
        labels,
        "ownerReferences",
        owners);
  }

  /** A whole object. */
  public static Map<String, Object> object(
      String apiVersion, String kind, Map<String, Object> metadata, Map<String, Object> spec) {
    return Maps.of("apiVersion", apiVersion, "kind", kind, "metadata", metadata, "spec", spec);
  }

  public String engineName() {
    return request().engine().name().toLowerCase(Locale.ROOT);
  }
}
