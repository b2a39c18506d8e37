package io.pvekit.examples;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** A one-layer OCI image layout holding this host's static busybox, tagged {@code demo}. */
public final class BusyboxLayout {
  private BusyboxLayout() {}

  /**
   * Writes the layout to {@code dir/layout}: /bin/busybox, /bin/sh and the directories LXC mounts
   * on, with {@code /bin/sh -c SCRIPT} as the image's command.
   *
   * @param dir where to write
   * @param script the shell script the image runs
   * @return the layout directory
   * @throws Exception when writing fails
   */
  public static Path write(Path dir, String script) throws Exception {
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
