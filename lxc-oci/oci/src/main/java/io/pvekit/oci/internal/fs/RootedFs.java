package io.pvekit.oci.internal.fs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Paths inside a root directory, resolved one component at a time without ever leaving it: a
 * symlink on the way is followed as the container would see it (an absolute target starts again at
 * the root), a relative target that climbs above the root is refused, and the last component is
 * never followed. The threat is hostile content (image layers, a rootfs), not a concurrent process:
 * nothing else writes into the tree while pvekit works on it.
 *
 * <p>Directories already verified are remembered, so a deep tree costs one {@code lstat} per new
 * directory, not per component of every path.
 */
public final class RootedFs {
  private static final int MAX_SYMLINKS = 40;

  private final Path root;
  // Sorted, so that what lies below a directory is one range: forgetting a directory costs what it
  // held, not a scan of everything (a layer of 40,000 directory whiteouts was quadratic).
  private final NavigableSet<String> verifiedDirectories = new TreeSet<>();

  /** Everything this code created, and the directories it created empty: what is known absent. */
  private final NavigableSet<String> created = new TreeSet<>();

  private final NavigableSet<String> freshDirectories = new TreeSet<>();

  private long forgotten;

  public RootedFs(Path root) throws IOException {
    this.root = root.toRealPath();
    if (!Files.isDirectory(this.root, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(root + " is not a directory");
    }
  }

  public Path root() {
    return root;
  }

  /**
   * Splits a path from an archive or a spec into clean components: a leading {@code /} or {@code
   * ./} is dropped, empty and {@code .} components are skipped, and {@code ..} is refused.
   */
  public static List<String> components(String path) throws UnsafePathException {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new UnsafePathException(path, "\"..\" would leave the root");
      }
      if (part.indexOf('\0') >= 0) {
        throw new UnsafePathException(path, "contains a NUL character");
      }
      parts.add(part);
    }
    return parts;
  }

  /**
   * Like {@link #components(String)} for names inside an archive. Tools write absolute names (umoci
   * writes {@code /bin/sh}); like GNU tar, they are taken relative to the root.
   */
  public static List<String> archiveComponents(String path) throws UnsafePathException {
    return components(path);
  }

  /** A resolved location: the parent directory (inside the root) and the last component. */
  public static final class Location {
    private final Path parent;
    private final String parentKey;
    private final String name;

    Location(Path parent, String parentKey, String name) {
      this.parent = parent;
      this.parentKey = parentKey;
      this.name = name;
    }

    public Path parent() {
      return parent;
    }

    public String name() {
      return name;
    }

    /** The host path of the last component (not followed). */
    public Path path() {
      return parent.resolve(name);
    }

    /** The path relative to the root, symlinks in the parent resolved. */
    public String key() {
      return parentKey.isEmpty() ? name : parentKey + "/" + name;
    }
  }

  /**
   * Resolves {@code path}'s parent inside the root, creating missing directories (mode 0755) when
   * {@code create} is set.
   *
   * @return the location, or {@code null} when a parent is missing and {@code create} is off
   */
  public Location locate(String path, boolean create) throws IOException {
    List<String> parts = components(path);
    if (parts.isEmpty()) {
      throw new UnsafePathException(path, "names the root itself");
    }
    String name = parts.get(parts.size() - 1);
    List<String> parent = resolveDirectory(path, parts.subList(0, parts.size() - 1), create);
    if (parent == null) {
      return null;
    }
    String key = String.join("/", parent);
    return new Location(key.isEmpty() ? root : root.resolve(key), key, name);
  }

  /** Makes sure {@code path} is a directory inside the root, creating what is missing. */
  public Path ensureDirectory(String path) throws IOException {
    String key = directoryKey(path);
    return key.isEmpty() ? root : root.resolve(key);
  }

  /** Like {@link #ensureDirectory}, returning the path relative to the root ("" for the root). */
  public String directoryKey(String path) throws IOException {
    return String.join("/", resolveDirectory(path, components(path), true));
  }

  /** The host path of a key. */
  public Path host(String key) {
    return key.isEmpty() ? root : root.resolve(key);
  }

  /** Makes sure {@code path} exists inside the root, creating an empty file when missing. */
  public Path ensureFile(String path) throws IOException {
    Location location = locate(path, true);
    Path file = location.path();
    try {
      Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
    } catch (FileAlreadyExistsException e) {
      // exists (possibly as a symlink, which stays untouched): liblxc checks mount targets itself
    }
    return file;
  }

  /**
   * Resolves an existing path inside the root, following symlinks (the last one too) as the
   * container would.
   *
   * @return the host path, or null when it does not exist
   */
  public Path resolveExisting(String path) throws IOException {
    String current = path;
    for (int i = 0; i < MAX_SYMLINKS; i++) {
      Location loc = locate(current, false);
      if (loc == null) {
        return null;
      }
      BasicFileAttributes attrs;
      try {
        attrs =
            Files.readAttributes(loc.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return null;
      }
      if (!attrs.isSymbolicLink()) {
        return loc.path();
      }
      String target = Files.readSymbolicLink(loc.path()).toString();
      current = lexical(path, target.startsWith("/") ? target : loc.parentKey + "/" + target);
    }
    throw new UnsafePathException(path, "too many levels of symbolic links");
  }

  /** Resolves "." and ".." without the file system; climbing above the root is refused. */
  private static String lexical(String original, String path) throws UnsafePathException {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new UnsafePathException(original, "a symlink on the way climbs above the root");
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  /**
   * Forgets what is known at {@code key} (after deleting or replacing it), and below it when it was
   * a directory: the keys {@code key/...} sort between {@code key/} and {@code key0} ('0' follows
   * '/').
   */
  public void forget(String key, boolean directory) {
    for (NavigableSet<String> set : List.of(verifiedDirectories, created, freshDirectories)) {
      forgotten++;
      set.remove(key);
      if (directory) {
        Set<String> below = set.subSet(key + "/", true, key + "0", false);
        forgotten += below.size();
        below.clear();
      }
    }
  }

  /**
   * How many remembered keys {@link #forget} has looked at: grows with what was forgotten, not with
   * what is remembered (tests check that whiteouts stay linear).
   */
  public long forgetWork() {
    return forgotten;
  }

  /** Treats the (empty) root as created here, so its children are known absent. */
  public void startEmpty() {
    freshDirectories.add("");
  }

  /** Records an entry this code created; a created directory is empty at first. */
  public void created(String key, boolean directory) {
    created.add(key);
    if (directory) {
      freshDirectories.add(key);
    }
  }

  /**
   * Whether nothing can be at the location: its parent was created empty here and nothing was
   * created at the name since. Saves an lstat per entry when unpacking into a new tree.
   */
  public boolean knownAbsent(Location location) {
    return freshDirectories.contains(location.parentKey) && !created.contains(location.key());
  }

  /** Records that {@code key} is a real directory this code created. */
  public void remember(String key) {
    verifiedDirectories.add(key);
  }

  private List<String> resolveDirectory(String original, List<String> parts, boolean create)
      throws IOException {
    Deque<String> todo = new ArrayDeque<>(parts);
    List<String> current = new ArrayList<>();
    int symlinks = 0;
    while (!todo.isEmpty()) {
      String part = todo.pollFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (current.isEmpty()) {
          throw new UnsafePathException(original, "a symlink on the way climbs above the root");
        }
        current.remove(current.size() - 1);
        continue;
      }
      current.add(part);
      String key = String.join("/", current);
      if (verifiedDirectories.contains(key)) {
        continue;
      }
      Path host = root.resolve(key);
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        if (!create) {
          return null;
        }
        Files.createDirectory(host);
        verifiedDirectories.add(key);
        created.add(key);
        freshDirectories.add(key);
        continue;
      }
      if (attrs.isSymbolicLink()) {
        if (++symlinks > MAX_SYMLINKS) {
          throw new UnsafePathException(original, "too many levels of symbolic links");
        }
        String target = Files.readSymbolicLink(host).toString();
        current.remove(current.size() - 1);
        if (target.startsWith("/")) {
          current.clear();
        }
        String[] targetParts = target.split("/");
        for (int i = targetParts.length - 1; i >= 0; i--) {
          todo.addFirst(targetParts[i]);
        }
        continue;
      }
      if (!attrs.isDirectory()) {
        throw new UnsafePathException(original, "\"" + key + "\" is not a directory");
      }
      verifiedDirectories.add(key);
    }
    return current;
  }
}
