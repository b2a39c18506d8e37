package io.pvekit.lxc.internal.liblxc;

import com.kenai.jffi.CallContext;
import io.pvekit.lxc.internal.liblxc.Native.Arena;
import io.pvekit.lxc.internal.liblxc.Native.C;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One {@code struct lxc_container *}. Calls go through the struct's function pointers, read at the
 * offsets of {@link LxcLayouts#CONTAINER}. Not thread-safe, like the struct itself; close it to
 * drop the reference ({@code lxc_container_put}).
 */
public final class LxcContainerHandle implements AutoCloseable {
  private static final CallContext BOOL_OF_C = Native.signature(C.BOOL, C.POINTER);
  private static final CallContext PTR_OF_C = Native.signature(C.POINTER, C.POINTER);
  private static final CallContext INT_OF_C = Native.signature(C.INT, C.POINTER);
  private static final CallContext BOOL_OF_C_PTR = Native.signature(C.BOOL, C.POINTER, C.POINTER);
  private static final CallContext BOOL_OF_C_BOOL = Native.signature(C.BOOL, C.POINTER, C.BOOL);
  private static final CallContext BOOL_OF_C_INT = Native.signature(C.BOOL, C.POINTER, C.INT);
  private static final CallContext BOOL_OF_C_PTR_PTR =
      Native.signature(C.BOOL, C.POINTER, C.POINTER, C.POINTER);
  private static final CallContext BOOL_OF_C_INT_PTR =
      Native.signature(C.BOOL, C.POINTER, C.INT, C.POINTER);
  private static final CallContext INT_OF_C_PTR_PTR_INT =
      Native.signature(C.INT, C.POINTER, C.POINTER, C.POINTER, C.INT);
  private static final CallContext ATTACH =
      Native.signature(C.INT, C.POINTER, C.POINTER, C.POINTER, C.POINTER, C.POINTER);

  private static final int ATTACH_DEFAULT = 0x0000FFFF;
  private static final int ATTACH_NO_NEW_PRIVS = 0x00040000;
  private static final int ATTACH_LSM_LABEL = 0x00100000;
  private static final int ATTACH_SETGROUPS = 0x00200000;
  private static final int ATTACH_CLEAR_ENV = 1;
  private static final long DETECT_PERSONALITY = -1L;

  private final LibLxc lib;
  private final String name;
  private long container;

  LxcContainerHandle(LibLxc lib, long container, String name) {
    this.lib = lib;
    this.container = container;
    this.name = name;
  }

  /** The container name this handle was opened with. */
  public String name() {
    return name;
  }

  public boolean isDefined() {
    return Native.call(BOOL_OF_C, fn("is_defined"), container) != 0;
  }

  /** liblxc's state name: STOPPED, STARTING, RUNNING, STOPPING, ABORTING, FREEZING, FROZEN... */
  public String state() {
    return Native.string(Native.call(PTR_OF_C, fn("state"), container));
  }

  public boolean isRunning() {
    return Native.call(BOOL_OF_C, fn("is_running"), container) != 0;
  }

  public boolean freeze() {
    return Native.call(BOOL_OF_C, fn("freeze"), container) != 0;
  }

  public boolean unfreeze() {
    return Native.call(BOOL_OF_C, fn("unfreeze"), container) != 0;
  }

  /** The host PID of the container's init, or -1 when it does not run. */
  public int initPid() {
    return (int) Native.call(INT_OF_C, fn("init_pid"), container);
  }

  public boolean loadConfig(String file) {
    try (Arena arena = new Arena()) {
      return Native.call(BOOL_OF_C_PTR, fn("load_config"), container, arena.string(file)) != 0;
    }
  }

  public boolean setConfigItem(String key, String value) {
    try (Arena arena = new Arena()) {
      return Native.call(
              BOOL_OF_C_PTR_PTR,
              fn("set_config_item"),
              container,
              arena.string(key),
              arena.string(value))
          != 0;
    }
  }

  /** The value of a config key, or null when liblxc does not know the key. */
  public String getConfigItem(String key) {
    return sizedString(fn("get_config_item"), key);
  }

  /** Reads a cgroup file of the running container through its monitor, or null. */
  public String getCgroupItem(String file) {
    return sizedString(fn("get_cgroup_item"), file);
  }

  public boolean setCgroupItem(String file, String value) {
    try (Arena arena = new Arena()) {
      return Native.call(
              BOOL_OF_C_PTR_PTR,
              fn("set_cgroup_item"),
              container,
              arena.string(file),
              arena.string(value))
          != 0;
    }
  }

  public boolean wantDaemonize(boolean daemonize) {
    return Native.call(BOOL_OF_C_BOOL, fn("want_daemonize"), container, daemonize ? 1 : 0) != 0;
  }

  public boolean wantCloseAllFds(boolean close) {
    return Native.call(BOOL_OF_C_BOOL, fn("want_close_all_fds"), container, close ? 1 : 0) != 0;
  }

  /**
   * Starts the container ({@code start(c, useinit, argv)}). With daemonize on (liblxc's default)
   * liblxc forks the monitor and returns once the container runs.
   *
   * @param argv the init command, or an empty list for {@code lxc.init.cmd}
   */
  public boolean start(List<String> argv) {
    try (Arena arena = new Arena()) {
      long args = argv.isEmpty() ? 0 : arena.stringArray(argv);
      return Native.call(BOOL_OF_C_INT_PTR, fn("start"), container, 0, args) != 0;
    }
  }

  /** Kills the container's init with SIGKILL through its monitor. */
  public boolean stop() {
    return Native.call(BOOL_OF_C, fn("stop"), container) != 0;
  }

  /** Asks init to shut down (lxc.signal.halt) and waits up to {@code timeoutSeconds}. */
  public boolean shutdown(int timeoutSeconds) {
    return Native.call(BOOL_OF_C_INT, fn("shutdown"), container, timeoutSeconds) != 0;
  }

  public boolean destroy() {
    return Native.call(BOOL_OF_C, fn("destroy"), container) != 0;
  }

  /**
   * Runs a command inside the running container ({@code attach} with {@code
   * lxc_attach_run_command}). The new process is a child of this process: liblxc's intermediate
   * process forks it with {@code CLONE_PARENT}, so after this process exits it is re-parented to
   * the nearest subreaper (containerd's shim).
   *
   * @return the host PID of the started process
   * @throws IllegalStateException when liblxc cannot attach (container not running, no monitor)
   */
  public int attach(AttachRequest request) {
    AttachLayout a = new AttachLayout();
    try (Arena arena = new Arena()) {
      long options = arena.allocate(LxcLayouts.ATTACH_OPTIONS.size());
      int flags = ATTACH_DEFAULT;
      if (request.noNewPrivileges()) {
        flags |= ATTACH_NO_NEW_PRIVS;
      }
      if (request.lsmLabel() != null) {
        flags |= ATTACH_LSM_LABEL;
      }
      if (!request.additionalGids().isEmpty()) {
        flags |= ATTACH_SETGROUPS;
      }
      a.putInt(options, "attach_flags", flags);
      a.putInt(options, "namespaces", -1);
      a.putLong(options, "personality", DETECT_PERSONALITY);
      a.putLong(options, "initial_cwd", arena.string(request.cwd()));
      a.putInt(options, "uid", request.uid());
      a.putInt(options, "gid", request.gid());
      a.putInt(options, "env_policy", ATTACH_CLEAR_ENV);
      a.putLong(options, "extra_env_vars", arena.stringArray(request.env()));
      a.putLong(options, "extra_keep_env", 0);
      a.putInt(options, "stdin_fd", request.stdinFd());
      a.putInt(options, "stdout_fd", request.stdoutFd());
      a.putInt(options, "stderr_fd", request.stderrFd());
      a.putInt(options, "log_fd", -9); // -EBADF: liblxc's default, no separate log fd
      a.putLong(options, "lsm_label", arena.string(request.lsmLabel()));
      if (!request.additionalGids().isEmpty()) {
        List<Integer> gids = request.additionalGids();
        long list = arena.allocate(4L * gids.size());
        for (int i = 0; i < gids.size(); i++) {
          Native.MEMORY.putInt(list + 4L * i, gids.get(i));
        }
        a.putLong(options, "groups.size", gids.size());
        a.putLong(options, "groups.list", list);
      }
      long command = arena.allocate(LxcLayouts.ATTACH_COMMAND.size());
      Native.MEMORY.putAddress(
          command + LxcLayouts.ATTACH_COMMAND.offset("program"), arena.string(request.program()));
      Native.MEMORY.putAddress(
          command + LxcLayouts.ATTACH_COMMAND.offset("argv"), arena.stringArray(request.argv()));
      long pidOut = arena.allocate(8);
      Native.MEMORY.putInt(pidOut, -1);
      int rc =
          (int)
              Native.call(
                  ATTACH, fn("attach"), container, lib.attachRunCommand, command, options, pidOut);
      int pid = Native.MEMORY.getInt(pidOut);
      if (rc != 0 || pid <= 0) {
        throw new IllegalStateException(
            "liblxc attach to "
                + name
                + " failed (rc "
                + rc
                + ", errno "
                + Native.lastErrno()
                + ")");
      }
      return pid;
    }
  }

  /** {@code error_string} of the struct, set by some failing calls. */
  public String errorString() {
    return Native.string(
        Native.MEMORY.getAddress(container + LxcLayouts.CONTAINER.offset("error_string")));
  }

  /** {@code error_num}: after a non-daemonized start, the init's wait status. */
  public int errorNum() {
    return Native.MEMORY.getInt(container + LxcLayouts.CONTAINER.offset("error_num"));
  }

  /** The {@code daemonize} flag as liblxc holds it. */
  public boolean daemonize() {
    return Native.MEMORY.getByte(container + LxcLayouts.CONTAINER.offset("daemonize")) != 0;
  }

  @Override
  public void close() {
    if (container != 0) {
      lib.put(container);
      container = 0;
    }
  }

  private long fn(String field) {
    if (container == 0) {
      throw new IllegalStateException("container handle " + name + " is closed");
    }
    long address = Native.MEMORY.getAddress(container + LxcLayouts.CONTAINER.offset(field));
    if (address == 0) {
      throw new IllegalStateException("liblxc left lxc_container." + field + " unset");
    }
    return address;
  }

  /** The int (*)(c, key, char *retv, int inlen) convention: ask for the length, then fill. */
  private String sizedString(long function, String key) {
    try (Arena arena = new Arena()) {
      long k = arena.string(key);
      int length = (int) Native.call(INT_OF_C_PTR_PTR_INT, function, container, k, 0, 0);
      if (length < 0) {
        return null;
      }
      long buffer = arena.allocate(length + 1L);
      Native.call(INT_OF_C_PTR_PTR_INT, function, container, k, buffer, length + 1);
      byte[] bytes = new byte[length];
      Native.MEMORY.getByteArray(buffer, bytes, 0, length);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static final class AttachLayout {
    void putInt(long struct, String field, int value) {
      Native.MEMORY.putInt(struct + LxcLayouts.ATTACH_OPTIONS.offset(field), value);
    }

    void putLong(long struct, String field, long value) {
      Native.MEMORY.putLong(struct + LxcLayouts.ATTACH_OPTIONS.offset(field), value);
    }
  }
}
