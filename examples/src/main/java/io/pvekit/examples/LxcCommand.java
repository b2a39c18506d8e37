package io.pvekit.examples;

import io.pvekit.lxc.CgroupLayout;
import io.pvekit.lxc.Explanation;
import io.pvekit.lxc.LxcTranslator;
import io.pvekit.lxc.TranslationOptions;
import io.pvekit.oci.ImageUnpacker;
import io.pvekit.oci.OciBundles;
import io.pvekit.oci.OciImage;
import io.pvekit.oci.OciImageLayout;
import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pvekit lxc ...}: OCI images and bundles for LXC. */
@Command(
    name = "lxc",
    mixinStandardHelpOptions = true,
    description = "OCI images and bundles for LXC containers.",
    subcommands = {LxcCommand.Unpack.class, LxcCommand.Explain.class, LxcRunCommand.class})
final class LxcCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code pvekit lxc unpack --image LAYOUT[:TAG] DEST}. */
  @Command(
      name = "unpack",
      mixinStandardHelpOptions = true,
      description =
          "Make a runtime bundle (config.json + rootfs) from an OCI image layout, like umoci"
              + " unpack. Fails, removing DEST, when the image is invalid or malicious.")
  static final class Unpack implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--image",
        required = true,
        paramLabel = "LAYOUT_DIR[:TAG]",
        description =
            "The OCI image layout directory and the tag (optional if it holds one image).")
    String image;

    @Option(
        names = "--platform",
        defaultValue = "linux/amd64",
        description = "os/architecture[/variant] (default: ${DEFAULT-VALUE}).")
    String platform;

    @Parameters(paramLabel = "DEST", description = "The bundle directory to create.")
    Path dest;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String dir = image;
      String tag = "";
      int colon = image.lastIndexOf(':');
      if (colon > 0 && image.indexOf('/', colon) < 0) {
        dir = image.substring(0, colon);
        tag = image.substring(colon + 1);
      }
      try {
        OciImage resolved = OciImageLayout.open(Path.of(dir)).image(tag, platform);
        OciSpec bundle = OciBundles.create(resolved, dest, ImageUnpacker.builder().build());
        out.println(
            "unpacked "
                + (resolved.reference().isEmpty() ? dir : dir + ":" + resolved.reference())
                + " ("
                + resolved.platform()
                + ", "
                + resolved.layers().size()
                + " layers) into "
                + dest
                + "; process: "
                + String.join(" ", bundle.process().orElseThrow().args()));
        return 0;
      } catch (IOException | RuntimeException e) {
        err.println("pvekit lxc unpack: " + e.getMessage());
        CliErrors.trace(spec, e);
        return 1;
      }
    }
  }

  /** {@code pvekit lxc explain BUNDLE}. */
  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      description =
          "Print what each field of a bundle's config.json becomes in LXC, or why it is refused."
              + " Exits 1 when a field is refused.")
  static final class Explain implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "The bundle directory (with config.json).")
    Path bundle;

    @Option(
        names = "--name",
        description = "Container name (default: the bundle's directory name).")
    String name;

    @Option(
        names = "--cgroup-layout",
        description = "UNIFIED, HYBRID or LEGACY (default: this host's).")
    CgroupLayout layout;

    @Option(
        names = "--hook-runner",
        split = " ",
        description = "The command LXC hooks call to run OCI hooks.")
    List<String> hookRunner = new ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        OciSpec oci = OciSpec.read(bundle.resolve("config.json"));
        String container =
            name != null
                ? name
                : bundle
                    .toAbsolutePath()
                    .normalize()
                    .getFileName()
                    .toString()
                    .replaceAll("[^A-Za-z0-9_.-]", "-");
        TranslationOptions.Builder options =
            TranslationOptions.builder()
                .bundle(bundle)
                .containerName(container)
                .hookRunner(hookRunner);
        if (layout != null) {
          options.cgroupLayout(layout);
        }
        Explanation explanation = LxcTranslator.explain(oci, options.build());
        out.print(explanation.render());
        return explanation.refused().isEmpty() ? 0 : 1;
      } catch (IOException | OciSpecException | IllegalArgumentException e) {
        err.println("pvekit lxc explain: " + e.getMessage());
        CliErrors.trace(spec, e);
        return 1;
      }
    }
  }
}
