package io.pvekit.lxc.internal.template;

import com.github.luben.zstd.ZstdOutputStream;
import io.pvekit.oci.OciIdMapping;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a root file system as a Proxmox container template: a tar of {@code ./...} entries.
 *
 * <p>The bytes depend on the tree alone: entries are sorted, owners are numeric only (no user or
 * group names), the gzip header carries no time, and the root directory's own time (which is when
 * the rootfs was unpacked, not what it holds) is the newest time in the tree. So the same tree
 * gives the same archive and the archive's digest can name it.
 */
public final class TemplateWriter {
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFSOCK = 0140000;

  private TemplateWriter() {}

  /**
   * What was written.
   *
   * @param entries the number of tar entries
   * @param sha256 the archive's sha256, lower-case hex
   */
  public record Written(long entries, String sha256) {}

  public static Written write(
      Path rootfs, Path archive, List<OciIdMapping> uidMappings, List<OciIdMapping> gidMappings)
      throws IOException {
    String name = archive.getFileName().toString();
    boolean zstd = name.endsWith(".tar.zst");
    if (!zstd && !name.endsWith(".tar.gz")) {
      throw new IOException(
          archive
              + ": a Proxmox template is named *.tar.zst or *.tar.gz (the storage expects one)");
    }
    Path tmp = Files.createTempFile(archive.toAbsolutePath().getParent(), "." + name, ".tmp");
    long entries = 0;
    MessageDigest sha256 = sha256();
    try {
      try (OutputStream file =
              new BufferedOutputStream(
                  new DigestOutputStream(Files.newOutputStream(tmp), sha256), 1 << 16);
          OutputStream compressed =
              zstd ? new ZstdOutputStream(file, 3) : new GZIPOutputStream(file, 1 << 16);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        Map<String, String> firstLinks = new HashMap<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(rootfs)) {
          paths = walk.sorted().collect(Collectors.toList());
        }
        FileTime rootTime = newest(paths.subList(1, paths.size()));
        for (Path path : paths) {
          entries +=
              entry(tar, rootfs, path, rootTime, firstLinks, uidMappings, gidMappings) ? 1 : 0;
        }
        tar.finish();
      }
      Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return new Written(entries, HexFormat.of().formatHex(sha256.digest()));
  }

  private static FileTime newest(List<Path> paths) throws IOException {
    FileTime newest = FileTime.fromMillis(0);
    for (Path path : paths) {
      FileTime time = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
      newest = time.compareTo(newest) > 0 ? time : newest;
    }
    return newest;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static boolean entry(
      TarArchiveOutputStream tar,
      Path rootfs,
      Path path,
      FileTime rootTime,
      Map<String, String> firstLinks,
      List<OciIdMapping> uids,
      List<OciIdMapping> gids)
      throws IOException {
    String relative = rootfs.relativize(path).toString();
    String name = relative.isEmpty() ? "./" : "./" + relative;
    Map<String, Object> a =
        Files.readAttributes(
            path,
            "unix:mode,uid,gid,nlink,ino,dev,rdev,size,lastModifiedTime",
            LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    int type = mode & S_IFMT;
    TarArchiveEntry entry;
    boolean content = false;
    if (Files.isSymbolicLink(path)) {
      entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(path).toString());
    } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarArchiveEntry.LF_DIR);
    } else if (type == S_IFCHR || type == S_IFBLK) {
      entry =
          new TarArchiveEntry(
              name, type == S_IFCHR ? TarArchiveEntry.LF_CHR : TarArchiveEntry.LF_BLK);
      long rdev = (Long) a.get("rdev");
      entry.setDevMajor((int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL)));
      entry.setDevMinor((int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL)));
    } else if (type == S_IFIFO) {
      entry = new TarArchiveEntry(name, TarArchiveEntry.LF_FIFO);
    } else if (type == S_IFSOCK) {
      return false; // sockets are not archived (tar cannot hold them)
    } else {
      String key = a.get("dev") + ":" + a.get("ino");
      String first = (Integer) a.get("nlink") > 1 ? firstLinks.putIfAbsent(key, name) : null;
      if (first != null) {
        entry = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK);
        entry.setLinkName(first);
      } else {
        entry = new TarArchiveEntry(name, TarArchiveEntry.LF_NORMAL);
        entry.setSize((Long) a.get("size"));
        content = true;
      }
    }
    entry.setMode(mode);
    entry.setUserId(unshift(path, "uid", (Integer) a.get("uid"), uids));
    entry.setGroupId(unshift(path, "gid", (Integer) a.get("gid"), gids));
    // names would win over the ids in a plain tar -x, and they are the writer's, not the tree's
    entry.setUserName("");
    entry.setGroupName("");
    entry.setLastModifiedTime(relative.isEmpty() ? rootTime : (FileTime) a.get("lastModifiedTime"));
    tar.putArchiveEntry(entry);
    if (content) {
      try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
        in.transferTo(tar);
      }
    }
    tar.closeArchiveEntry();
    return true;
  }

  /** Host id back to the container id (the template holds container ids). */
  private static long unshift(Path path, String kind, long hostId, List<OciIdMapping> mappings)
      throws IOException {
    if (mappings.isEmpty()) {
      return hostId;
    }
    for (OciIdMapping m : mappings) {
      if (hostId >= m.hostId() && hostId < m.hostId() + m.size()) {
        return m.containerId() + (hostId - m.hostId());
      }
    }
    throw new IOException(
        path
            + ": owner "
            + kind
            + " "
            + hostId
            + " is outside the id mapping "
            + mappings.stream()
                .map(m -> m.containerId() + "->" + m.hostId() + "+" + m.size())
                .collect(Collectors.joining(", "))
            + "; a template of an id-shifted rootfs needs every owner inside the mapping it was"
            + " unpacked with");
  }
}
