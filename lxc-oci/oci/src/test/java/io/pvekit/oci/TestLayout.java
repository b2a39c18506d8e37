package io.pvekit.oci;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes OCI image layouts for tests, including layers no honest tool would make. */
final class TestLayout {
  enum Compression {
    NONE("application/vnd.oci.image.layer.v1.tar"),
    GZIP("application/vnd.oci.image.layer.v1.tar+gzip"),
    ZSTD("application/vnd.oci.image.layer.v1.tar+zstd");

    final String mediaType;

    Compression(String mediaType) {
      this.mediaType = mediaType;
    }
  }

  /** One layer's tar, entry by entry. */
  static final class Layer {
    final List<Consumer<TarArchiveOutputStream>> entries = new ArrayList<>();
    Compression compression = Compression.GZIP;

    Layer compression(Compression c) {
      compression = c;
      return this;
    }

    Layer dir(String name) {
      return entry(name, TarArchiveEntry.LF_DIR, null, 0755, 0, 0);
    }

    Layer file(String name, String content) {
      return file(name, content, 0644, 0, 0);
    }

    Layer file(String name, String content, int mode, int uid, int gid) {
      return entry(name, TarArchiveEntry.LF_NORMAL, content, mode, uid, gid);
    }

    Layer symlink(String name, String target) {
      entries.add(
          tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            e.setLinkName(target);
            put(tar, e, null);
          });
      return this;
    }

    Layer hardlink(String name, String target) {
      entries.add(
          tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
            e.setLinkName(target);
            put(tar, e, null);
          });
      return this;
    }

    Layer device(String name, int major, int minor) {
      entries.add(
          tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_CHR);
            e.setDevMajor(major);
            e.setDevMinor(minor);
            e.setMode(0020666);
            put(tar, e, null);
          });
      return this;
    }

    Layer xattr(String name, String content, String attribute, String value) {
      entries.add(
          tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.addPaxHeader("SCHILY.xattr." + attribute, value);
            put(tar, e, content);
          });
      return this;
    }

    /** A raw entry: the name is written as given (no normalisation). */
    Layer entry(String name, byte type, String content, int mode, int uid, int gid) {
      entries.add(
          tar -> {
            TarArchiveEntry e = new TarArchiveEntry(name, type, true);
            e.setMode((type == TarArchiveEntry.LF_DIR ? 0040000 : 0100000) | mode);
            e.setUserId(uid);
            e.setGroupId(gid);
            e.setModTime(1_700_000_000_000L);
            put(tar, e, content);
          });
      return this;
    }

    private static void put(TarArchiveOutputStream tar, TarArchiveEntry e, String content) {
      try {
        byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
        if (content != null) {
          e.setSize(bytes.length);
        }
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      } catch (IOException x) {
        throw new IllegalStateException(x);
      }
    }

    byte[] tar() throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        for (Consumer<TarArchiveOutputStream> entry : entries) {
          entry.accept(tar);
        }
      }
      return out.toByteArray();
    }
  }

  private final Path dir;
  private final List<String> manifests = new ArrayList<>();

  TestLayout(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
  }

  Path dir() {
    return dir;
  }

  static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  String blob(byte[] bytes) throws Exception {
    String digest = sha256(bytes);
    Files.write(dir.resolve("blobs/sha256").resolve(digest.substring(7)), bytes);
    return digest;
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

  /** Adds an image and returns the manifest digest. */
  String image(String tag, String runtimeConfig, Layer... layers) throws Exception {
    List<String> layerDescriptors = new ArrayList<>();
    List<String> diffIds = new ArrayList<>();
    for (Layer layer : layers) {
      byte[] tar = layer.tar();
      diffIds.add("\"" + sha256(tar) + "\"");
      byte[] blob = compress(tar, layer.compression);
      layerDescriptors.add(descriptor(layer.compression.mediaType, blob(blob), blob.length));
    }
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2024-01-02T03:04:05.123Z\","
                + "\"config\":"
                + runtimeConfig
                + ",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + String.join(",", diffIds)
                + "]}}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":"
                + descriptor(
                    "application/vnd.oci.image.config.v1+json", blob(config), config.length)
                + ",\"layers\":["
                + String.join(",", layerDescriptors)
                + "]}")
            .getBytes(StandardCharsets.UTF_8);
    String digest = blob(manifest);
    manifests.add(
        "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
            + digest
            + "\",\"size\":"
            + manifest.length
            + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\""
            + tag
            + "\"}}");
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[" + String.join(",", manifests) + "]}");
    return digest;
  }

  static byte[] compress(byte[] tar, Compression compression) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream c =
        compression == Compression.GZIP
            ? new GZIPOutputStream(out)
            : compression == Compression.ZSTD ? new ZstdOutputStream(out) : out) {
      c.write(tar);
    }
    return out.toByteArray();
  }
}
