package io.pvekit.examples;

import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.LxcRuntime;
import io.pvekit.oci.ImageUnpacker;
import io.pvekit.oci.OciBundles;
import io.pvekit.oci.OciImage;
import io.pvekit.oci.OciImageLayout;
import io.pvekit.oci.OciProcess;
import io.pvekit.oci.OciSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pvekit lxc run}: an OCI image (or a bundle) run as an LXC container through liblxc, the
 * way {@code proxmox-lxcri run} does it for containerd. The container's output is this command's
 * output and its exit status is this command's status.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run an OCI image layout (unpacked into a temporary bundle) or a bundle as an LXC container"
            + " on this host (root and liblxc needed). Exits with the container's status.")
final class LxcRunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ArgGroup(multiplicity = "1")
  Source source;

  static final class Source {
    @Option(
        names = "--image",
        paramLabel = "LAYOUT[:TAG]",
        description = "An OCI image layout directory and tag.")
    String image;

    @Option(names = "--bundle", description = "A bundle directory (config.json and its rootfs).")
    Path bundle;
  }

  @Option(
      names = "--platform",
      defaultValue = "linux/amd64",
      description = "Default: ${DEFAULT-VALUE}.")
  String platform;

  @Option(names = "--name", description = "Container name (default: pvekit-run-<random>).")
  String name;

  @Option(
      names = "--root",
      defaultValue = "/run/pvekit-lxc",
      description = "State directory of the runtime (default: ${DEFAULT-VALUE}).")
  Path root;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "30",
      description = "How long create and start may take (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String id =
        name != null
            ? name
            : "pvekit-run-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
    Path temporary = null;
    LxcRuntime runtime =
        LxcRuntime.builder().root(root).timeout(Duration.ofSeconds(timeoutSeconds)).build();
    try {
      Path bundle = source.bundle;
      if (source.image != null) {
        temporary = Files.createTempDirectory("pvekit-run-");
        bundle = temporary.resolve("bundle");
        OciSpec made = OciBundles.create(image(), bundle, ImageUnpacker.builder().build());
        // like umoci, the bundle asks for a terminal; this command hands the container its own
        // stdout and stderr instead (a terminal would need a console socket)
        OciProcess process = made.process().orElseThrow();
        OciSpec withoutTerminal =
            OciSpec.builder()
                .from(made)
                .process(OciProcess.builder().from(process).terminal(false).build())
                .build();
        withoutTerminal.write(bundle.resolve("config.json"));
      }
      runtime.create(id, bundle);
      // Ctrl-C or a kill of this command takes the container with it
      Thread cleanup = new Thread(() -> deleteQuietly(runtime, id));
      Runtime.getRuntime().addShutdownHook(cleanup);
      runtime.start(id);
      Optional<Integer> status = runtime.awaitExit(id, Duration.ofDays(365));
      runtime.delete(id, true);
      Runtime.getRuntime().removeShutdownHook(cleanup);
      return status.orElse(1);
    } catch (IOException | RuntimeException e) {
      err.println("pvekit lxc run: " + e.getMessage());
      CliErrors.trace(spec, e);
      deleteQuietly(runtime, id);
      return 125; // as docker run and podman run: the runtime failed, not the container
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deleteQuietly(runtime, id);
      return 130;
    } finally {
      removeTree(temporary);
    }
  }

  private OciImage image() throws IOException {
    String dir = source.image;
    String tag = "";
    int colon = dir.lastIndexOf(':');
    if (colon > 0 && dir.indexOf('/', colon) < 0) {
      tag = dir.substring(colon + 1);
      dir = dir.substring(0, colon);
    }
    return OciImageLayout.open(Path.of(dir)).image(tag, platform);
  }

  private static void deleteQuietly(LxcRuntime runtime, String id) {
    try {
      if (runtime.list().stream().map(ContainerState::id).anyMatch(id::equals)) {
        runtime.delete(id, true);
      }
    } catch (RuntimeException e) {
      // best effort on the way out: the error that brought us here is the one to report
    }
  }

  private static void removeTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing the run for
    }
  }
}
