package io.pvekit.oci.internal.unpack;

import java.io.IOException;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;

/**
 * The few libc calls Java's NIO lacks for unpacking: lchown/chmod/utimensat in one call each,
 * xattrs of any namespace, device nodes. Loaded on first use.
 */
final class Native {
  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;

  /** The libc functions, as jnr-ffi binds them. */
  public interface LibC {
    @SaveError
    int lchown(String path, int uid, int gid);

    @SaveError
    int chmod(String path, int mode);

    @SaveError
    int utimensat(int dirfd, String path, @In long[] times, int flags);

    @SaveError
    int lsetxattr(String path, String name, @In byte[] value, long size, int flags);

    @SaveError
    int mknod(String path, int mode, long dev);

    @SaveError
    int truncate(String path, long length);

    String strerror(int errnum);
  }

  private static final class Holder {
    static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
  }

  private Native() {}

  /**
   * The binding, or an error that says what to add: pvekit-oci declares jnr-ffi optional (only
   * unpacking needs it), so a user without it learns here, not from a NoClassDefFoundError.
   */
  private static LibC libc() throws IOException {
    try {
      return Holder.LIBC;
    } catch (NoClassDefFoundError e) {
      throw new IOException(
          "unpacking an image needs jnr-ffi on the class path (libc's lchown, mknod, xattrs and"
              + " times): add the dependency com.github.jnr:jnr-ffi (pvekit-oci declares it"
              + " optional)",
          e);
    }
  }

  static void lchown(String path, long uid, long gid) throws IOException {
    check(libc().lchown(path, (int) uid, (int) gid), "lchown", path);
  }

  static void chmod(String path, int mode) throws IOException {
    check(libc().chmod(path, mode), "chmod", path);
  }

  static void lutimes(String path, long seconds, long nanos) throws IOException {
    long[] times = {seconds, nanos, seconds, nanos};
    check(libc().utimensat(AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW), "utimensat", path);
  }

  static void lsetxattr(String path, String name, byte[] value) throws IOException {
    check(libc().lsetxattr(path, name, value, value.length, 0), "lsetxattr " + name, path);
  }

  static void mknod(String path, int mode, long major, long minor) throws IOException {
    long dev =
        ((major & 0xfffL) << 8)
            | ((major & ~0xfffL) << 32)
            | (minor & 0xffL)
            | ((minor & ~0xffL) << 12);
    check(libc().mknod(path, mode, dev), "mknod", path);
  }

  /** Sets a file's length; growing it leaves a hole, which is what sparse entries need. */
  static void truncate(String path, long length) throws IOException {
    check(libc().truncate(path, length), "truncate", path);
  }

  private static void check(int result, String call, String path) throws IOException {
    if (result != 0) {
      int errno = LastError.getLastError(Holder.RUNTIME);
      throw new IOException(call + " " + path + ": " + libc().strerror(errno));
    }
  }
}
