package io.pvekit.oci.internal.unpack;

import io.pvekit.oci.internal.fs.RootedFs;
import io.pvekit.oci.internal.fs.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Applies layer tar streams to a root directory, bottom layer first: regular files, directories,
 * symlinks, hard links, device nodes and FIFOs with their modes, owners, times and xattrs, plus OCI
 * whiteouts. Every path is resolved by {@link RootedFs}, so no entry reaches outside the root.
 */
final class LayerApplier {
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFIFO = 0010000;

  private final RootedFs fs;
  private final UnpackSettings settings;
  private final ContentWriter content;

  /** Directory metadata applied once all layers are in (children change a directory's mtime). */
  private final TreeMap<String, long[]> directories = new TreeMap<>();

  private final List<String> skipped = new ArrayList<>();
  private long entries;

  LayerApplier(RootedFs fs, UnpackSettings settings) {
    this.fs = fs;
    this.settings = settings;
    this.content = new ContentWriter(settings.maxBytes());
  }

  long entries() {
    return entries;
  }

  long bytes() {
    return content.bytes();
  }

  List<String> skipped() {
    return skipped;
  }

  void apply(InputStream tarStream) throws IOException {
    Set<String> written = new HashSet<>();
    StrictTarInput tar = new StrictTarInput(tarStream);
    while (true) {
      StrictTarInput.Raw raw = new StrictTarInput.Raw();
      TarArchiveEntry entry = nextEntry(tar, raw, tarStream);
      if (entry == null) {
        return;
      }
      entries++;
      try {
        apply(tar, entry, raw, written);
      } catch (InvalidPathException e) {
        // Java turns names into bytes with the locale's charset (sun.jnu.encoding), which cannot
        // be changed once the JVM runs: under LANG=C only ASCII names can be written
        byte[] name = entry.getName().getBytes(StandardCharsets.UTF_8);
        throw new UnpackException(
            StrictTarInput.printable(name, 0, name.length),
            "this JVM cannot write the name: it encodes file names as "
                + System.getProperty("sun.jnu.encoding")
                + " (from its locale); start Java with a UTF-8 locale, e.g. LC_ALL=C.UTF-8",
            e);
      }
    }
  }

  /**
   * The next entry. Some writers (umoci 0.4 among them) end a layer right after the last entry's
   * content, without its padding or the two zero records; the diff id still covers exactly those
   * bytes, so a stream that simply ends there is taken as the end of the archive.
   */
  private static TarArchiveEntry nextEntry(
      StrictTarInput tar, StrictTarInput.Raw raw, InputStream source) throws IOException {
    try {
      return tar.next(raw);
    } catch (UnpackException e) {
      throw e;
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("Truncated TAR archive") && source.read() < 0) {
        return null;
      }
      throw e;
    }
  }

  private void apply(
      StrictTarInput tar, TarArchiveEntry e, StrictTarInput.Raw raw, Set<String> written)
      throws IOException {
    String name = e.getName();
    List<String> parts = RootedFs.archiveComponents(name);
    if (parts.isEmpty()) {
      if (e.isDirectory()) {
        directories.put(
            "",
            new long[] {
              e.getMode() & 07777, seconds(e), nanos(e), owner(e, true), owner(e, false)
            });
        return;
      }
      throw new UnpackException(name, "names the root itself");
    }
    String base = parts.get(parts.size() - 1);
    String parent = String.join("/", parts.subList(0, parts.size() - 1));
    if (base.equals(OPAQUE)) {
      opaque(parent, written);
      return;
    }
    if (base.startsWith(WHITEOUT)) {
      whiteout(name, parent, base.substring(WHITEOUT.length()));
      return;
    }
    RootedFs.Location loc = fs.locate(name, true);
    String key = loc.key();
    written.add(key);
    Path path = loc.path();
    if (e.isDirectory()) {
      boolean exists = replace(loc, true);
      if (!exists) {
        Files.createDirectory(path);
      }
      fs.remember(key);
      xattrs(e, raw, path);
      directories.put(
          key,
          new long[] {e.getMode() & 07777, seconds(e), nanos(e), owner(e, true), owner(e, false)});
      if (settings.ownership()) {
        Native.lchown(path.toString(), owner(e, true), owner(e, false));
      }
    } else if (e.isSymbolicLink()) {
      replace(loc, false);
      Files.createSymbolicLink(path, Path.of(e.getLinkName()));
      finish(e, raw, path, false);
    } else if (e.isLink()) {
      hardLink(e, loc);
    } else if (e.isCharacterDevice() || e.isBlockDevice()) {
      device(e, raw, loc);
    } else if (e.isFIFO()) {
      replace(loc, false);
      Native.mknod(path.toString(), S_IFIFO | (e.getMode() & 07777), 0, 0);
      finish(e, raw, path, true);
    } else if (e.isFile()) {
      replace(loc, false);
      content.write(tar, e, path);
      finish(e, raw, path, (e.getMode() & 07777) != settings.defaultFileMode());
    } else {
      throw new UnpackException(
          name, "unsupported tar entry type (not a file, directory, link or node)");
    }
  }

  private void device(TarArchiveEntry e, StrictTarInput.Raw raw, RootedFs.Location loc)
      throws IOException {
    switch (settings.devices()) {
      case SKIP:
        skipped.add(e.getName());
        return;
      case REFUSE:
        throw new UnpackException(e.getName(), "device nodes are not allowed in this unpack");
      default:
        replace(loc, false);
        int type = e.isCharacterDevice() ? S_IFCHR : S_IFBLK;
        Native.mknod(
            loc.path().toString(), type | (e.getMode() & 07777), e.getDevMajor(), e.getDevMinor());
        finish(e, raw, loc.path(), true);
    }
  }

  private void hardLink(TarArchiveEntry e, RootedFs.Location loc) throws IOException {
    String target = e.getLinkName();
    RootedFs.archiveComponents(target);
    RootedFs.Location source = fs.locate(target, false);
    if (source == null) {
      throw new UnpackException(e.getName(), "hard link target \"" + target + "\" does not exist");
    }
    BasicFileAttributes attrs;
    try {
      attrs =
          Files.readAttributes(source.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException x) {
      throw new UnpackException(
          e.getName(), "hard link target \"" + target + "\" does not exist", x);
    }
    if (attrs.isDirectory()) {
      throw new UnpackException(e.getName(), "hard link to a directory");
    }
    if (source.key().equals(loc.key())) {
      return;
    }
    replace(loc, false);
    Files.createLink(loc.path(), source.path());
  }

  /** Owner, mode, xattrs and time of a new non-directory, in the order that keeps each. */
  private void finish(TarArchiveEntry e, StrictTarInput.Raw raw, Path path, boolean chmod)
      throws IOException {
    String p = path.toString();
    long uid = owner(e, true);
    long gid = owner(e, false);
    if (settings.ownership() && (uid != 0 || gid != 0 || !settings.runningAsRoot())) {
      Native.lchown(p, uid, gid);
    }
    if (chmod) {
      Native.chmod(p, e.getMode() & 07777);
    }
    xattrs(e, raw, path);
    Native.lutimes(p, seconds(e), nanos(e));
  }

  private long owner(TarArchiveEntry e, boolean user) throws IOException {
    return user
        ? settings.uids().toHost(e.getLongUserId(), e.getName())
        : settings.gids().toHost(e.getLongGroupId(), e.getName());
  }

  /** Extended attributes from the entry's own PAX header, values as raw bytes. */
  private void xattrs(TarArchiveEntry e, StrictTarInput.Raw raw, Path path) throws IOException {
    if (raw.pax.isEmpty()) {
      return;
    }
    for (Map.Entry<String, byte[]> header : raw.pax.entrySet()) {
      String key = header.getKey();
      byte[] value;
      String attribute;
      if (key.startsWith("SCHILY.xattr.")) {
        attribute = key.substring("SCHILY.xattr.".length());
        value = header.getValue();
      } else if (key.startsWith("LIBARCHIVE.xattr.")) {
        attribute =
            java.net.URLDecoder.decode(
                key.substring("LIBARCHIVE.xattr.".length()), StandardCharsets.UTF_8);
        try {
          value = Base64.getDecoder().decode(header.getValue());
        } catch (IllegalArgumentException x) {
          throw new UnpackException(e.getName(), "xattr " + attribute + " is not base64", x);
        }
      } else {
        continue;
      }
      if (attribute.isEmpty() || attribute.indexOf('\0') >= 0) {
        throw new UnpackException(e.getName(), "an xattr without a valid name");
      }
      if (!settings.xattrs()) {
        continue;
      }
      Native.lsetxattr(path.toString(), attribute, value);
    }
  }

  /**
   * Makes room for an entry: a directory stays when a directory comes; anything else at the path is
   * removed, without following it.
   *
   * @return whether a directory was kept
   */
  private boolean replace(RootedFs.Location loc, boolean directory) throws IOException {
    if (fs.knownAbsent(loc)) {
      fs.created(loc.key(), directory);
      return false;
    }
    BasicFileAttributes attrs;
    try {
      attrs =
          Files.readAttributes(loc.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      fs.created(loc.key(), directory);
      return false;
    }
    if (attrs.isDirectory() && directory) {
      return true;
    }
    Trees.delete(loc.path());
    fs.forget(loc.key(), attrs.isDirectory());
    if (attrs.isDirectory()) {
      forgetDirectories(loc.key());
    }
    fs.created(loc.key(), directory);
    return false;
  }

  private void forgetDirectories(String key) {
    directories.remove(key);
    directories.subMap(key + "/", true, key + "/\uffff", true).clear();
  }

  private void whiteout(String entry, String parent, String name) throws IOException {
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new UnpackException(entry, "whiteout of \"" + name + "\"");
    }
    RootedFs.Location loc = fs.locate(parent.isEmpty() ? name : parent + "/" + name, false);
    if (loc == null) {
      return;
    }
    if (Files.exists(loc.path(), LinkOption.NOFOLLOW_LINKS)) {
      boolean directory = Files.isDirectory(loc.path(), LinkOption.NOFOLLOW_LINKS);
      Trees.delete(loc.path());
      fs.forget(loc.key(), directory);
      forgetDirectories(loc.key());
    }
  }

  /** Hides what lower layers put in the directory; entries of this layer stay. */
  private void opaque(String dir, Set<String> written) throws IOException {
    String key = dir.isEmpty() ? "" : fs.directoryKey(dir);
    clearBelow(key, written);
  }

  private void clearBelow(String key, Set<String> written) throws IOException {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(fs.host(key))) {
      for (Path child : children) {
        String childKey =
            key.isEmpty() ? child.getFileName().toString() : key + "/" + child.getFileName();
        if (written.contains(childKey)) {
          if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
            clearBelow(childKey, written);
          }
          continue;
        }
        boolean directory = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS);
        Trees.delete(child);
        fs.forget(childKey, directory);
        forgetDirectories(childKey);
      }
    }
  }

  /**
   * Applies directory modes, owners and times, deepest first; the root gets {@code rootMode} (the
   * umask's) unless a layer gives its mode.
   */
  void finishDirectories(int rootMode) throws IOException {
    if (!directories.containsKey("")) {
      Native.chmod(fs.root().toString(), rootMode);
    }
    List<String> keys = new ArrayList<>(directories.keySet());
    keys.sort(
        Comparator.comparingInt((String k) -> k.isEmpty() ? 0 : k.split("/").length).reversed());
    for (String key : keys) {
      long[] meta = directories.get(key);
      String path = fs.host(key).toString();
      if (key.isEmpty() && settings.ownership()) {
        Native.lchown(path, meta[3], meta[4]);
      }
      Native.chmod(path, (int) meta[0]);
      Native.lutimes(path, meta[1], meta[2]);
    }
  }

  private static long seconds(TarArchiveEntry e) {
    FileTime time = e.getLastModifiedTime();
    return time == null ? 0 : time.toInstant().getEpochSecond();
  }

  private static long nanos(TarArchiveEntry e) {
    FileTime time = e.getLastModifiedTime();
    Instant instant = time == null ? Instant.EPOCH : time.toInstant();
    return instant.getNano();
  }
}
