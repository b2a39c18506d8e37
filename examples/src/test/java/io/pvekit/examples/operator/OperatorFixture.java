package io.pvekit.examples.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.pvekit.runtime.DatabaseResource;
import io.pvekit.runtime.DatabaseSpec;
import io.pvekit.runtime.RuntimeChoice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A cluster for the operator on fabric8's CRUD mock: the CRDs from {@code examples/deploy/crds},
 * the kinds the operator writes, the nodes, RuntimeClasses and namespaces of {@code
 * examples/inventory.yaml}; and the garbage collector, which the mock does not run.
 */
final class OperatorFixture {
  static final Path DEPLOY = Path.of("deploy");
  static final Duration WAIT = Duration.ofSeconds(30);

  private OperatorFixture() {}

  static List<Path> crdFiles() {
    try (Stream<Path> files = Files.list(DEPLOY.resolve("crds"))) {
      return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Installs the CRDs, registers the written kinds and seeds the inventory. */
  static void install(KubernetesMockServer server, KubernetesClient client) throws IOException {
    for (Path file : crdFiles()) {
      try (InputStream in = Files.newInputStream(file)) {
        CustomResourceDefinition crd =
            client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
      }
    }
    for (OperatedKind kind : written()) {
      if (kind.group().isEmpty()) {
        continue; // core kinds are known to the mock
      }
      for (String version : kind.versions()) {
        server.expectCustomResource(
            new CustomResourceDefinitionContext.Builder()
                .withGroup(kind.group())
                .withVersion(version)
                .withKind(kind.kind())
                .withPlural(kind.plural())
                .withScope(kind.namespaced() ? "Namespaced" : "Cluster")
                .build());
      }
    }
    try (InputStream in = Files.newInputStream(Path.of("inventory.yaml"))) {
      for (HasMetadata o : client.load(in).items()) {
        client.resource(o).create();
      }
    }
  }

  static List<OperatedKind> written() {
    List<OperatedKind> all = new ArrayList<>(OperatorKinds.DATABASE_RESOURCES);
    all.addAll(OperatorKinds.TENANT_RESOURCES);
    return all;
  }

  /** Every object of every kind the operator writes. */
  static List<GenericKubernetesResource> writtenObjects(KubernetesClient client) {
    List<GenericKubernetesResource> out = new ArrayList<>();
    for (OperatedKind kind : written()) {
      for (String version : kind.versions()) {
        var op = client.genericKubernetesResources(kind.context(version));
        out.addAll(
            kind.namespaced() ? op.inAnyNamespace().list().getItems() : op.list().getItems());
      }
    }
    return out;
  }

  /** The objects whose controller is the object with this uid. */
  static List<GenericKubernetesResource> ownedBy(KubernetesClient client, String uid) {
    return writtenObjects(client).stream()
        .filter(o -> controller(o) != null && uid.equals(controller(o).getUid()))
        .toList();
  }

  static OwnerReference controller(HasMetadata o) {
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    return refs == null
        ? null
        : refs.stream()
            .filter(r -> Boolean.TRUE.equals(r.getController()))
            .findFirst()
            .orElse(null);
  }

  /**
   * Plays Kubernetes' garbage collector: deletes every written object whose controller owner no
   * longer exists (or exists with another uid), until none is left.
   *
   * @return how many objects it deleted
   */
  static int collectGarbage(KubernetesClient client) {
    int deleted = 0;
    boolean again = true;
    while (again) {
      again = false;
      for (GenericKubernetesResource o : writtenObjects(client)) {
        OwnerReference owner = controller(o);
        if (owner != null && !ownerExists(client, o, owner)) {
          String version = o.getApiVersion().substring(o.getApiVersion().indexOf('/') + 1);
          OperatedKind kind = OperatorKinds.writable(o).orElseThrow();
          var op = client.genericKubernetesResources(kind.context(version));
          (kind.namespaced() ? op.inNamespace(o.getMetadata().getNamespace()) : op)
              .withName(o.getMetadata().getName())
              .delete();
          deleted++;
          again = true;
        }
      }
    }
    return deleted;
  }

  private static boolean ownerExists(KubernetesClient client, HasMetadata o, OwnerReference ref) {
    int slash = ref.getApiVersion().indexOf('/');
    String group = slash < 0 ? "" : ref.getApiVersion().substring(0, slash);
    String version = ref.getApiVersion().substring(slash + 1);
    OperatedKind kind =
        OperatorKinds.all().stream()
            .filter(k -> k.group().equals(group) && k.kind().equals(ref.getKind()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("owner kind not in the table: " + ref));
    var op = client.genericKubernetesResources(kind.context(version));
    GenericKubernetesResource owner =
        (kind.namespaced() ? op.inNamespace(o.getMetadata().getNamespace()) : op)
            .withName(ref.getName())
            .get();
    return owner != null && ref.getUid().equals(owner.getMetadata().getUid());
  }

  /** A database request as a tenant would write it. */
  static <T extends DatabaseResource> T request(
      Supplier<T> kind,
      String namespace,
      String name,
      RuntimeChoice runtime,
      int replicas,
      String cpu,
      String memory) {
    T r = kind.get();
    r.getMetadata().setName(name);
    r.getMetadata().setNamespace(namespace);
    DatabaseSpec spec = new DatabaseSpec();
    spec.setRuntime(runtime);
    spec.setReplicas(replicas);
    DatabaseSpec.Resources resources = new DatabaseSpec.Resources();
    resources.setCpu(cpu);
    resources.setMemory(memory);
    spec.setResources(resources);
    DatabaseSpec.Storage storage = new DatabaseSpec.Storage();
    storage.setSize("10Gi");
    spec.setStorage(storage);
    r.setSpec(spec);
    return r;
  }

  /** Polls until the condition holds, at most {@link #WAIT}; fails naming what it waited for. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        assertThat(condition.getAsBoolean()).as("waited %s for %s", WAIT, what).isTrue();
        return;
      }
      Thread.sleep(50);
    }
  }
}
