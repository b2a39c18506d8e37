package io.pvekit.oci;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Images built with umoci itself, unpacked by {@code umoci unpack} and by {@link OciBundles}: the
 * config.json files must mean the same (apart from the documented differences) and the rootfs trees
 * must hold the same entries, types, modes, owners and content sizes.
 */
@Requires({Prerequisite.ROOT, Prerequisite.UMOCI, Prerequisite.BUSYBOX_STATIC})
public class UmociCompatibilityIT {
  @TempDir static Path work;
  static Path layout;

  @BeforeAll
  static void buildImages() throws Exception {
    layout = work.resolve("layout");
    run("umoci", "init", "--layout", layout.toString());
    run("umoci", "new", "--image", layout + ":base");
    Path layer = work.resolve("layer1");
    BusyboxBundle.create(layer);
    Path root = layer.resolve("rootfs");
    Files.writeString(
        root.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/sh\napp:x:1234:2345::/home/app:/bin/sh\n");
    Files.writeString(root.resolve("etc/group"), "root:x:0:\napp:x:2345:\nextra:x:3000:app\n");
    Files.createDirectories(root.resolve("home/app"));
    Files.writeString(root.resolve("home/app/.profile"), "export X=1\n");
    Files.setAttribute(root.resolve("home/app"), "unix:uid", 1234);
    Files.setAttribute(root.resolve("home/app/.profile"), "unix:gid", 2345);
    Files.createLink(root.resolve("bin/busybox-hardlink"), root.resolve("bin/busybox"));
    Files.setAttribute(root.resolve("tmp"), "unix:mode", 01777);
    run("umoci", "insert", "--image", layout + ":base", root.toString(), "/");
    Path layer2 = Files.createDirectories(work.resolve("layer2/etc"));
    Files.writeString(layer2.resolve("motd"), "second layer\n");
    run("umoci", "insert", "--image", layout + ":base", work.resolve("layer2").toString(), "/");
    run("umoci", "insert", "--image", layout + ":base", "--whiteout", "/home/app/.profile");
    for (String user :
        new String[] {"", "app", "1234", "999", "app:extra", "app:4000", "999:888"}) {
      run(
          "umoci",
          "config",
          "--image",
          layout + ":base",
          "--tag",
          tag(user),
          "--config.user",
          user,
          "--config.env",
          "FOO=bar",
          "--config.env",
          "PATH=/bin:/usr/bin",
          "--config.entrypoint",
          "/bin/sh",
          "--config.cmd",
          "-c",
          "--config.cmd",
          "echo hi",
          "--config.workingdir",
          "/work",
          "--config.label",
          "org.example.team=platform",
          "--config.exposedports",
          "8080/tcp",
          "--config.volume",
          "/data",
          "--config.stopsignal",
          "SIGTERM");
    }
  }

  static String tag(String user) {
    return "u-" + (user.isEmpty() ? "none" : user.replace(":", "-"));
  }

  @ParameterizedTest(name = "user \"{0}\"")
  @ValueSource(strings = {"", "app", "1234", "999", "app:extra", "app:4000", "999:888"})
  void bundle_matchesUmociUnpack(String user) throws Exception {
    String tag = tag(user);
    Path umociBundle = work.resolve("umoci-" + tag);
    run("umoci", "unpack", "--image", layout + ":" + tag, umociBundle.toString());
    Path ours = work.resolve("pvekit-" + tag);
    OciImage image = OciImageLayout.open(layout).image(tag, "linux/amd64");
    OciSpec spec = OciBundles.create(image, ours, ImageUnpacker.builder().build());

    OciSpec theirs = OciSpec.read(umociBundle.resolve("config.json"));
    assertThat(OciSpec.read(ours.resolve("config.json"))).isEqualTo(spec);
    assertThat(withoutDocumentedDifferences(spec)).isEqualTo(withoutDocumentedDifferences(theirs));
    assertThat(tree(ours.resolve("rootfs"))).isEqualTo(tree(umociBundle.resolve("rootfs")));
    assertThat(ours.resolve("rootfs/home/app/.profile")).doesNotExist();
    assertThat(ours.resolve("rootfs/etc/motd")).hasContent("second layer");
  }

  /** ociVersion, hostname and the inheritable/ambient capabilities differ on purpose. */
  static OciSpec withoutDocumentedDifferences(OciSpec spec) {
    OciProcess p = spec.process().orElseThrow();
    OciCapabilities caps = p.capabilities().orElseThrow();
    return OciSpec.builder()
        .from(spec)
        .ociVersion("x")
        .hostname("x")
        .process(
            OciProcess.builder()
                .from(p)
                .capabilities(
                    OciCapabilities.builder()
                        .bounding(caps.bounding())
                        .effective(caps.effective())
                        .permitted(caps.permitted())
                        .build())
                .build())
        .build();
  }

  /** Every entry with type, mode, owner, size or link target. */
  public static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Map<String, Object> a =
            Files.readAttributes(p, "unix:mode,uid,gid,size,nlink", LinkOption.NOFOLLOW_LINKS);
        String kind =
            Files.isSymbolicLink(p)
                ? "l->" + Files.readSymbolicLink(p)
                : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    ? "d"
                    : "f" + a.get("size") + "/" + a.get("nlink");
        entries.put(
            "/" + root.relativize(p),
            kind
                + " "
                + Integer.toOctalString((Integer) a.get("mode"))
                + " "
                + a.get("uid")
                + ":"
                + a.get("gid"));
      }
    }
    return entries;
  }

  public static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
  }

  static List<String> list(String... items) {
    return new ArrayList<>(List.of(items));
  }
}
