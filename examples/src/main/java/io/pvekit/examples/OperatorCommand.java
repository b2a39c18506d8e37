package io.pvekit.examples;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pvekit.examples.operator.OperatorKinds;
import io.pvekit.examples.operator.PvekitOperator;
import io.pvekit.examples.operator.ReconcileResult;
import io.pvekit.runtime.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pvekit operator}: the example operator that embeds pvekit. */
@Command(
    name = "operator",
    mixinStandardHelpOptions = true,
    description = "The example Kubernetes operator that embeds pvekit.",
    subcommands = {OperatorCommand.Run.class, OperatorCommand.Rbac.class})
final class OperatorCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code pvekit operator run}. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Runs the operator: watches the database requests (db.pvekit.io) and TenantClusterRequests"
            + " (examples.pvekit.io), decides, applies and reports in their status.",
        "Exit status: 0 stopped normally (or --once with no error), 1 a request failed to"
            + " reconcile (--once), 2 bad arguments or the cluster cannot be reached."
      })
  static final class Run implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--kubeconfig",
        description =
            "Kubeconfig of the cluster (default: in-cluster service account, $KUBECONFIG or"
                + " ~/.kube/config).")
    Path kubeconfig;

    @Option(
        names = "--inventory",
        description =
            "Inventory YAML (as for pvekit db plan) instead of reading nodes, RuntimeClasses,"
                + " namespaces, quotas and pods from the cluster.")
    Path inventory;

    @Option(
        names = "--resync",
        defaultValue = "PT10M",
        description =
            "Reconcile every request again this often (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration resync;

    @Option(
        names = "--once",
        description = "Reconcile every request once, print what changed and exit.")
    boolean once;

    @Option(
        names = "--exit-after",
        description = "Stop after this long (ISO-8601, e.g. PT30S); default: run until killed.")
    Duration exitAfter;

    private String clientUrl;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (once && exitAfter != null) {
        err.println("--once and --exit-after exclude each other: --once stops after one pass");
        err.flush();
        return 2;
      }
      Inventory fixed = null;
      if (inventory != null) {
        try (InputStream in = Files.newInputStream(inventory)) {
          fixed = Inventory.fromYaml(in);
        } catch (IOException | RuntimeException e) {
          err.println("--inventory " + inventory + ": " + e.getMessage());
          return 2;
        }
      }
      try (KubernetesClient client = client()) {
        clientUrl = String.valueOf(client.getMasterUrl());
        PvekitOperator.Builder b =
            PvekitOperator.builder()
                .client(client)
                .resync(resync)
                .log(
                    line -> {
                      out.println(line);
                      out.flush();
                    });
        if (fixed != null) {
          Inventory chosen = fixed;
          b.inventory(() -> chosen);
        }
        try (PvekitOperator operator = b.build()) {
          return once ? runOnce(operator, out) : runUntilStopped(operator, out, err);
        }
      } catch (IOException e) {
        err.println("--kubeconfig " + kubeconfig + ": " + e.getMessage());
        return 2;
      } catch (KubernetesClientException e) {
        // listing the requests failed: no CRDs, no permission, or no API server
        err.println(
            "listing the requests at "
                + clientUrl
                + " failed: "
                + e.getMessage().strip()
                + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
        return 2;
      }
    }

    private static int runOnce(PvekitOperator operator, PrintWriter out) {
      List<ReconcileResult> results = operator.reconcileAll();
      results.forEach(out::println);
      out.println(results.size() + " request(s) reconciled");
      out.flush();
      return results.stream().anyMatch(r -> r.phase().equals("Error")) ? 1 : 0;
    }

    private int runUntilStopped(PvekitOperator operator, PrintWriter out, PrintWriter err)
        throws InterruptedException {
      try {
        operator.start();
      } catch (IllegalStateException e) {
        err.println(e.getMessage());
        err.flush();
        return 2;
      }
      out.flush();
      CountDownLatch stop = new CountDownLatch(1);
      Thread hook = new Thread(stop::countDown, "pvekit-operator-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        if (exitAfter == null) {
          stop.await();
        } else {
          stop.await(exitAfter.toMillis(), TimeUnit.MILLISECONDS);
        }
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is already exiting; nothing to remove
        }
      }
      out.println("stopped");
      out.flush();
      return 0;
    }

    private KubernetesClient client() throws IOException {
      Config config =
          kubeconfig != null
              ? Config.fromKubeconfig(Files.readString(kubeconfig))
              : Config.autoConfigure(null);
      return new KubernetesClientBuilder().withConfig(config).build();
    }
  }

  /** {@code pvekit operator rbac}: the ClusterRole the operator needs, from its own table. */
  @Command(
      name = "rbac",
      mixinStandardHelpOptions = true,
      description =
          "Prints the ClusterRole the operator needs (every API group, resource and verb it uses).")
  static final class Rbac implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", defaultValue = "pvekit-operator", description = "Role name.")
    String name;

    @Override
    public void run() {
      ClusterRole role =
          new ClusterRoleBuilder()
              .withNewMetadata()
              .withName(name)
              .endMetadata()
              .withRules(OperatorKinds.rules())
              .build();
      PrintWriter out = spec.commandLine().getOut();
      out.print(Serialization.asYaml(role));
      out.flush();
    }
  }
}
