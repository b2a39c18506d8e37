package io.pvekit.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * {@code spec} of a database request: the same shape for every engine. A mutable bean because the
 * CRD generator and Jackson read it; the engine works on {@link DatabaseRequest}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatabaseSpec {
  /** A Kubernetes quantity such as {@code 500m}, {@code 2}, {@code 4Gi}. */
  static final String QUANTITY = "^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$";

  @JsonPropertyDescription("Engine version, e.g. 17 or 3.5.21; the engine's default when absent.")
  @Pattern("^[0-9]+(\\.[0-9]+){0,2}$")
  private String version;

  @JsonPropertyDescription(
      "Where the pods run: pod (default runtime), lxc (proxmox-lxc), vm (the VM RuntimeClass) or"
          + " auto (the policy's default for the engine). Fixed once set.")
  @Default("auto")
  @PrinterColumn(name = "Requested")
  @ValidationRule(
      value = "self == oldSelf",
      message = "runtime cannot change in place; create a new database and migrate the data")
  private RuntimeChoice runtime;

  @JsonPropertyDescription("Number of database pods.")
  @Min(1)
  @Max(9)
  @Default("1")
  @PrinterColumn(name = "Replicas")
  private Integer replicas;

  @JsonPropertyDescription("CPU and memory each pod requests (and is limited to).")
  @Required
  private Resources resources;

  @JsonPropertyDescription("Persistent storage of each pod.")
  @Required
  private Storage storage;

  /**
   * The engine version.
   *
   * @return the version, or null for the engine's default
   */
  public String getVersion() {
    return version;
  }

  /**
   * Sets the engine version.
   *
   * @param version e.g. {@code 17}
   */
  public void setVersion(String version) {
    this.version = version;
  }

  /**
   * The requested runtime.
   *
   * @return the choice, or null (meaning auto)
   */
  public RuntimeChoice getRuntime() {
    return runtime;
  }

  /**
   * Sets the requested runtime.
   *
   * @param runtime the choice
   */
  public void setRuntime(RuntimeChoice runtime) {
    this.runtime = runtime;
  }

  /**
   * The number of pods.
   *
   * @return the replicas, or null (meaning 1)
   */
  public Integer getReplicas() {
    return replicas;
  }

  /**
   * Sets the number of pods.
   *
   * @param replicas 1 to 9
   */
  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  /**
   * CPU and memory per pod.
   *
   * @return the resources
   */
  public Resources getResources() {
    return resources;
  }

  /**
   * Sets CPU and memory per pod.
   *
   * @param resources the resources
   */
  public void setResources(Resources resources) {
    this.resources = resources;
  }

  /**
   * Storage per pod.
   *
   * @return the storage
   */
  public Storage getStorage() {
    return storage;
  }

  /**
   * Sets storage per pod.
   *
   * @param storage the storage
   */
  public void setStorage(Storage storage) {
    this.storage = storage;
  }

  /** {@code spec.resources}: CPU and memory of each pod. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Resources {
    @JsonPropertyDescription("CPU per pod as a Kubernetes quantity, e.g. 2 or 500m.")
    @Required
    @Pattern(QUANTITY)
    private String cpu;

    @JsonPropertyDescription("Memory per pod as a Kubernetes quantity, e.g. 4Gi.")
    @Required
    @Pattern(QUANTITY)
    private String memory;

    /**
     * CPU per pod.
     *
     * @return a quantity
     */
    public String getCpu() {
      return cpu;
    }

    /**
     * Sets CPU per pod.
     *
     * @param cpu a quantity
     */
    public void setCpu(String cpu) {
      this.cpu = cpu;
    }

    /**
     * Memory per pod.
     *
     * @return a quantity
     */
    public String getMemory() {
      return memory;
    }

    /**
     * Sets memory per pod.
     *
     * @param memory a quantity
     */
    public void setMemory(String memory) {
      this.memory = memory;
    }
  }

  /** {@code spec.storage}: the persistent volume of each pod. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class Storage {
    @JsonPropertyDescription("Volume size per pod, e.g. 100Gi.")
    @Required
    @Pattern(QUANTITY)
    private String size;

    @JsonPropertyDescription("StorageClass of the volumes; the cluster default when absent.")
    @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    private String storageClass;

    /**
     * Volume size per pod.
     *
     * @return a quantity
     */
    public String getSize() {
      return size;
    }

    /**
     * Sets the volume size per pod.
     *
     * @param size a quantity
     */
    public void setSize(String size) {
      this.size = size;
    }

    /**
     * The StorageClass.
     *
     * @return the name, or null for the default
     */
    public String getStorageClass() {
      return storageClass;
    }

    /**
     * Sets the StorageClass.
     *
     * @param storageClass the name
     */
    public void setStorageClass(String storageClass) {
      this.storageClass = storageClass;
    }
  }
}
