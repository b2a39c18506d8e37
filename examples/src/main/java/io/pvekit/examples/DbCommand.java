package io.pvekit.examples;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pvekit.runtime.DatabaseCrds;
import io.pvekit.runtime.DatabaseEngine;
import io.pvekit.runtime.DatabaseRequest;
import io.pvekit.runtime.Decision;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.Manifests;
import io.pvekit.runtime.Policy;
import io.pvekit.runtime.RuntimeChoice;
import io.pvekit.runtime.RuntimeSelector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pvekit db}: Databases with a runtime choice: plan and render pod, LXC or VM deployments.
 */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Databases with a runtime choice: plan and render pod, LXC or VM deployments.",
    subcommands = {DbCommand.Plan.class, DbCommand.Render.class, DbCommand.Crds.class})
final class DbCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The request and inventory options {@code plan} and {@code render} share. */
  static final class RequestOptions {
    @Option(
        names = "--engine",
        required = true,
        description = "postgresql, mariadb, redis, rabbitmq, clickhouse, kafka or etcd.")
    String engine;

    @Option(
        names = "--runtime",
        defaultValue = "auto",
        description = "pod, lxc, vm or auto (default: ${DEFAULT-VALUE}).")
    String runtime;

    @Option(names = "--replicas", defaultValue = "1", description = "Pods (default: 1).")
    int replicas;

    @Option(names = "--cpu", required = true, description = "CPU per pod, e.g. 2 or 500m.")
    String cpu;

    @Option(names = "--memory", required = true, description = "Memory per pod, e.g. 4Gi.")
    String memory;

    @Option(names = "--storage", required = true, description = "Volume per pod, e.g. 100Gi.")
    String storage;

    @Option(names = "--storage-class", description = "StorageClass of the volumes.")
    String storageClass;

    @Option(names = "--version", description = "Engine version (default: the engine's).")
    String version;

    @Option(names = "--name", description = "Database name (default: the engine's name).")
    String name;

    @Option(
        names = {"-n", "--namespace"},
        defaultValue = "default",
        description = "Tenant namespace.")
    String namespace;

    @Option(
        names = "--inventory",
        required = true,
        description = "YAML of Nodes, RuntimeClasses, Namespaces, ResourceQuotas (and Pods).")
    Path inventory;

    DatabaseRequest request() {
      DatabaseEngine e = DatabaseEngine.parse(engine);
      DatabaseRequest.Builder b =
          DatabaseRequest.builder()
              .name(name == null ? e.name().toLowerCase(Locale.ROOT) : name)
              .namespace(namespace)
              .engine(e)
              .runtime(RuntimeChoice.parse(runtime))
              .replicas(replicas)
              .size(cpu, memory, storage)
              .storageClass(Optional.ofNullable(storageClass));
      if (version != null) {
        b.version(version);
      }
      return b.build();
    }

    Inventory readInventory() throws IOException {
      try (InputStream in = Files.newInputStream(inventory)) {
        return Inventory.fromYaml(in);
      }
    }
  }

  /** Decides, printing the decision; refused requests exit 1 with the reasons on stderr. */
  abstract static class Deciding implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin RequestOptions options = new RequestOptions();

    @Override
    public Integer call() {
      String command = "pvekit db " + spec.name();
      Decision decision;
      try {
        decision =
            new RuntimeSelector(Policy.defaults())
                .decide(options.request(), options.readInventory());
      } catch (IllegalArgumentException | IOException e) {
        spec.commandLine().getErr().println(command + ": " + e.getMessage());
        CliErrors.trace(spec, e);
        return 2;
      } catch (RuntimeException e) {
        spec.commandLine()
            .getErr()
            .println(command + ": " + options.inventory + ": " + e.getMessage());
        CliErrors.trace(spec, e);
        return 2;
      }
      if (!decision.accepted()) {
        spec.commandLine().getErr().print(decision.explain());
        spec.commandLine().getErr().flush();
        return 1;
      }
      print(decision);
      spec.commandLine().getOut().flush();
      return 0;
    }

    abstract void print(Decision decision);
  }

  /** {@code pvekit db plan}. */
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = "Decide pod, LXC or VM for a database and print the decision with its reasons.")
  static final class Plan extends Deciding {
    @Override
    void print(Decision decision) {
      spec.commandLine().getOut().print(decision.explain());
    }
  }

  /** {@code pvekit db render}. */
  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description = "Print the operator's manifests for the decided runtime as YAML.")
  static final class Render extends Deciding {
    @Option(
        names = "--with-runtime-classes",
        description = "Also print the proxmox-lxc and kata RuntimeClasses.")
    boolean withRuntimeClasses;

    @Override
    void print(Decision decision) {
      List<Object> objects = new ArrayList<>();
      if (withRuntimeClasses) {
        objects.addAll(Manifests.runtimeClasses(Policy.defaults()));
      }
      objects.addAll(Manifests.render(decision));
      spec.commandLine().getOut().print(Manifests.toYaml(objects));
    }
  }

  /** {@code pvekit db crds}. */
  @Command(
      name = "crds",
      mixinStandardHelpOptions = true,
      description = "Print the CRDs of the database requests (db.pvekit.io).")
  static final class Crds implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<HasMetadata> crds = new ArrayList<>(DatabaseCrds.all());
      spec.commandLine().getOut().print(Manifests.toYaml(crds));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
