package io.pvekit.lxcri.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * --version, help and features: kept apart from the commands that read config.json so that printing
 * them loads no more than a hot command does.
 */
final class About {
  static final String USAGE =
      String.join(
          "\n",
          "proxmox-lxcri - run OCI containers as LXC containers (runc-compatible command line)",
          "",
          "usage: proxmox-lxcri [--root DIR] [--log FILE] [--log-format text|json] [--debug]"
              + " COMMAND [OPTIONS] [ID]",
          "",
          "commands:",
          "  create [--bundle DIR] [--pid-file FILE] ID   set up a container, hold its process",
          "  start ID                                      run the created container's process",
          "  state ID                                      print the OCI state JSON",
          "  kill [--all] ID [SIGNAL]                      signal the container (default TERM)",
          "  delete [--force] ID                           remove the container",
          "  run [--bundle DIR] [--detach] ID              create, start and wait",
          "  exec [--process FILE] [--detach] ID [ARGS]    run a process in a running container",
          "  ps [--format table|json] ID                   list the container's processes",
          "  pause ID | resume ID                          freeze / thaw the container",
          "  update [--resources FILE] ID                  change cgroup limits",
          "  list [--format table|json] [-q]               list containers",
          "  spec [--bundle DIR]                           write a config.json template",
          "  features                                      print what this runtime supports",
          "  explain BUNDLE                                show how config.json maps to LXC",
          "  hook PHASE BUNDLE                             run a bundle's OCI hooks (for LXC)");

  private About() {}

  static void version(PrintStream out) {
    out.println("proxmox-lxcri version " + Main.VERSION);
    out.println("spec: " + Main.SPEC_VERSION);
    out.println("java: " + System.getProperty("java.version"));
  }

  static int features(Context ctx) {
    String namespaces =
        "[\"cgroup\",\"ipc\",\"mount\",\"network\",\"pid\",\"time\",\"user\",\"uts\"]";
    ctx.out.println(
        "{\"ociVersionMin\":\"1.0.0\",\"ociVersionMax\":\"1.2.0\","
            + "\"hooks\":[\"prestart\",\"createRuntime\",\"createContainer\","
            + "\"startContainer\",\"poststart\",\"poststop\"],"
            + "\"mountOptions\":[\"async\",\"atime\",\"bind\",\"defaults\",\"dev\",\"diratime\","
            + "\"exec\",\"noatime\",\"nodev\",\"nodiratime\",\"noexec\",\"nosuid\",\"private\","
            + "\"rbind\",\"relatime\",\"ro\",\"rprivate\",\"rshared\",\"rslave\",\"rw\",\"shared\","
            + "\"slave\",\"strictatime\",\"suid\",\"sync\"],"
            + "\"linux\":{\"namespaces\":"
            + namespaces
            + ",\"cgroup\":{\"v1\":true,\"v2\":true,\"systemd\":false,\"systemdUser\":false},"
            + "\"seccomp\":{\"enabled\":true},\"apparmor\":{\"enabled\":"
            + appArmorEnabled()
            + "},"
            + "\"selinux\":{\"enabled\":true}},"
            + "\"annotations\":{\"io.pvekit.lxc.runtime\":\"proxmox-lxcri "
            + Main.VERSION
            + "\",\"io.pvekit.lxc.terminal\":\""
            + (helperPresent(ctx) ? "console-socket" : "needs proxmox-lxcri-init")
            + "\"}}");
    return 0;
  }

  /** Terminals and umasks need the init helper the launcher names (PROXMOX_LXCRI_INIT). */
  private static boolean helperPresent(Context ctx) {
    String helper = ctx.env.get("PROXMOX_LXCRI_INIT");
    return helper != null && !helper.isEmpty() && Files.isExecutable(Path.of(helper));
  }

  /** What runc reads, and what the translator checks before it applies a profile. */
  private static boolean appArmorEnabled() {
    try {
      return Files.readString(Path.of("/sys/module/apparmor/parameters/enabled"))
          .trim()
          .startsWith("Y");
    } catch (IOException e) {
      return false;
    }
  }
}
