package io.pvekit.examples;

import io.pvekit.runtime.DatabaseEngine;
import io.pvekit.runtime.DatabaseRequest;
import io.pvekit.runtime.Decision;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.Policy;
import io.pvekit.runtime.Reason;
import io.pvekit.runtime.RuntimeChoice;
import io.pvekit.runtime.RuntimeSelector;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The database part of the demo: the seven engines planned with their default runtimes against the
 * example inventory (the same file as {@code pvekit db plan --inventory examples/inventory.yaml}),
 * each decision with the constraints it checked, and one request the policy refuses.
 */
final class DatabaseDemo {
  private final PrintWriter out;

  DatabaseDemo(PrintWriter out) {
    this.out = out;
  }

  void run() {
    out.println("4. Databases with a runtime choice (pod, LXC or VM)");
    Inventory inventory = inventory();
    RuntimeSelector selector = new RuntimeSelector(Policy.defaults());
    for (DatabaseEngine engine : DatabaseEngine.values()) {
      Decision decision = selector.decide(request(engine, RuntimeChoice.AUTO, "team-a"), inventory);
      long passed = decision.reasons().stream().filter(Reason::passed).count();
      out.printf(
          "   %-10s -> %-4s %-12s on %s (%d of %d constraints passed)%n",
          engine.kind(),
          decision.runtime().name().toLowerCase(Locale.ROOT),
          decision.runtimeClassName().orElse("(default)"),
          decision.candidateNodes().isEmpty() ? "-" : String.join(",", decision.candidateNodes()),
          passed,
          decision.reasons().size());
    }
    Decision refused =
        selector.decide(request(DatabaseEngine.KAFKA, RuntimeChoice.VM, "team-b"), inventory);
    out.println("   Kafka as a VM in team-b (allowed: pod, lxc): " + verdict(refused));
    refused.violations().forEach(r -> out.println("     - " + r.message()));
  }

  private static String verdict(Decision decision) {
    return decision.accepted() ? "accepted" : "refused";
  }

  private static DatabaseRequest request(DatabaseEngine engine, RuntimeChoice runtime, String ns) {
    return DatabaseRequest.builder()
        .name(engine.name().toLowerCase(Locale.ROOT))
        .namespace(ns)
        .engine(engine)
        .runtime(runtime)
        .replicas(2)
        .size("1", "2Gi", "20Gi")
        .build();
  }

  private static Inventory inventory() {
    try (InputStream in = DatabaseDemo.class.getResourceAsStream("/inventory.yaml")) {
      if (in == null) {
        throw new IllegalStateException("inventory.yaml is missing from the examples jar");
      }
      return Inventory.fromYaml(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
