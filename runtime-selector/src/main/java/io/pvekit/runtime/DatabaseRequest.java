package io.pvekit.runtime;

import io.pvekit.runtime.internal.Quantities;
import java.util.Optional;
import org.immutables.value.Value;

/** What a tenant asks for: one database, its runtime choice and its size. */
@Value.Immutable
public abstract class DatabaseRequest {
  DatabaseRequest() {}

  /** The database's name (the request resource's {@code metadata.name}). */
  public abstract String name();

  /** The tenant namespace. */
  public abstract String namespace();

  public abstract DatabaseEngine engine();

  /** The engine version; the engine's default when not set. */
  @Value.Default
  public String version() {
    return engine().defaultVersion();
  }

  @Value.Default
  public RuntimeChoice runtime() {
    return RuntimeChoice.AUTO;
  }

  @Value.Default
  public int replicas() {
    return 1;
  }

  /** CPU per pod in millicores. */
  public abstract long cpuMillis();

  /** Memory per pod in bytes. */
  public abstract long memoryBytes();

  /** Volume size per pod in bytes. */
  public abstract long storageBytes();

  public abstract Optional<String> storageClass();

  /** The request resource's {@code metadata.uid}, when it exists in a cluster. */
  public abstract Optional<String> uid();

  @Value.Check
  void check() {
    if (replicas() < 1) {
      throw new IllegalArgumentException("replicas: " + replicas() + " is below 1");
    }
    if (cpuMillis() <= 0 || memoryBytes() <= 0 || storageBytes() <= 0) {
      throw new IllegalArgumentException(
          "cpu, memory and storage must be above 0; got cpu "
              + Quantities.formatCpu(cpuMillis())
              + ", memory "
              + Quantities.formatBytes(memoryBytes())
              + ", storage "
              + Quantities.formatBytes(storageBytes()));
    }
  }

  /**
   * Reads a request resource as applied by a tenant.
   *
   * @param resource the resource
   * @return the request
   * @throws IllegalArgumentException naming the field and value that are missing or wrong
   */
  public static DatabaseRequest of(DatabaseResource resource) {
    DatabaseSpec spec = resource.getSpec();
    if (spec == null) {
      throw new IllegalArgumentException("spec: missing");
    }
    if (spec.getResources() == null) {
      throw new IllegalArgumentException("spec.resources: missing; set cpu and memory");
    }
    if (spec.getStorage() == null) {
      throw new IllegalArgumentException("spec.storage: missing; set size");
    }
    String name = resource.getMetadata() == null ? null : resource.getMetadata().getName();
    String namespace =
        resource.getMetadata() == null ? null : resource.getMetadata().getNamespace();
    if (name == null || namespace == null) {
      throw new IllegalArgumentException("metadata.name and metadata.namespace: both required");
    }
    Builder b =
        builder()
            .name(name)
            .namespace(namespace)
            .engine(resource.engine())
            .cpuMillis(Quantities.cpuMillis("spec.resources.cpu", spec.getResources().getCpu()))
            .memoryBytes(Quantities.bytes("spec.resources.memory", spec.getResources().getMemory()))
            .storageBytes(Quantities.bytes("spec.storage.size", spec.getStorage().getSize()))
            .storageClass(Optional.ofNullable(spec.getStorage().getStorageClass()))
            .uid(Optional.ofNullable(resource.getMetadata().getUid()));
    if (spec.getVersion() != null) {
      b.version(spec.getVersion());
    }
    if (spec.getRuntime() != null) {
      b.runtime(spec.getRuntime());
    }
    if (spec.getReplicas() != null) {
      b.replicas(spec.getReplicas());
    }
    return b.build();
  }

  /**
   * A builder; name, namespace, engine, cpu, memory and storage are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DatabaseRequest}. */
  public static final class Builder extends ImmutableDatabaseRequest.Builder {
    Builder() {}

    /**
     * Sets CPU, memory and storage from Kubernetes quantities.
     *
     * @param cpu e.g. {@code 2} or {@code 500m}
     * @param memory e.g. {@code 4Gi}
     * @param storage e.g. {@code 100Gi}
     * @return this builder
     */
    public Builder size(String cpu, String memory, String storage) {
      cpuMillis(Quantities.cpuMillis("cpu", cpu));
      memoryBytes(Quantities.bytes("memory", memory));
      storageBytes(Quantities.bytes("storage", storage));
      return this;
    }
  }
}
