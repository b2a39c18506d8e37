package io.pvekit.examples;

import io.pvekit.lxc.CgroupLayout;
import io.pvekit.lxc.LxcConfig;
import io.pvekit.lxc.LxcRuntime;
import io.pvekit.lxc.LxcTranslator;
import io.pvekit.lxc.TranslationOptions;
import io.pvekit.oci.OciSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The LXC part of the demo: an OCI config.json translated to LXC keys for this host, and, where the
 * host allows it (root, liblxc, a static busybox), the same bundle run as a real LXC container.
 */
final class LxcDemo {
  private static final Path BUSYBOX = Path.of("/bin/busybox");
  private static final List<String> SHOWN_PREFIXES =
      List.of("lxc.uts.name", "lxc.cgroup", "lxc.cap.", "lxc.rootfs.options", "lxc.mount.entry");

  private final PrintWriter out;

  LxcDemo(PrintWriter out) {
    this.out = out;
  }

  void run() throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("pvekit-demo-");
    try {
      Path bundle = writeBundle(work);
      CgroupLayout layout = CgroupLayout.detect();
      LxcConfig config =
          LxcTranslator.translate(
              OciSpec.read(bundle.resolve("config.json")),
              TranslationOptions.builder()
                  .bundle(bundle)
                  .containerName("pvekit-demo")
                  .cgroupLayout(layout)
                  .build());
      out.println(
          "2. OCI config.json -> LXC on this "
              + layout
              + " host (limits in "
              + layout.keyPrefix()
              + "*), a selection of "
              + config.entries().size()
              + " keys:");
      config.render().lines().filter(LxcDemo::shown).limit(12).forEach(l -> out.println("   " + l));
      runContainer(bundle, work)
          .ifPresentOrElse(
              hello -> out.println("   ran it as an LXC container through liblxc: " + hello),
              () -> out.println("   (not run: running it needs root, liblxc and /bin/busybox)"));
    } finally {
      deleteTree(work);
    }
  }

  private static boolean shown(String line) {
    return SHOWN_PREFIXES.stream().anyMatch(line::startsWith);
  }

  private Optional<String> runContainer(Path bundle, Path work) throws InterruptedException {
    if (!canRunContainers()) {
      return Optional.empty();
    }
    LxcRuntime runtime = LxcRuntime.builder().root(work.resolve("state")).build();
    String id = "pvekit-demo-" + ProcessHandle.current().pid();
    try {
      runtime.create(id, bundle);
      runtime.start(id);
      runtime.awaitExit(id, Duration.ofSeconds(20));
      return Optional.of(Files.readString(bundle.resolve("out/hello")).trim());
    } catch (IOException e) {
      return Optional.of("no output (" + e.getMessage() + ")");
    } finally {
      runtime.delete(id, true);
    }
  }

  private static boolean canRunContainers() {
    return Files.isExecutable(BUSYBOX)
        && ProcessHandle.current().info().user().map("root"::equals).orElse(false)
        && Stream.of("/usr/lib/x86_64-linux-gnu/liblxc.so.1", "/usr/lib/liblxc.so.1")
            .anyMatch(p -> Files.exists(Path.of(p)));
  }

  private static Path writeBundle(Path work) throws IOException {
    Path bundle = Files.createDirectories(work.resolve("bundle"));
    Path rootfs = bundle.resolve("rootfs");
    for (String dir : List.of("bin", "proc", "sys", "dev", "tmp", "out")) {
      Files.createDirectories(rootfs.resolve(dir));
    }
    Files.createDirectories(bundle.resolve("out"));
    if (Files.isExecutable(BUSYBOX)) {
      Files.copy(BUSYBOX, rootfs.resolve("bin/busybox"));
      for (String applet : List.of("sh", "hostname", "cat")) {
        Files.createSymbolicLink(rootfs.resolve("bin/" + applet), Path.of("busybox"));
      }
    }
    Files.writeString(bundle.resolve("config.json"), configJson(bundle.resolve("out")));
    return bundle;
  }

  private static String configJson(Path outDir) {
    return """
        {
          "ociVersion": "1.2.0",
          "process": {
            "args": ["/bin/sh", "-c", "echo \\"hello from $(hostname), pid $$\\" > /out/hello"],
            "env": ["PATH=/bin"], "cwd": "/", "user": {"uid": 0, "gid": 0},
            "capabilities": {
              "bounding": ["CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
              "effective": ["CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
              "permitted": ["CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE"]
            },
            "noNewPrivileges": true
          },
          "root": {"path": "rootfs", "readonly": true},
          "hostname": "demo-box",
          "mounts": [
            {"destination": "/proc", "type": "proc", "source": "proc"},
            {"destination": "/tmp", "type": "tmpfs", "source": "tmpfs", "options": ["size=16m"]},
            {"destination": "/out", "type": "bind", "source": "%s", "options": ["rbind", "rw"]}
          ],
          "linux": {
            "namespaces": [{"type": "pid"}, {"type": "mount"}, {"type": "uts"}, {"type": "ipc"}],
            "resources": {"memory": {"limit": 67108864}, "pids": {"limit": 64}}
          }
        }
        """
        .formatted(outDir);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
