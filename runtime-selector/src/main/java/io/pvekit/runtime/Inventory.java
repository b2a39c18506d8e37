package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pvekit.runtime.internal.InventoryObjects;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** What the cluster offers: nodes, RuntimeClasses and tenants. */
@Value.Immutable
public abstract class Inventory {
  Inventory() {}

  public abstract List<InventoryNode> nodes();

  /** RuntimeClasses by name. */
  public abstract Map<String, RuntimeClassInfo> runtimeClasses();

  /** Tenants by namespace. */
  public abstract Map<String, Tenant> tenants();

  /**
   * The tenant of a namespace.
   *
   * @param namespace the namespace
   * @return the tenant, or empty when the inventory knows nothing about it
   */
  public Optional<Tenant> tenant(String namespace) {
    return Optional.ofNullable(tenants().get(namespace));
  }

  /**
   * Builds the inventory from Kubernetes objects: Nodes, RuntimeClasses ({@code node.k8s.io/v1}),
   * Namespaces (their {@value Tenant#ALLOWED_RUNTIMES_ANNOTATION} annotation), ResourceQuotas and
   * Pods (their requests and overhead count against their node). Other kinds are ignored.
   *
   * @param objects the objects
   * @return the inventory
   */
  public static Inventory fromObjects(Collection<? extends HasMetadata> objects) {
    return InventoryObjects.toInventory(objects);
  }

  /**
   * Reads the inventory from a multi-document YAML stream of Kubernetes objects (see {@link
   * #fromObjects}).
   *
   * @param yaml the stream
   * @return the inventory
   */
  public static Inventory fromYaml(InputStream yaml) {
    return fromObjects(InventoryObjects.parseYaml(yaml));
  }

  /**
   * Reads the inventory from a live cluster: nodes, RuntimeClasses, namespaces, quotas and the
   * running pods.
   *
   * @param client a client allowed to list those cluster-wide
   * @return the inventory
   */
  public static Inventory read(KubernetesClient client) {
    return fromObjects(InventoryObjects.list(client));
  }

  /**
   * A builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Inventory}. */
  public static final class Builder extends ImmutableInventory.Builder {
    Builder() {}
  }
}
