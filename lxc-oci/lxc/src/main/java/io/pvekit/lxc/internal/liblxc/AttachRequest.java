package io.pvekit.lxc.internal.liblxc;

import java.util.List;

/**
 * What to run inside a running container and as whom ({@code lxc_attach_options_t} plus the
 * command). The process joins all of the container's namespaces and its cgroup, drops the
 * capabilities the container's config drops, and gets exactly {@code env} as its environment.
 *
 * @param program the executable, resolved with the container's PATH by execvp
 * @param argv the full argv including argv[0]
 * @param env KEY=VALUE entries
 * @param cwd the working directory inside the container, or null for /
 * @param uid the user id, or -1 for the container's init user
 * @param gid the group id, or -1
 * @param additionalGids supplementary groups (empty keeps none)
 * @param noNewPrivileges set PR_SET_NO_NEW_PRIVS before exec
 * @param lsmLabel an AppArmor/SELinux label to exec with, or null for the container's
 * @param stdinFd the file descriptor that becomes the process's stdin
 * @param stdoutFd its stdout
 * @param stderrFd its stderr
 */
public record AttachRequest(
    String program,
    List<String> argv,
    List<String> env,
    String cwd,
    int uid,
    int gid,
    List<Integer> additionalGids,
    boolean noNewPrivileges,
    String lsmLabel,
    int stdinFd,
    int stdoutFd,
    int stderrFd) {
  public AttachRequest {
    argv = List.copyOf(argv);
    env = List.copyOf(env);
    additionalGids = List.copyOf(additionalGids);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("attach: argv must not be empty");
    }
  }
}
