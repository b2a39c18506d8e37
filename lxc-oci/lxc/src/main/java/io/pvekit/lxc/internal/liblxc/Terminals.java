package io.pvekit.lxc.internal.liblxc;

import com.kenai.jffi.CallContext;
import io.pvekit.lxc.internal.liblxc.Native.Arena;
import io.pvekit.lxc.internal.liblxc.Native.C;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Pseudo-terminals and the runc console-socket protocol, which the JDK cannot do: a new pty pair,
 * and its master handed to another process over a unix socket as SCM_RIGHTS ancillary data (what
 * containerd's shim waits for on {@code --console-socket}).
 */
public final class Terminals {
  private static final CallContext INT_OF_INT = Native.signature(C.INT, C.INT);
  private static final CallContext INT_OF_INT_PTR_LONG =
      Native.signature(C.INT, C.INT, C.POINTER, C.LONG);
  private static final CallContext INT_OF_3_INTS = Native.signature(C.INT, C.INT, C.INT, C.INT);
  private static final CallContext INT_OF_INT_PTR_INT =
      Native.signature(C.INT, C.INT, C.POINTER, C.INT);
  private static final CallContext LONG_OF_INT_PTR_INT =
      Native.signature(C.LONG, C.INT, C.POINTER, C.INT);

  private static final CallContext INT_OF_INT_PTR = Native.signature(C.INT, C.INT, C.POINTER);
  private static final CallContext INT_OF_INT_INT_PTR =
      Native.signature(C.INT, C.INT, C.INT, C.POINTER);

  private static final int ICANON = 2;
  private static final int OPOST = 1;
  private static final int O_RDWR = 2;
  private static final int O_NOCTTY = 0400;
  private static final int O_CLOEXEC = 02000000;
  private static final int AF_UNIX = 1;
  private static final int SOCK_STREAM = 1;
  private static final int SOL_SOCKET = 1;
  private static final int SCM_RIGHTS = 1;
  private static final int SUN_PATH_MAX = 108;
  private static final int EINTR = 4;

  private final long posixOpenpt;
  private final long grantpt;
  private final long unlockpt;
  private final long ptsnameR;
  private final long socket;
  private final long connect;
  private final long sendmsg;
  private final long close;
  private final long tcgetattr;
  private final long tcsetattr;

  private Terminals() {
    var libc = Native.open("libc.so.6");
    posixOpenpt = Native.symbol(libc, "posix_openpt");
    grantpt = Native.symbol(libc, "grantpt");
    unlockpt = Native.symbol(libc, "unlockpt");
    ptsnameR = Native.symbol(libc, "ptsname_r");
    socket = Native.symbol(libc, "socket");
    connect = Native.symbol(libc, "connect");
    sendmsg = Native.symbol(libc, "sendmsg");
    close = Native.symbol(libc, "close");
    tcgetattr = Native.symbol(libc, "tcgetattr");
    tcsetattr = Native.symbol(libc, "tcsetattr");
  }

  private static final class Holder {
    static final Terminals INSTANCE = new Terminals();
  }

  public static Terminals get() {
    return Holder.INSTANCE;
  }

  /** A pty pair: the master's file descriptor in this process and the slave's path. */
  public record Pty(int master, String slavePath) {}

  /**
   * Opens a new pty pair; the caller closes the master with {@link #close}.
   *
   * @throws IllegalStateException with the errno when the system has no pty left
   */
  public Pty openPty() {
    int master = (int) Native.call(INT_OF_INT, posixOpenpt, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) {
      throw new IllegalStateException("posix_openpt failed, errno " + Native.lastErrno());
    }
    try (Arena arena = new Arena()) {
      if (Native.call(INT_OF_INT, grantpt, master) != 0
          || Native.call(INT_OF_INT, unlockpt, master) != 0) {
        throw new IllegalStateException("cannot unlock the pty, errno " + Native.lastErrno());
      }
      long name = arena.allocate(128);
      int rc = (int) Native.call(INT_OF_INT_PTR_LONG, ptsnameR, master, name, 128);
      if (rc != 0) {
        throw new IllegalStateException("ptsname_r failed, errno " + rc);
      }
      return new Pty(master, Native.string(name));
    } catch (RuntimeException e) {
      close(master);
      throw e;
    }
  }

  /**
   * Sends {@code fd} to the process listening on the unix socket {@code socketPath}, with {@code
   * name} as the message (runc sends the pty's path). {@code fd} stays open here.
   *
   * @throws IllegalArgumentException when the path is too long for a unix socket
   * @throws IllegalStateException with the errno when connecting or sending fails
   */
  public void sendFd(Path socketPath, int fd, String name) {
    byte[] path = socketPath.toString().getBytes(StandardCharsets.UTF_8);
    if (path.length >= SUN_PATH_MAX) {
      throw new IllegalArgumentException(
          "console socket path is longer than "
              + (SUN_PATH_MAX - 1)
              + " bytes, the limit of a unix socket address: "
              + socketPath);
    }
    int sock = (int) Native.call(INT_OF_3_INTS, socket, AF_UNIX, SOCK_STREAM | O_CLOEXEC, 0);
    if (sock < 0) {
      throw new IllegalStateException("socket(AF_UNIX) failed, errno " + Native.lastErrno());
    }
    try (Arena arena = new Arena()) {
      long address = arena.allocate(2 + SUN_PATH_MAX);
      Native.MEMORY.putShort(address, (short) AF_UNIX);
      Native.MEMORY.putZeroTerminatedByteArray(address + 2, path, 0, path.length);
      if (Native.call(INT_OF_INT_PTR_INT, connect, sock, address, 2 + path.length + 1) != 0) {
        throw new IllegalStateException(
            "cannot connect to the console socket " + socketPath + ", errno " + Native.lastErrno());
      }
      byte[] payload = name.getBytes(StandardCharsets.UTF_8);
      long data = arena.allocate(Math.max(1, payload.length));
      Native.MEMORY.putByteArray(data, payload, 0, payload.length);
      // struct iovec { void *base; size_t len; }
      long iov = arena.allocate(16);
      Native.MEMORY.putAddress(iov, data);
      Native.MEMORY.putLong(iov + 8, payload.length);
      // struct cmsghdr { size_t len; int level; int type; int fd; } padded: CMSG_SPACE(4) = 24
      long control = arena.allocate(24);
      Native.MEMORY.putLong(control, 16 + 4);
      Native.MEMORY.putInt(control + 8, SOL_SOCKET);
      Native.MEMORY.putInt(control + 12, SCM_RIGHTS);
      Native.MEMORY.putInt(control + 16, fd);
      // struct msghdr: name, namelen, iov, iovlen, control, controllen, flags (56 bytes on LP64)
      long message = arena.allocate(56);
      Native.MEMORY.putAddress(message + 16, iov);
      Native.MEMORY.putLong(message + 24, 1);
      Native.MEMORY.putAddress(message + 32, control);
      Native.MEMORY.putLong(message + 40, 24);
      long sent;
      do {
        sent = Native.call(LONG_OF_INT_PTR_INT, sendmsg, sock, message, 0);
      } while (sent < 0 && Native.lastErrno() == EINTR);
      if (sent < 0) {
        throw new IllegalStateException(
            "cannot send the pty to " + socketPath + ", errno " + Native.lastErrno());
      }
    } finally {
      close(sock);
    }
  }

  /**
   * Waits until the terminal leaves canonical mode, which is how a relay such as lxc-attach says it
   * is ready: it sets raw mode with TCSAFLUSH, which discards what was typed before.
   *
   * @return false when it did not happen within {@code timeoutMillis}
   */
  public boolean awaitRawMode(int fd, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    try (Arena arena = new Arena()) {
      long termios = arena.allocate(64); // struct termios is 60 bytes on Linux
      while (System.nanoTime() < deadline) {
        if (Native.call(INT_OF_INT_PTR, tcgetattr, fd, termios) != 0) {
          return false;
        }
        if ((Native.MEMORY.getInt(termios + 12) & ICANON) == 0) { // c_lflag
          return true;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
    }
    return false;
  }

  /**
   * Turns output processing off: the relay copies what a pty of the container already turned from
   * \n into \r\n, and this pty would add a second \r.
   */
  public void passOutputThrough(int fd) {
    try (Arena arena = new Arena()) {
      long termios = arena.allocate(64);
      if (Native.call(INT_OF_INT_PTR, tcgetattr, fd, termios) == 0) {
        int oflag = Native.MEMORY.getInt(termios + 4); // c_oflag
        Native.MEMORY.putInt(termios + 4, oflag & ~OPOST);
        Native.call(INT_OF_INT_INT_PTR, tcsetattr, fd, 0 /* TCSANOW */, termios);
      }
    }
  }

  /** {@code close(fd)}. */
  public void close(int fd) {
    Native.call(INT_OF_INT, close, fd);
  }
}
