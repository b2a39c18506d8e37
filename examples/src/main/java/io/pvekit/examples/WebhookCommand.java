package io.pvekit.examples;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pvekit.runtime.AdmissionHandler;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.Manifests;
import io.pvekit.runtime.OwnerLookup;
import io.pvekit.runtime.Policy;
import io.pvekit.runtime.WebhookManifests;
import io.pvekit.runtime.WebhookServer;
import io.pvekit.runtime.WebhookTls;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pvekit webhook}: The runtime-selector admission webhook. */
@Command(
    name = "webhook",
    mixinStandardHelpOptions = true,
    description = "The runtime-selector admission webhook.",
    subcommands = {WebhookCommand.Serve.class, WebhookCommand.ManifestsCommand.class})
final class WebhookCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code pvekit webhook serve}. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description =
          "Serve POST /mutate and /validate over HTTPS, with a given certificate or a self-signed"
              + " one.")
  static final class Serve implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--bind",
        defaultValue = "0.0.0.0",
        description = "Address (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(
        names = "--port",
        defaultValue = "8443",
        description = "Port, 0 for any (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--cert",
        description = "PEM certificate (with --key); self-signed when absent.")
    Path cert;

    @Option(names = "--key", description = "PEM private key of --cert.")
    Path key;

    @Option(
        names = "--dns-name",
        defaultValue = "localhost,127.0.0.1",
        split = ",",
        description = "DNS names of the self-signed certificate (default: ${DEFAULT-VALUE}).")
    List<String> dnsNames;

    @Option(
        names = "--inventory",
        description =
            "Inventory and owner objects from YAML instead of the cluster in ~/.kube/config.")
    Path inventory;

    @Option(names = "--threads", defaultValue = "4", description = "Worker threads.")
    int threads;

    @Option(
        names = "--duration",
        defaultValue = "0",
        description = "Stop after N seconds (0: never).")
    int duration;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if ((cert == null) != (key == null)) {
        err.println("pvekit webhook serve: give both --cert and --key, or neither");
        return 2;
      }
      WebhookTls tls;
      try {
        tls = cert == null ? WebhookTls.selfSigned(dnsNames) : WebhookTls.fromPem(cert, key);
      } catch (IllegalArgumentException e) {
        err.println("pvekit webhook serve: " + e.getMessage());
        CliErrors.trace(spec, e);
        return 2;
      }
      KubernetesClient client = null;
      Supplier<Inventory> inventorySupplier;
      OwnerLookup owners;
      if (inventory != null) {
        List<io.fabric8.kubernetes.api.model.HasMetadata> objects;
        try (InputStream in = Files.newInputStream(inventory)) {
          objects = Manifests.readYaml(in);
        } catch (RuntimeException e) {
          err.println("pvekit webhook serve: " + inventory + ": " + e.getMessage());
          CliErrors.trace(spec, e);
          return 2;
        }
        Inventory fixed = Inventory.fromObjects(objects);
        inventorySupplier = () -> fixed;
        owners = OwnerLookup.of(objects);
      } else {
        client = new KubernetesClientBuilder().build();
        KubernetesClient c = client;
        inventorySupplier = () -> Inventory.read(c);
        owners = OwnerLookup.of(client);
      }
      AdmissionHandler handler =
          new AdmissionHandler(
              Policy.defaults(),
              inventorySupplier,
              owners,
              AdmissionHandler.DEFAULT_MAX_BODY_BYTES,
              line -> {});
      try (WebhookServer server =
          WebhookServer.start(new InetSocketAddress(bind, port), tls, handler, threads)) {
        out.println(
            "listening on https://"
                + bind
                + ":"
                + server.port()
                + " (/mutate, /validate, /healthz)");
        out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        if (duration > 0) {
          forever.await(duration, TimeUnit.SECONDS);
        } else {
          forever.await();
        }
      } finally {
        if (client != null) {
          client.close();
        }
      }
      return 0;
    }
  }

  /** {@code pvekit webhook manifests}. */
  @Command(
      name = "manifests",
      mixinStandardHelpOptions = true,
      description =
          "Print the Mutating- and ValidatingWebhookConfiguration and the RuntimeClasses.")
  static final class ManifestsCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--namespace",
        defaultValue = "pvekit-system",
        description = "The Service's namespace.")
    String namespace;

    @Option(
        names = "--service",
        defaultValue = "pvekit-webhook",
        description = "The Service's name.")
    String service;

    @Option(names = "--ca", required = true, description = "PEM CA certificate for caBundle.")
    Path ca;

    @Override
    public Integer call() throws Exception {
      if (!Files.isRegularFile(ca)) {
        spec.commandLine()
            .getErr()
            .println("pvekit webhook manifests: --ca " + ca + ": no such file");
        return 2;
      }
      List<Object> objects = new java.util.ArrayList<>();
      objects.addAll(Manifests.runtimeClasses(Policy.defaults()));
      objects.addAll(WebhookManifests.render(namespace, service, Files.readString(ca)));
      spec.commandLine().getOut().print(Manifests.toYaml(objects));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
