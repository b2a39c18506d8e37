package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The common shape of every typed resource of this package: {@code apiVersion}, {@code kind},
 * {@code metadata}, {@code spec} and {@code status}, serialized in that order. Empty values (null,
 * empty lists, empty maps) are never written, because most Cluster API v1beta2 lists and objects
 * require at least one item and an emitted empty one is invalid.
 *
 * @param <S> the spec type
 * @param <T> the status type
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
@JsonIgnoreProperties(ignoreUnknown = true)
// fabric8 puts a kind-dispatching deserializer on KubernetesResource; read subclasses as POJOs.
@JsonDeserialize(using = ValueDeserializer.None.class)
public abstract class CapiResource<S, T> implements HasMetadata {
  private static final long serialVersionUID = 1L;

  private String apiVersion;
  private String kind;
  private ObjectMeta metadata = new ObjectMeta();
  private S spec;
  private T status;

  /**
   * Creates an empty resource of the given type.
   *
   * @param apiVersion the {@code apiVersion}
   * @param kind the {@code kind}
   */
  protected CapiResource(String apiVersion, String kind) {
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  @Override
  public String getApiVersion() {
    return apiVersion;
  }

  @Override
  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  @Override
  public String getKind() {
    return kind;
  }

  /**
   * Sets the kind (used by Jackson when reading).
   *
   * @param kind the kind
   */
  public void setKind(String kind) {
    this.kind = kind;
  }

  @Override
  public ObjectMeta getMetadata() {
    return metadata;
  }

  @Override
  public void setMetadata(ObjectMeta metadata) {
    this.metadata = metadata;
  }

  /**
   * The desired state.
   *
   * @return the spec, null when not set
   */
  public S getSpec() {
    return spec;
  }

  /**
   * Sets the desired state.
   *
   * @param spec the spec
   */
  public void setSpec(S spec) {
    this.spec = spec;
  }

  /**
   * The observed state written by the controllers (read only; never applied by pvekit).
   *
   * @return the status, null when not set
   */
  public T getStatus() {
    return status;
  }

  /**
   * Sets the observed state (controllers and test fixtures do this).
   *
   * @param status the status
   */
  public void setStatus(T status) {
    this.status = status;
  }

  /**
   * Metadata with a name, a namespace and labels.
   *
   * @param name the object name
   * @param namespace the namespace, null for cluster-scoped objects
   * @param labels the labels
   * @return the metadata
   */
  public static ObjectMeta meta(String name, String namespace, Map<String, String> labels) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels.isEmpty() ? null : labels)
        .build();
  }

  @Override
  public String toString() {
    return kind + "/" + (metadata == null ? "?" : metadata.getName());
  }
}
