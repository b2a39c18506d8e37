package io.pvekit.examples.apps;

import io.pvekit.runtime.DatabaseEngine;
import io.pvekit.runtime.DatabaseRequest;
import io.pvekit.runtime.Decision;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.Policy;
import io.pvekit.runtime.RuntimeChoice;
import io.pvekit.runtime.RuntimeSelector;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides where a database runs (pod, LXC container or VM) with runtime-selector, against a cluster
 * inventory exported as YAML ({@code kubectl get nodes,runtimeclasses,namespaces,
 * resourcequotas,pods -A -o yaml}), and explains the decision constraint by constraint.
 *
 * <pre>
 * java io.pvekit.examples.apps.ChooseRuntime examples/inventory.yaml postgresql auto team-a
 * </pre>
 */
public final class ChooseRuntime {
  private ChooseRuntime() {}

  /**
   * Command-line entry point.
   *
   * @param args inventory file, engine, runtime ({@code auto}, {@code pod}, {@code lxc}, {@code
   *     vm}), namespace
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    if (args.length != 4) {
      out.println("usage: ChooseRuntime INVENTORY_YAML ENGINE auto|pod|lxc|vm NAMESPACE");
      System.exit(2);
    }
    try (InputStream inventory = Files.newInputStream(Path.of(args[0]))) {
      System.exit(run(inventory, args[1], args[2], args[3], out));
    } catch (IOException e) {
      out.println("error: cannot read the inventory " + args[0] + ": " + e.getMessage());
      System.exit(2);
    }
  }

  /**
   * Decides and explains.
   *
   * @param inventoryYaml the cluster inventory as multi-document YAML or a {@code List}
   * @param engine e.g. {@code postgresql}, {@code kafka}
   * @param runtime {@code auto} to let the selector choose, or the runtime to insist on
   * @param namespace the namespace the database is requested in
   * @param out where the explanation goes
   * @return 0 when the request is accepted, 1 when the policy refuses it, 2 for bad arguments
   */
  public static int run(
      InputStream inventoryYaml, String engine, String runtime, String namespace, PrintWriter out) {
    DatabaseRequest request;
    Inventory inventory;
    try {
      DatabaseEngine databaseEngine = DatabaseEngine.parse(engine);
      request =
          DatabaseRequest.builder()
              .name(databaseEngine.name().toLowerCase(java.util.Locale.ROOT))
              .namespace(namespace)
              .engine(databaseEngine)
              .runtime(RuntimeChoice.parse(runtime))
              .replicas(1)
              .size("1", "2Gi", "20Gi")
              .build();
      inventory = Inventory.fromYaml(inventoryYaml);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      out.println("error: " + e.getMessage());
      return 2;
    }
    Decision decision = new RuntimeSelector(Policy.defaults()).decide(request, inventory);
    out.print(decision.explain());
    out.flush();
    return decision.accepted() ? 0 : 1;
  }
}
