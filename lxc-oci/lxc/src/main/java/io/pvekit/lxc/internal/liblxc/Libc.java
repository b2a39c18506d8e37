package io.pvekit.lxc.internal.liblxc;

import com.kenai.jffi.CallContext;
import io.pvekit.lxc.internal.liblxc.Native.Arena;
import io.pvekit.lxc.internal.liblxc.Native.C;

/** The few libc calls the JDK does not offer: any signal to any PID, and waiting for a child. */
public final class Libc {
  private static final CallContext KILL = Native.signature(C.INT, C.INT, C.INT);
  private static final CallContext WAITPID = Native.signature(C.INT, C.INT, C.POINTER, C.INT);
  private static final CallContext OPEN = Native.signature(C.INT, C.POINTER, C.INT);
  private static final CallContext IOCTL = Native.signature(C.INT, C.INT, C.LONG);
  private static final CallContext CLOSE = Native.signature(C.INT, C.INT);
  private static final int EINTR = 4;
  private static final int O_RDONLY_CLOEXEC = 02000000;
  private static final long NS_GET_NSTYPE = 0xb703L;

  private final long kill;
  private final long waitpid;
  private final long open;
  private final long ioctl;
  private final long close;

  private Libc() {
    var library = Native.open("libc.so.6");
    kill = Native.symbol(library, "kill");
    waitpid = Native.symbol(library, "waitpid");
    open = Native.symbol(library, "open");
    ioctl = Native.symbol(library, "ioctl");
    close = Native.symbol(library, "close");
  }

  private static final class Holder {
    static final Libc INSTANCE = new Libc();
  }

  public static Libc get() {
    return Holder.INSTANCE;
  }

  /**
   * {@code kill(pid, signal)}.
   *
   * @return 0, or the errno (ESRCH = 3 when the process is gone)
   */
  public int kill(long pid, int signal) {
    long rc = Native.call(KILL, kill, pid, signal);
    return rc == 0 ? 0 : Native.lastErrno();
  }

  /**
   * Waits for a child of this process and returns its exit code the way a shell reports it: the
   * exit status, or 128 + the signal that killed it.
   */
  public int waitForExit(int pid) {
    try (Arena arena = new Arena()) {
      long status = arena.allocate(4);
      while (true) {
        long rc = Native.call(WAITPID, waitpid, pid, status, 0);
        if (rc == pid) {
          return decodeWaitStatus(Native.MEMORY.getInt(status));
        }
        int errno = Native.lastErrno();
        if (errno != EINTR) {
          throw new IllegalStateException("waitpid(" + pid + ") failed, errno " + errno);
        }
      }
    }
  }

  /**
   * The kind of namespace a file refers to ({@code ioctl(NS_GET_NSTYPE)}, Linux 4.11): one of the
   * {@code CLONE_NEW*} flags, or -1 when the file cannot be opened or is not a namespace file.
   */
  public long namespaceType(String path) {
    try (Arena arena = new Arena()) {
      long fd = Native.call(OPEN, open, arena.string(path), O_RDONLY_CLOEXEC);
      if (fd < 0) {
        return -1;
      }
      long type = Native.call(IOCTL, ioctl, fd, NS_GET_NSTYPE);
      Native.call(CLOSE, close, fd);
      return type;
    }
  }

  /** Decodes a wait(2) status into a shell-style exit code. */
  public static int decodeWaitStatus(int status) {
    int signal = status & 0x7f;
    if (signal == 0) {
      return (status >> 8) & 0xff;
    }
    return 128 + signal;
  }
}
