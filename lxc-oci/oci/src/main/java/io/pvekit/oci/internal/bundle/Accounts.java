package io.pvekit.oci.internal.bundle;

import io.pvekit.oci.OciImageException;
import io.pvekit.oci.internal.fs.RootedFs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The image's own /etc/passwd and /etc/group, read inside its rootfs, to resolve the image user.
 */
final class Accounts {
  static final class User {
    final String name;
    final long uid;
    final long gid;
    final String home;

    User(String name, long uid, long gid, String home) {
      this.name = name;
      this.uid = uid;
      this.gid = gid;
      this.home = home;
    }
  }

  static final class Group {
    final String name;
    final long gid;
    final List<String> members;

    Group(String name, long gid, List<String> members) {
      this.name = name;
      this.gid = gid;
      this.members = members;
    }
  }

  /** The resolved process user. */
  static final class Resolved {
    final long uid;
    final long gid;
    final List<Long> additionalGids;
    final Optional<String> home;

    Resolved(long uid, long gid, List<Long> additionalGids, Optional<String> home) {
      this.uid = uid;
      this.gid = gid;
      this.additionalGids = additionalGids;
      this.home = home;
    }
  }

  /** The largest passwd or group file read (real ones are kilobytes). */
  static final int MAX_FILE = 16 << 20;

  private final List<User> users = new ArrayList<>();
  private final List<Group> groups = new ArrayList<>();

  Accounts(Path rootfs) throws IOException {
    RootedFs fs = new RootedFs(rootfs);
    for (String[] f : fields(fs, "etc/passwd")) {
      if (f.length >= 7 && isNumber(f[2]) && isNumber(f[3])) {
        users.add(new User(f[0], Long.parseLong(f[2]), Long.parseLong(f[3]), f[5]));
      }
    }
    for (String[] f : fields(fs, "etc/group")) {
      if (f.length >= 3 && isNumber(f[2])) {
        List<String> members = new ArrayList<>();
        if (f.length > 3) {
          for (String m : f[3].split(",")) {
            if (!m.isEmpty()) {
              members.add(m);
            }
          }
        }
        groups.add(new Group(f[0], Long.parseLong(f[2]), members));
      }
    }
  }

  /**
   * Resolves {@code user[:group]} as runc's and umoci's user lookup does: names through the files,
   * numbers as they are, supplementary groups from the group file's member lists.
   */
  Resolved resolve(String spec) throws OciImageException {
    String userPart = spec.isEmpty() ? "0" : spec;
    String groupPart = null;
    int colon = userPart.indexOf(':');
    if (colon >= 0) {
      groupPart = userPart.substring(colon + 1);
      userPart = userPart.substring(0, colon);
    }
    Optional<User> user;
    long uid;
    if (isNumber(userPart)) {
      uid = Long.parseLong(userPart);
      long wanted = uid;
      user = users.stream().filter(u -> u.uid == wanted).findFirst();
    } else {
      String wanted = userPart;
      user = users.stream().filter(u -> u.name.equals(wanted)).findFirst();
      if (user.isEmpty()) {
        throw new OciImageException(
            "image user \"" + spec + "\": no such user in the image's /etc/passwd");
      }
      uid = user.get().uid;
    }
    long gid = user.map(u -> u.gid).orElse(0L);
    List<Long> additional = new ArrayList<>();
    if (groupPart != null) {
      if (isNumber(groupPart)) {
        gid = Long.parseLong(groupPart);
      } else {
        String wanted = groupPart;
        gid =
            groups.stream()
                .filter(g -> g.name.equals(wanted))
                .findFirst()
                .orElseThrow(
                    () ->
                        new OciImageException(
                            "image user \"" + spec + "\": no such group in the image's /etc/group"))
                .gid;
      }
    } else if (user.isPresent()) {
      for (Group g : groups) {
        if (g.members.contains(user.get().name)) {
          additional.add(g.gid);
        }
      }
    }
    return new Resolved(uid, gid, additional, user.map(u -> u.home));
  }

  private static List<String[]> fields(RootedFs fs, String file) throws IOException {
    Path path = fs.resolveExisting(file);
    List<String[]> lines = new ArrayList<>();
    if (path == null || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return lines;
    }
    byte[] content;
    try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
      // the file comes from the image: a huge one must not exhaust the heap
      content = in.readNBytes(MAX_FILE + 1);
    }
    if (content.length > MAX_FILE) {
      throw new OciImageException(
          "the image's /"
              + file
              + " is larger than "
              + MAX_FILE
              + " bytes, more than pvekit reads to resolve the image user");
    }
    for (String line : new String(content, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        lines.add(line.split(":", -1));
      }
    }
    return lines;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.length() < 11 && s.chars().allMatch(Character::isDigit);
  }
}
