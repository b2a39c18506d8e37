package io.pvekit.lxc.internal.runtime;

import java.util.List;

/**
 * One OCI lifecycle hook as config.json declares it.
 *
 * @param path the executable (absolute, on the host)
 * @param args argv; OCI lets args[0] differ from path, which pvekit cannot express through
 *     ProcessBuilder, so args[0] is ignored and path is argv[0]
 * @param env the hook's entire environment
 * @param timeoutSeconds kill the hook after this many seconds; 0 for no limit
 */
public record HookCommand(String path, List<String> args, List<String> env, int timeoutSeconds) {
  public HookCommand {
    args = List.copyOf(args);
    env = List.copyOf(env);
  }
}
