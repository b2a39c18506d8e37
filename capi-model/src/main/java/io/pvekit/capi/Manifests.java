package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes and reads manifests: multi-document YAML ({@code ---} between objects) and JSON (a {@code
 * v1/List}). Field order is the declaration order of the model classes; empty values are never
 * written. Reading maps every kind of this package (by {@code apiVersion} group and kind) to its
 * class, Namespace, ResourceQuota and Secret to fabric8's, anything else to {@link
 * GenericKubernetesResource}. Uses Jackson 3, as fabric8 kubernetes-model 8 does.
 */
public final class Manifests {
  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
          .build();
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
          .build();

  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.ofEntries(
          Map.entry("cluster.x-k8s.io/Cluster", Cluster.class),
          Map.entry("cluster.x-k8s.io/Machine", Machine.class),
          Map.entry("cluster.x-k8s.io/MachineDeployment", MachineDeployment.class),
          Map.entry("cluster.x-k8s.io/MachineHealthCheck", MachineHealthCheck.class),
          Map.entry(
              "bootstrap.cluster.x-k8s.io/KubeadmConfigTemplate", KubeadmConfigTemplate.class),
          Map.entry("infrastructure.cluster.x-k8s.io/ProxmoxCluster", ProxmoxCluster.class),
          Map.entry("infrastructure.cluster.x-k8s.io/ProxmoxMachine", ProxmoxMachine.class),
          Map.entry(
              "infrastructure.cluster.x-k8s.io/ProxmoxMachineTemplate",
              ProxmoxMachineTemplate.class),
          Map.entry("controlplane.cluster.x-k8s.io/KamajiControlPlane", KamajiControlPlane.class),
          Map.entry("kamaji.clastix.io/TenantControlPlane", TenantControlPlane.class),
          Map.entry("kamaji.clastix.io/DataStore", DataStore.class),
          Map.entry("ipam.cluster.x-k8s.io/InClusterIPPool", InClusterIPPool.class),
          Map.entry("/Namespace", Namespace.class),
          Map.entry("/ResourceQuota", ResourceQuota.class),
          Map.entry("/Secret", Secret.class));

  private Manifests() {}

  /**
   * Multi-document YAML: each object, {@code ---} between them.
   *
   * @param objects the objects, in order
   * @return the YAML
   */
  public static String toYaml(List<? extends HasMetadata> objects) {
    StringBuilder out = new StringBuilder();
    for (HasMetadata o : objects) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      out.append(YAML.writeValueAsString(o));
    }
    return out.toString();
  }

  /**
   * A JSON {@code v1/List} of the objects (what {@code kubectl apply -f} accepts).
   *
   * @param objects the objects, in order
   * @return pretty-printed JSON
   */
  public static String toJson(List<? extends HasMetadata> objects) {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", objects);
    return JSON.writeValueAsString(list) + "\n";
  }

  /**
   * One object as JSON.
   *
   * @param object the object
   * @return compact JSON
   */
  public static String toJson(HasMetadata object) {
    return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(object);
  }

  /**
   * Reads multi-document YAML, or JSON (one object or a {@code v1/List}).
   *
   * @param text the manifests
   * @return the objects, typed where this package or fabric8 knows the kind
   * @throws IllegalArgumentException when the text is not YAML/JSON or an object lacks a kind
   */
  public static List<HasMetadata> parse(String text) {
    List<HasMetadata> out = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        if ("List".equals(doc.path("kind").asString()) && doc.has("items")) {
          doc.path("items").forEach(item -> out.add(toTyped(item)));
        } else {
          out.add(toTyped(doc));
        }
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not YAML or JSON manifests: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Converts an object to another representation of the same JSON, for example a typed object to
   * {@link GenericKubernetesResource} for a client call, or back.
   *
   * @param object the object
   * @param type the target type
   * @param <T> the target type
   * @return the converted object
   */
  public static <T> T convert(Object object, Class<T> type) {
    return JSON.convertValue(object, type);
  }

  private static HasMetadata toTyped(JsonNode doc) {
    String apiVersion = doc.path("apiVersion").asString();
    String kind = doc.path("kind").asString();
    if (kind.isEmpty() || apiVersion.isEmpty()) {
      throw new IllegalArgumentException(
          "manifest without apiVersion or kind: " + abbreviate(doc.toString()));
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    Class<? extends HasMetadata> type =
        KINDS.getOrDefault(group + "/" + kind, GenericKubernetesResource.class);
    try {
      return JSON.treeToValue(doc, type);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          kind + " does not match its model: " + e.getOriginalMessage(), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "..." : s;
  }
}
