package io.pvekit.lxc.internal.proxmox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A bundle's rootfs as a Proxmox container template ({@code vztmpl}, tar + gzip). Entries are
 * sorted and carry numeric owners, so the same rootfs gives the same bytes and the template's name,
 * taken from its sha256, lets every container of one image share one template.
 */
public final class TemplateArchive {
  private TemplateArchive() {}

  /**
   * The archive and its content name.
   *
   * @param file the tar.gz file
   * @param name {@code pvekit-<sha256 prefix>.tar.gz}, the template's file name in the storage
   */
  public record Result(Path file, String name) {}

  public static Result build(Path rootfs, Path directory) throws IOException {
    Path temp = Files.createTempFile(directory, "template", ".tar.gz");
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (OutputStream file = Files.newOutputStream(temp);
        DigestOutputStream digest = new DigestOutputStream(file, sha256);
        GZIPOutputStream gzip = new GZIPOutputStream(digest);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(rootfs)) {
        paths = walk.sorted().toList();
      }
      for (Path path : paths) {
        add(tar, rootfs, path);
      }
    }
    String name =
        "pvekit-" + HexFormat.of().formatHex(sha256.digest()).substring(0, 16) + ".tar.gz";
    Path target = directory.resolve(name);
    Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new Result(target, name);
  }

  private static void add(TarArchiveOutputStream tar, Path rootfs, Path path) throws IOException {
    String relative = rootfs.relativize(path).toString();
    String name = relative.isEmpty() ? "./" : "./" + relative;
    TarArchiveEntry entry;
    boolean regular = false;
    if (Files.isSymbolicLink(path)) {
      entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(path).toString());
    } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      entry = new TarArchiveEntry(name);
      entry.setSize(Files.size(path));
      regular = true;
    } else {
      return; // device nodes and fifos: LXC creates /dev itself
    }
    entry.setMode(mode(path, entry));
    entry.setUserId(
        ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue());
    entry.setGroupId(
        ((Number) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue());
    entry.setModTime(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS));
    tar.putArchiveEntry(entry);
    if (regular) {
      Files.copy(path, tar);
    }
    tar.closeArchiveEntry();
  }

  private static int mode(Path path, TarArchiveEntry entry) throws IOException {
    int type = entry.isSymbolicLink() ? 0120000 : entry.isDirectory() ? 040000 : 0100000;
    if (entry.isSymbolicLink()) {
      return type | 0777;
    }
    return type | ((Number) Files.getAttribute(path, "unix:mode")).intValue() & 07777;
  }
}
