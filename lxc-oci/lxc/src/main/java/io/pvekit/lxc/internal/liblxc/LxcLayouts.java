package io.pvekit.lxc.internal.liblxc;

/**
 * The liblxc 5.x structs pvekit touches, field for field as declared in {@code lxccontainer.h} and
 * {@code attach_options.h}. liblxc appends new members at the end of {@code struct lxc_container}
 * (the header says so), so a newer 5.x library keeps these offsets.
 */
public final class LxcLayouts {
  /** {@code struct lxc_container}. */
  public static final StructLayout CONTAINER =
      StructLayout.builder()
          .pointer("name", "configfile", "pidfile", "slock", "privlock")
          .integer("numthreads")
          .pointer("lxc_conf", "error_string")
          .integer("error_num")
          .bool("daemonize")
          .pointer("config_path")
          .pointer(
              "is_defined",
              "state",
              "is_running",
              "freeze",
              "unfreeze",
              "init_pid",
              "load_config",
              "start",
              "startl",
              "stop",
              "want_daemonize",
              "want_close_all_fds",
              "config_file_name",
              "wait",
              "set_config_item",
              "destroy",
              "save_config",
              "create",
              "createl",
              "rename",
              "reboot",
              "shutdown",
              "clear_config",
              "clear_config_item",
              "get_config_item",
              "get_running_config_item",
              "get_keys",
              "get_interfaces",
              "get_ips",
              "get_cgroup_item",
              "set_cgroup_item",
              "get_config_path",
              "set_config_path",
              "clone",
              "console_getfd",
              "console",
              "attach",
              "attach_run_wait",
              "attach_run_waitl",
              "snapshot",
              "snapshot_list",
              "snapshot_restore",
              "snapshot_destroy",
              "may_control",
              "add_device_node",
              "remove_device_node",
              "attach_interface",
              "detach_interface",
              "checkpoint",
              "restore",
              "destroy_with_snapshots",
              "snapshot_destroy_all",
              "migrate",
              "console_log",
              "reboot2",
              "mount",
              "umount",
              "seccomp_notify_fd",
              "seccomp_notify_fd_active",
              "init_pidfd",
              "devpts_fd")
          .build();

  /**
   * {@code lxc_attach_options_t}; {@code personality} is a {@code long} and the trailing {@code
   * lxc_groups_t} is flattened to its {@code size_t} and {@code gid_t *}.
   */
  public static final StructLayout ATTACH_OPTIONS =
      StructLayout.builder()
          .integer("attach_flags")
          .integer("namespaces")
          .pointer("personality", "initial_cwd")
          .integer("uid")
          .integer("gid")
          .integer("env_policy")
          .pointer("extra_env_vars", "extra_keep_env")
          .integer("stdin_fd")
          .integer("stdout_fd")
          .integer("stderr_fd")
          .integer("log_fd")
          .pointer("lsm_label", "groups.size", "groups.list")
          .build();

  /** {@code lxc_attach_command_t}. */
  public static final StructLayout ATTACH_COMMAND =
      StructLayout.builder().pointer("program", "argv").build();

  /** {@code struct lxc_log}, the argument of {@code lxc_log_init}. */
  public static final StructLayout LOG =
      StructLayout.builder()
          .pointer("name", "lxcpath", "file", "level", "prefix")
          .bool("quiet")
          .build();

  private LxcLayouts() {}
}
