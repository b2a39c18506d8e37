package io.pvekit.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes an OCI image layout with one uncompressed layer made from a directory tree: the layer tar,
 * the image config (user, env, entrypoint), the manifest and {@code index.json} with a tag, as a
 * registry or {@code umoci} would leave them.
 */
final class PostgresImage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar";
  private static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
  private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

  private PostgresImage() {}

  record Blob(String digest, long size) {}

  /**
   * Writes the layout.
   *
   * @param tree the layer's content; every entry is owned by root in the layer
   * @param layout the layout directory (created)
   * @param tag the tag in {@code index.json}
   */
  static void write(
      Path tree, Path layout, String tag, String user, List<String> env, String entrypoint)
      throws IOException {
    Files.createDirectories(layout.resolve("blobs/sha256"));
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Blob layer = writeLayer(tree, layout);

    ObjectNode config = JSON.createObjectNode();
    config.put("architecture", "amd64").put("os", "linux");
    ObjectNode runtime = config.putObject("config");
    runtime.put("User", user);
    ArrayNode envArray = runtime.putArray("Env");
    env.forEach(envArray::add);
    runtime.putArray("Entrypoint").add(entrypoint);
    runtime.put("WorkingDir", "/");
    runtime.put("StopSignal", "SIGTERM");
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    rootfs.putArray("diff_ids").add(layer.digest());
    Blob configBlob = writeJson(layout, config);

    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2).put("mediaType", MANIFEST_TYPE);
    manifest.set("config", descriptor(CONFIG_TYPE, configBlob));
    manifest.putArray("layers").add(descriptor(LAYER_TYPE, layer));
    Blob manifestBlob = writeJson(layout, manifest);

    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    ObjectNode entry = descriptor(MANIFEST_TYPE, manifestBlob);
    entry.putObject("platform").put("architecture", "amd64").put("os", "linux");
    entry.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
    index.putArray("manifests").add(entry);
    Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(index));
  }

  private static ObjectNode descriptor(String mediaType, Blob blob) {
    ObjectNode node = JSON.createObjectNode();
    node.put("mediaType", mediaType).put("digest", blob.digest()).put("size", blob.size());
    return node;
  }

  private static Blob writeJson(Path layout, ObjectNode document) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(document);
    String digest = "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    Files.write(layout.resolve("blobs/sha256").resolve(digest.substring(7)), bytes);
    return new Blob(digest, bytes.length);
  }

  private static Blob writeLayer(Path tree, Path layout) throws IOException {
    Path temp = Files.createTempFile(layout, "layer", ".tar");
    MessageDigest digest = sha256();
    try (OutputStream file = Files.newOutputStream(temp);
        DigestOutputStream hashed = new DigestOutputStream(file, digest);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(hashed, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      List<Path> entries;
      try (Stream<Path> walk = Files.walk(tree)) {
        entries = walk.filter(p -> !p.equals(tree)).sorted().toList();
      }
      for (Path path : entries) {
        String name = tree.relativize(path).toString();
        TarArchiveEntry entry;
        boolean regular = Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
        if (Files.isSymbolicLink(path)) {
          entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
          entry.setLinkName(Files.readSymbolicLink(path).toString());
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          entry = new TarArchiveEntry(name + "/");
        } else {
          entry = new TarArchiveEntry(name);
          entry.setSize(Files.size(path));
        }
        entry.setMode(mode(path, entry));
        entry.setIds(0, 0);
        entry.setModTime(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS));
        tar.putArchiveEntry(entry);
        if (regular) {
          Files.copy(path, tar);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
    String hex = HexFormat.of().formatHex(digest.digest());
    long size = Files.size(temp);
    Files.move(temp, layout.resolve("blobs/sha256").resolve(hex), StandardCopyOption.ATOMIC_MOVE);
    return new Blob("sha256:" + hex, size);
  }

  private static int mode(Path path, TarArchiveEntry entry) throws IOException {
    int type = entry.getMode() & ~07777;
    if (entry.isSymbolicLink()) {
      return type | 0777;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
    int bits = 0;
    for (PosixFilePermission p : perms) {
      bits |= 1 << (8 - p.ordinal());
    }
    return type | bits;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
