package io.pvekit.examples;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pvekit.capi.CapiVersion;
import io.pvekit.capi.DeletionReport;
import io.pvekit.capi.HealthSummary;
import io.pvekit.capi.TenantCluster;
import io.pvekit.capi.TenantClusterException;
import io.pvekit.capi.TenantClusters;
import io.pvekit.capi.TenantMode;
import io.pvekit.capi.TenantRef;
import io.pvekit.capi.TenantValidationException;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.ProxmoxException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pvekit tenant apply|status|scale|upgrade|delete}: the lifecycle workflow. */
final class TenantLifecycleCommands {
  private TenantLifecycleCommands() {}

  /** Which tenant (for the commands that do not render it). */
  static final class RefOptions {
    @Option(names = "--name", required = true, description = "Cluster name.")
    String name;

    @Option(names = "--namespace", description = "Namespace (default: the cluster name).")
    String namespace;

    @Option(names = "--mode", defaultValue = "capi", description = "capi or kamaji-only.")
    String mode;

    @Option(names = "--capi-version", defaultValue = "v1beta2", description = "v1beta1 or v1beta2.")
    String capiVersion;

    TenantRef ref() {
      TenantMode m =
          switch (mode.toLowerCase(Locale.ROOT)) {
            case "capi" -> TenantMode.CAPI;
            case "kamaji-only" -> TenantMode.KAMAJI_ONLY;
            default ->
                throw new IllegalArgumentException(
                    "--mode: '" + mode + "' is not supported; use capi or kamaji-only");
          };
      return new TenantRef(
          namespace == null ? name : namespace, name, m, CapiVersion.parse(capiVersion));
    }
  }

  /** Runs an action with both clients, turning failures into one stderr line and exit 1. */
  abstract static class Base implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin TenantConnectionOptions connection;

    abstract int run(TenantClusters tenants, PrintWriter out) throws Exception;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String command = "pvekit tenant " + spec.name();
      try (KubernetesClient kube = connection.kubernetes();
          ProxmoxClient pve = connection.proxmox()) {
        int status = run(connection.tenants(kube, pve), out);
        out.flush();
        return status;
      } catch (TenantValidationException e) {
        err.println(command + ": " + e.getMessage());
        CliErrors.trace(spec, e);
      } catch (TenantClusterException e) {
        err.println(command + ": " + e.getMessage());
        CliErrors.trace(spec, e);
      } catch (KubernetesClientException e) {
        err.println(
            command
                + ": management cluster: "
                + e.getMessage().lines().findFirst().orElse("")
                + " (check --kubeconfig)");
        CliErrors.trace(spec, e);
      } catch (ProxmoxException e) {
        err.println(command + ": Proxmox: " + e.getMessage().lines().findFirst().orElse(""));
        CliErrors.trace(spec, e);
      } catch (Exception e) {
        err.println(command + ": " + CliErrors.firstLine(e));
        CliErrors.trace(spec, e);
      }
      err.flush();
      return 1;
    }
  }

  static void print(HealthSummary h, PrintWriter out) {
    out.printf(
        "tenant %s: %s (phase %s, control plane %s %s, infrastructure %s)%n",
        h.tenant(),
        h.ready() ? "READY" : h.exists() ? "NOT READY" : "MISSING",
        h.phase().isEmpty() ? "-" : h.phase(),
        h.controlPlaneReady() ? "ready" : "not ready",
        h.controlPlaneVersion().isEmpty() ? "" : "at " + h.controlPlaneVersion(),
        h.infrastructureReady() ? "ready" : "not ready");
    for (HealthSummary.PoolHealth p : h.pools()) {
      out.printf(
          "  pool %s: %d/%d ready (%d exist) %s%n",
          p.name(), p.ready(), p.desired(), p.current(), p.version());
    }
    for (HealthSummary.MachineHealth m : h.machines()) {
      out.printf(
          "  machine %s: %s %s %s%s%n",
          m.name(),
          m.phase(),
          m.version(),
          m.nodeName().isEmpty() ? "(no node)" : "node " + m.nodeName(),
          m.ready() ? "" : " - " + m.message());
    }
    h.problems().forEach(p -> out.println("  problem: " + p));
  }

  /** {@code pvekit tenant apply}. */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description =
          "Check and apply a tenant cluster (server-side apply), refusing overlaps with existing"
              + " tenants; with --wait, wait until it is ready.")
  static final class Apply extends Base {
    @Mixin TenantInputOptions input;

    @Option(names = "--wait", description = "Wait this long for readiness, e.g. PT20M.")
    Duration wait;

    @Override
    int run(TenantClusters tenants, PrintWriter out) {
      TenantCluster tenant = input.builder().existingTenants(tenants.existingTenants()).build();
      tenants.apply(tenant).forEach(o -> out.println("applied " + o));
      if (wait != null) {
        print(tenants.waitReady(TenantRef.of(tenant), wait, e -> out.println("  " + e)), out);
      }
      return 0;
    }
  }

  /** {@code pvekit tenant status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Print the health of a tenant cluster. Exit 0 ready, 2 not ready, 1 missing.")
  static final class Status extends Base {
    @Mixin RefOptions tenant;

    @Override
    int run(TenantClusters tenants, PrintWriter out) {
      HealthSummary h = tenants.status(tenant.ref());
      print(h, out);
      return h.ready() ? 0 : h.exists() ? 2 : 1;
    }
  }

  /** {@code pvekit tenant scale}. */
  @Command(name = "scale", mixinStandardHelpOptions = true, description = "Scale a worker pool.")
  static final class Scale extends Base {
    @Mixin RefOptions tenant;

    @Option(names = "--pool", defaultValue = "md-0", description = "Worker pool name.")
    String pool;

    @Option(names = "--replicas", required = true, description = "New replica count.")
    int replicas;

    @Override
    int run(TenantClusters tenants, PrintWriter out) {
      tenants.scale(tenant.ref(), pool, replicas);
      out.println("scaled " + tenant.ref() + " pool " + pool + " to " + replicas);
      return 0;
    }
  }

  /** {@code pvekit tenant upgrade}. */
  @Command(
      name = "upgrade",
      mixinStandardHelpOptions = true,
      description = "Upgrade Kubernetes: the control plane first, then the workers.")
  static final class Upgrade extends Base {
    @Mixin RefOptions tenant;

    @Option(names = "--k8s-version", required = true, description = "New version, e.g. v1.35.0.")
    String version;

    @Option(names = "--timeout", defaultValue = "PT30M", description = "Per phase.")
    Duration timeout;

    @Override
    int run(TenantClusters tenants, PrintWriter out) {
      print(tenants.upgrade(tenant.ref(), version, timeout, e -> out.println("  " + e)), out);
      return 0;
    }
  }

  /** {@code pvekit tenant delete}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description =
          "Delete a tenant cluster and verify that no object and no Proxmox VM of it is left"
              + " (exit 1 listing leftovers).")
  static final class Delete extends Base {
    @Mixin RefOptions tenant;

    @Option(names = "--timeout", defaultValue = "PT15M", description = "How long to wait.")
    Duration timeout;

    @Override
    int run(TenantClusters tenants, PrintWriter out) {
      DeletionReport r = tenants.delete(tenant.ref(), timeout);
      if (r.clean()) {
        out.println("deleted " + tenant.ref() + ": no objects and no VMs left");
        return 0;
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("pvekit tenant delete: " + tenant.ref() + " left things behind:");
      r.leftoverObjects().forEach(o -> err.println("  object " + o));
      r.leftoverVms().forEach(v -> err.println("  VM " + v));
      if (!r.vmsChecked()) {
        err.println("  Proxmox VMs not checked: pass --proxmox-url and --proxmox-token");
      }
      err.flush();
      return 1;
    }
  }
}
