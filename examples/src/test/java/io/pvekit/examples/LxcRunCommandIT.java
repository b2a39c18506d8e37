package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pvekit lxc run --image}: a real OCI image layout (a static busybox) run as an LXC
 * container by the real entry point in its own JVM; the container's output and status are the
 * command's.
 */
@Requires({Prerequisite.ROOT, Prerequisite.LIBLXC, Prerequisite.BUSYBOX_STATIC})
class LxcRunCommandIT {
  @TempDir Path dir;

  @Test
  void anImage_runsAsAnLxcContainer_withItsOutputAndStatus() throws Exception {
    Path layout = busyboxLayout("echo hello from lxc pid $$; echo to-stderr >&2; exit 3");
    Path root = dir.resolve("state");
    PvekitProcess.Result run =
        pvekit("lxc", "run", "--image", layout + ":demo", "--root", root.toString());
    assertThat(run.stdout())
        .as("status %d, stderr: %s", run.status(), run.stderr())
        .isEqualTo("hello from lxc pid 1\n");
    assertThat(run.stderr()).isEqualTo("to-stderr\n");
    assertThat(run.status()).isEqualTo(3);
    try (Stream<Path> left = Files.list(root)) {
      assertThat(left).as("container state left behind").isEmpty();
    }
  }

  @Test
  void aMissingImage_isOneClearLine_andStatus125() throws Exception {
    PvekitProcess.Result run = pvekit("lxc", "run", "--image", dir.resolve("none") + ":x");
    assertThat(run.status()).isEqualTo(125);
    assertThat(run.stderr()).startsWith("pvekit lxc run: ").doesNotContain("\tat ");
    assertThat(run.stderr().lines()).hasSize(1);
  }

  private PvekitProcess.Result pvekit(String... args) throws Exception {
    return PvekitProcess.run(dir, args);
  }

  /** An image layout with one layer: /bin/busybox, /bin/sh and the directories LXC mounts on. */
  private Path busyboxLayout(String script) throws Exception {
    Path layout = dir.resolve("layout");
    Files.createDirectories(layout.resolve("blobs/sha256"));
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (String d : new String[] {"bin/", "proc/", "sys/", "dev/", "tmp/", "etc/"}) {
        TarArchiveEntry entry = new TarArchiveEntry(d);
        entry.setMode(040755);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
      }
      byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
      TarArchiveEntry binary = new TarArchiveEntry("bin/busybox");
      binary.setMode(0100755);
      binary.setSize(busybox.length);
      tar.putArchiveEntry(binary);
      tar.write(busybox);
      tar.closeArchiveEntry();
      TarArchiveEntry sh = new TarArchiveEntry("bin/sh", TarArchiveEntry.LF_SYMLINK);
      sh.setLinkName("busybox");
      tar.putArchiveEntry(sh);
      tar.closeArchiveEntry();
    }
    byte[] layerBytes = tarBytes.toByteArray();
    String layer = blob(layout, layerBytes);
    String config =
        blob(
            layout,
            ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/bin\"],"
                    + "\"Cmd\":[\"/bin/sh\",\"-c\","
                    + quote(script)
                    + "]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                    + sha256(layerBytes)
                    + "\"]}}")
                .getBytes(StandardCharsets.UTF_8));
    String manifest =
        blob(
            layout,
            ("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                    + config
                    + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                    + layer
                    + "}]}")
                .getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        layout.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + manifest
            + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"demo\"}}]}");
    return layout;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String blob(Path layout, byte[] bytes) throws Exception {
    String digest = sha256(bytes);
    Files.write(layout.resolve("blobs/sha256").resolve(digest.substring(7)), bytes);
    return "\"digest\":\"" + digest + "\",\"size\":" + bytes.length;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
