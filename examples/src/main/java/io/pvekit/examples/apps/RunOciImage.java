package io.pvekit.examples.apps;

import io.pvekit.lxc.LxcRuntime;
import io.pvekit.oci.ImageUnpacker;
import io.pvekit.oci.OciBundles;
import io.pvekit.oci.OciImage;
import io.pvekit.oci.OciImageLayout;
import io.pvekit.oci.OciProcess;
import io.pvekit.oci.OciSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs an OCI image as an LXC container on this host from Java: unpack the image into a runtime
 * bundle (as {@code umoci unpack} would), create the container, start it, wait for its exit status
 * and delete it. The container writes to this process's standard output and error. Needs root and
 * liblxc.
 *
 * <pre>
 * java io.pvekit.examples.apps.RunOciImage /var/tmp/busybox-layout demo
 * </pre>
 */
public final class RunOciImage {
  private RunOciImage() {}

  /**
   * Command-line entry point; exits with the container's status.
   *
   * @param args the image layout directory, the tag, optionally the runtime's state directory
   * @throws Exception when the image cannot be read or the container cannot run
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: RunOciImage LAYOUT_DIR TAG [STATE_DIR]");
      System.exit(2);
    }
    Path root = Path.of(args.length == 3 ? args[2] : "/run/pvekit-examples");
    System.exit(run(Path.of(args[0]), args[1], root));
  }

  /**
   * Runs the image's command in a new LXC container and removes the container afterwards.
   *
   * @param layout an OCI image layout directory
   * @param tag the tag in its index
   * @param root the runtime's state directory (also liblxc's lxcpath)
   * @return the container's exit status
   * @throws IOException when the image cannot be read or unpacked
   * @throws InterruptedException when interrupted while waiting for the container
   */
  public static int run(Path layout, String tag, Path root)
      throws IOException, InterruptedException {
    OciImage image = OciImageLayout.open(layout).image(tag, "linux/amd64");
    Path work = Files.createTempDirectory("run-oci-image-");
    try {
      Path bundle = work.resolve("bundle");
      OciSpec spec = OciBundles.create(image, bundle, ImageUnpacker.builder().build());
      // umoci-style bundles ask for a terminal; give the container our stdout and stderr instead
      OciProcess process = spec.process().orElseThrow();
      OciSpec withoutTerminal =
          OciSpec.builder()
              .from(spec)
              .process(OciProcess.builder().from(process).terminal(false).build())
              .build();
      withoutTerminal.write(bundle.resolve("config.json"));

      LxcRuntime runtime = LxcRuntime.builder().root(root).build();
      String id = "run-oci-image-" + ProcessHandle.current().pid();
      runtime.create(id, bundle);
      try {
        runtime.start(id);
        return runtime.awaitExit(id, Duration.ofHours(1)).orElse(1);
      } finally {
        runtime.delete(id, true);
      }
    } finally {
      try (Stream<Path> tree = Files.walk(work)) {
        for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
