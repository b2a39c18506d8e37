package io.pvekit.lxc.internal.liblxc;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.Library;
import io.pvekit.lxc.internal.liblxc.Native.Arena;
import io.pvekit.lxc.internal.liblxc.Native.C;
import java.nio.file.Path;

/**
 * liblxc ({@code liblxc.so.1}, LXC 5.x), loaded on first use so that CLI verbs that never touch
 * liblxc ({@code state}, {@code start}, {@code kill}, {@code delete}) do not pay for loading it.
 */
public final class LibLxc {
  static final String SONAME = "liblxc.so.1";

  private static final CallContext NEW = Native.signature(C.POINTER, C.POINTER, C.POINTER);
  private static final CallContext PUT = Native.signature(C.INT, C.POINTER);
  private static final CallContext VERSION = Native.signature(C.POINTER);
  private static final CallContext LOG_INIT = Native.signature(C.INT, C.POINTER);

  private final long containerNew;
  private final long containerPut;
  private final long getVersion;
  private final long logInit;
  final long attachRunCommand;

  private LibLxc(Library library) {
    containerNew = Native.symbol(library, "lxc_container_new");
    containerPut = Native.symbol(library, "lxc_container_put");
    getVersion = Native.symbol(library, "lxc_get_version");
    logInit = Native.symbol(library, "lxc_log_init");
    attachRunCommand = Native.symbol(library, "lxc_attach_run_command");
  }

  private static final class Holder {
    static final LibLxc INSTANCE = new LibLxc(Native.open(SONAME));
  }

  /**
   * The loaded library.
   *
   * @throws UnsatisfiedLinkError when liblxc.so.1 is not installed ({@code apt-get install lxc})
   */
  public static LibLxc get() {
    return Holder.INSTANCE;
  }

  /** The library's version string, e.g. {@code 5.0.2}. */
  public String version() {
    return Native.string(Native.call(VERSION, getVersion));
  }

  /**
   * Sends this process's liblxc log to a file instead of stderr (which, for {@code exec}, is the
   * container's stderr stream and must carry only the process's own output).
   *
   * @param name the container name liblxc prefixes lines with
   * @param lxcPath the container's lxcpath
   * @param file the log file
   * @param level a liblxc level: TRACE, DEBUG, INFO, NOTICE, WARN, ERROR
   */
  public void logTo(String name, Path lxcPath, Path file, String level) {
    try (Arena arena = new Arena()) {
      long log = arena.allocate(LxcLayouts.LOG.size());
      put(log, LxcLayouts.LOG, "name", arena.string(name));
      put(log, LxcLayouts.LOG, "lxcpath", arena.string(lxcPath.toString()));
      put(log, LxcLayouts.LOG, "file", arena.string(file.toString()));
      put(log, LxcLayouts.LOG, "level", arena.string(level));
      put(log, LxcLayouts.LOG, "prefix", arena.string("proxmox-lxcri"));
      Native.MEMORY.putByte(log + LxcLayouts.LOG.offset("quiet"), (byte) 1);
      Native.call(LOG_INIT, logInit, log);
    }
  }

  /**
   * A container object for {@code name} under {@code lxcPath} ({@code lxc_container_new}). Nothing
   * is created on disk; close the handle to release it.
   *
   * @param name the container name
   * @param lxcPath the lxcpath (pvekit uses the runtime's state root)
   * @return the handle
   * @throws IllegalStateException when liblxc refuses (name too long, out of memory)
   */
  public LxcContainerHandle open(String name, Path lxcPath) {
    long container;
    try (Arena arena = new Arena()) {
      container =
          Native.call(NEW, containerNew, arena.string(name), arena.string(lxcPath.toString()));
    }
    if (container == 0) {
      throw new IllegalStateException(
          "lxc_container_new(" + name + ", " + lxcPath + ") failed, errno " + Native.lastErrno());
    }
    return new LxcContainerHandle(this, container, name);
  }

  void put(long container) {
    Native.call(PUT, containerPut, container);
  }

  private static void put(long struct, StructLayout layout, String field, long value) {
    Native.MEMORY.putAddress(struct + layout.offset(field), value);
  }
}
