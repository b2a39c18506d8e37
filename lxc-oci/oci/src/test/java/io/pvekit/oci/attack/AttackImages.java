package io.pvekit.oci.attack;

import io.pvekit.oci.OciImage;
import io.pvekit.oci.OciImageLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * OCI layouts around hand-made layers, and canaries: a tree beside the target whose every entry
 * (type, mode, size, time, content digest) must be the same after an attack.
 */
final class AttackImages {
  static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  static final String LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";

  private AttackImages() {}

  /** A layout at {@code dir} holding one image of these (gzip-compressed) layers, tag "t". */
  static OciImage image(Path dir, String runtimeConfig, byte[]... tars) throws Exception {
    writeLayout(dir, runtimeConfig, LAYER_GZIP, tars);
    return OciImageLayout.open(dir).image("t", "linux/amd64");
  }

  /** Writes the layout; returns the layer blob digests. */
  static List<String> writeLayout(Path dir, String runtimeConfig, String mediaType, byte[]... tars)
      throws Exception {
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    List<String> layers = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    List<String> diffIds = new ArrayList<>();
    for (byte[] tar : tars) {
      byte[] blob = mediaType.equals(LAYER_GZIP) ? gzip(tar) : tar;
      String digest = blob(dir, blob);
      digests.add(digest);
      diffIds.add("\"" + sha256(tar) + "\"");
      layers.add(descriptor(mediaType, digest, blob.length));
    }
    byte[] config =
        utf8(
            "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":"
                + runtimeConfig
                + ",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + String.join(",", diffIds)
                + "]}}");
    byte[] manifest =
        utf8(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":"
                + descriptor(
                    "application/vnd.oci.image.config.v1+json", blob(dir, config), config.length)
                + ",\"layers\":["
                + String.join(",", layers)
                + "]}");
    String manifestDigest = blob(dir, manifest);
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
            + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
            + manifestDigest
            + "\",\"size\":"
            + manifest.length
            + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"t\"}}]}");
    return digests;
  }

  static String descriptor(String mediaType, String digest, long size) {
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + size
        + "}";
  }

  static String blob(Path dir, byte[] bytes) throws Exception {
    String digest = sha256(bytes);
    Files.write(dir.resolve("blobs/sha256").resolve(digest.substring(7)), bytes);
    return digest;
  }

  static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static byte[] gzip(byte[] tar) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(tar);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Plants canaries in {@code dir}: files, a directory, a symlink to a directory. */
  static void plantCanaries(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("canary/bin"));
    Files.writeString(dir.resolve("canary/bin/sh"), "host shell\n");
    Files.writeString(dir.resolve("canary/innocent.txt"), "host file\n");
    Files.writeString(dir.resolve("canary/passwd"), "root:x:0:0::/root:/bin/sh\n");
    Files.createSymbolicLink(dir.resolve("canary/link"), dir.resolve("canary/bin"));
  }

  /** Every entry under {@code dir} except {@code skip}: type, mode, size, time and content. */
  static Map<String, String> snapshot(Path dir, Path skip) throws Exception {
    Map<String, String> state = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (p.equals(dir) || p.startsWith(skip)) {
          continue;
        }
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String content =
            a.isRegularFile() && a.size() < (1 << 20) ? sha256(Files.readAllBytes(p)) : "";
        state.put(
            dir.relativize(p).toString(),
            (a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : "f")
                + " "
                + Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)
                + " "
                + a.size()
                + " "
                + a.lastModifiedTime()
                + " "
                + content);
      }
    }
    return state;
  }
}
