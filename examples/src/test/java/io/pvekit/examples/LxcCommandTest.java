package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LxcCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private int run(String... args) {
    return PvekitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void unpack_makesABundle_andExplainMapsIt() throws Exception {
    Path layout = layout("app", "etc/motd", "hello\n");
    Path dest = dir.resolve("bundle");
    assertThat(run("lxc", "unpack", "--image", layout + ":app", dest.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("unpacked " + layout + ":app (linux/amd64, 1 layers)");
    assertThat(dest.resolve("rootfs/etc/motd")).hasContent("hello");
    assertThat(dest.resolve("config.json")).content().contains("\"/bin/app\"");

    out.getBuffer().setLength(0);
    int status = run("lxc", "explain", "--cgroup-layout", "HYBRID", dest.toString());
    assertThat(out.toString())
        .contains("MAPPED     $.process.args")
        .contains("-> lxc.execute.cmd = /bin/app --serve")
        .contains("-> lxc.rootfs.path = dir:")
        .contains("-> lxc.cgroup.devices.deny = a")
        .contains("result: translatable");
    assertThat(status).isZero();
  }

  @Test
  void unpack_ofAMaliciousImage_failsAndRemovesDest() throws Exception {
    Path layout = layout("evil", "../../escaped", "x");
    Path dest = dir.resolve("bundle");
    assertThat(run("lxc", "unpack", "--image", layout + ":evil", dest.toString())).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("pvekit lxc unpack: layer 1 (sha256:")
        .contains("is unsafe")
        .contains("../../escaped");
    assertThat(dest).doesNotExist();
    assertThat(dir.resolve("escaped")).doesNotExist();
  }

  @Test
  void unpack_ofAMissingTag_saysWhichTagsExist() throws Exception {
    Path layout = layout("app", "etc/motd", "hello\n");
    assertThat(run("lxc", "unpack", "--image", layout + ":nope", dir.resolve("b").toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("has no image tagged \"nope\"; its tags: app");
  }

  @Test
  void explain_ofABadConfig_namesThePath() throws Exception {
    Files.writeString(
        dir.resolve("config.json"),
        "{\"ociVersion\":\"1.0.0\",\"process\":{\"user\":{\"uid\":\"x\"}}}");
    assertThat(run("lxc", "explain", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("$.process.user.uid: expected an integer, got a string");
  }

  /** A one-layer image layout, written by hand. */
  private Path layout(String tag, String file, String content) throws Exception {
    Path layout = dir.resolve("layout-" + tag);
    Files.createDirectories(layout.resolve("blobs/sha256"));
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry(file, TarArchiveEntry.LF_NORMAL, true);
      entry.setSize(data.length);
      entry.setMode(0100644);
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(tarBytes.toByteArray());
    }
    String layer = blob(layout, gz.toByteArray());
    String config =
        blob(
            layout,
            ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Entrypoint\":[\"/bin/app\"],"
                    + "\"Cmd\":[\"--serve\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                    + sha256(tarBytes.toByteArray())
                    + "\"]}}")
                .getBytes(StandardCharsets.UTF_8));
    String manifest =
        blob(
            layout,
            ("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                    + config
                    + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                    + layer
                    + "}]}")
                .getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        layout.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + manifest
            + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\""
            + tag
            + "\"}}]}");
    return layout;
  }

  /** Stores a blob and returns its descriptor's digest and size fields. */
  private static String blob(Path layout, byte[] bytes) throws Exception {
    String digest = sha256(bytes);
    Files.write(layout.resolve("blobs/sha256").resolve(digest.substring(7)), bytes);
    return "\"digest\":\"" + digest + "\",\"size\":" + bytes.length;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
