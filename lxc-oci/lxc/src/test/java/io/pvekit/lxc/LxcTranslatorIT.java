package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.oci.BusyboxBundle;
import io.pvekit.oci.OciSpec;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders configs from busybox bundles and runs them with {@code lxc-execute -f}: what the process
 * sees inside proves the translation took effect (limits, identity, mounts, masks, capabilities).
 */
@Requires({Prerequisite.ROOT, Prerequisite.LXC_TOOLS, Prerequisite.BUSYBOX_STATIC})
class LxcTranslatorIT {
  private static final long MEMORY_LIMIT = 96L * 1024 * 1024;

  @TempDir Path dir;

  private static final String SCRIPT =
      String.join(
          "; ",
          "echo host=$(hostname)",
          "echo id=$(id)",
          "echo cwd=$(pwd)",
          "echo env=$(env | grep -E '^(GREETING|PATH)=' | tr '\\n' ' ')",
          "grep -E '^Cap(Eff|Prm|Bnd|Amb)|NoNewPrivs' /proc/self/status",
          "echo nofile=$(ulimit -n)",
          "echo memory=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)",
          "echo pids=$(cat /sys/fs/cgroup/pids/pids.max)",
          "touch /rootfile 2>/dev/null && echo root=rw || echo root=ro",
          "touch /tmp/x && echo tmp=rw",
          "echo data=$(cat /data/hello)",
          "touch /data/new 2>/dev/null && echo data=rw || echo data=ro",
          "echo acpi=$(ls /proc/acpi | wc -l)",
          "echo timer=$(cat /proc/timer_list | wc -c)",
          "echo x > /proc/sys/kernel/domainname 2>/dev/null && echo procsys=rw || echo procsys=ro",
          "echo devnull=$(echo ok > /dev/null && echo ok)");

  private String config(String user, String caps) {
    return "{\"ociVersion\":\"1.2.0\","
        + "\"root\":{\"path\":\"rootfs\",\"readonly\":true},"
        + "\"hostname\":\"boxy\","
        + "\"process\":{\"user\":"
        + user
        + ",\"cwd\":\"/work\","
        + "\"args\":[\"/bin/sh\",\"-c\",\""
        + SCRIPT.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"],"
        + "\"env\":[\"PATH=/bin\",\"GREETING=hello world\"],"
        + caps
        + "\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"soft\":321,\"hard\":654}],"
        + "\"noNewPrivileges\":true},"
        + "\"mounts\":["
        + "{\"destination\":\"/proc\",\"type\":\"proc\",\"source\":\"proc\"},"
        + "{\"destination\":\"/dev\",\"type\":\"tmpfs\",\"source\":\"tmpfs\","
        + "\"options\":[\"nosuid\",\"mode=755\",\"size=65536k\"]},"
        + "{\"destination\":\"/sys\",\"type\":\"sysfs\",\"source\":\"sysfs\","
        + "\"options\":[\"nosuid\",\"noexec\",\"nodev\",\"ro\"]},"
        + "{\"destination\":\"/sys/fs/cgroup\",\"type\":\"cgroup\",\"source\":\"cgroup\","
        + "\"options\":[\"ro\"]},"
        + "{\"destination\":\"/tmp\",\"type\":\"tmpfs\",\"source\":\"tmpfs\",\"options\":[\"size=1m\"]},"
        + "{\"destination\":\"/data\",\"type\":\"bind\",\"source\":\"data\","
        + "\"options\":[\"rbind\",\"ro\"]}],"
        + "\"linux\":{\"namespaces\":[{\"type\":\"mount\"},{\"type\":\"pid\"},{\"type\":\"uts\"},"
        + "{\"type\":\"ipc\"},{\"type\":\"network\"},{\"type\":\"cgroup\"}],"
        + "\"maskedPaths\":[\"/proc/acpi\",\"/proc/timer_list\",\"/proc/kcore\"],"
        + "\"readonlyPaths\":[\"/proc/sys\"],"
        + "\"resources\":{\"memory\":{\"limit\":"
        + MEMORY_LIMIT
        + "},\"pids\":{\"limit\":42},"
        + "\"devices\":[{\"allow\":false,\"access\":\"rwm\"}]}}}";
  }

  private String run(String name, String configJson) throws Exception {
    Path bundle = dir.resolve(name);
    BusyboxBundle.create(bundle);
    Files.createDirectories(bundle.resolve("data"));
    Files.writeString(bundle.resolve("data/hello"), "from-host");
    Files.writeString(bundle.resolve("config.json"), configJson);
    OciSpec spec = OciSpec.read(bundle.resolve("config.json"));
    TranslationOptions options =
        TranslationOptions.builder()
            .bundle(bundle)
            .containerName(name)
            .stateDirectory(dir.resolve(name + "-state"))
            .build();
    LxcConfig config = LxcTranslator.translate(spec, options);
    Path configFile = dir.resolve(name + ".conf");
    config.write(configFile);
    config.createMountPoints();
    Process lxc =
        new ProcessBuilder(
                "lxc-execute", "-n", name, "-P", dir.toString(), "-f", configFile.toString())
            .redirectErrorStream(true)
            .start();
    String output;
    try {
      output = new String(lxc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(lxc.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      lxc.destroyForcibly();
    }
    assertThat(lxc.exitValue()).as(output + "\n--- config:\n" + config.render()).isZero();
    return output;
  }

  @Test
  void rootProcess_seesEverythingTheSpecAskedFor() throws Exception {
    String caps =
        "\"capabilities\":{\"bounding\":[\"CAP_CHOWN\",\"CAP_KILL\",\"CAP_NET_BIND_SERVICE\"],"
            + "\"effective\":[\"CAP_CHOWN\",\"CAP_KILL\",\"CAP_NET_BIND_SERVICE\"],"
            + "\"permitted\":[\"CAP_CHOWN\",\"CAP_KILL\",\"CAP_NET_BIND_SERVICE\"]},";
    String out = run("pvekit-tr-root", config("{\"uid\":0,\"gid\":0}", caps));
    // CAP_CHOWN=0, CAP_KILL=5, CAP_NET_BIND_SERVICE=10: 0x421
    assertThat(out)
        .contains("host=boxy")
        .contains("id=uid=0(root) gid=0")
        .contains("cwd=/work")
        .contains("PATH=/bin")
        .contains("GREETING=hello world")
        .containsPattern("CapEff:\\s+0000000000000421")
        .containsPattern("CapPrm:\\s+0000000000000421")
        .containsPattern("CapBnd:\\s+0000000000000421")
        .containsPattern("NoNewPrivs:\\s+1")
        .contains("nofile=321")
        .contains("memory=" + MEMORY_LIMIT)
        .contains("pids=42")
        .contains("root=ro")
        .contains("tmp=rw")
        .contains("data=from-host")
        .contains("data=ro")
        .contains("acpi=0")
        .contains("timer=0")
        .contains("procsys=ro")
        .contains("devnull=ok");
  }

  @Test
  void nonRootUser_withGroups_endsWithoutCapabilities() throws Exception {
    String caps =
        "\"capabilities\":{\"bounding\":[\"CAP_CHOWN\",\"CAP_KILL\"],"
            + "\"effective\":[\"CAP_CHOWN\"],\"permitted\":[\"CAP_CHOWN\"]},";
    String out =
        run("pvekit-tr-user", config("{\"uid\":1000,\"gid\":1000,\"additionalGids\":[5,6]}", caps));
    assertThat(out)
        .contains("id=uid=1000 gid=1000 groups=5,6")
        .containsPattern("CapEff:\\s+0000000000000000")
        .containsPattern("CapBnd:\\s+0000000000000021")
        .contains("root=ro");
  }

  private String simple(String script, String linuxExtra, String namespacesExtra) {
    return "{\"ociVersion\":\"1.2.0\",\"root\":{\"path\":\"rootfs\"},"
        + "\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/\","
        + "\"args\":[\"/bin/sh\",\"-c\",\""
        + script
        + "\"],\"env\":[\"PATH=/bin\"]},"
        + "\"mounts\":[{\"destination\":\"/proc\",\"type\":\"proc\",\"source\":\"proc\"},"
        + "{\"destination\":\"/tmp\",\"type\":\"tmpfs\",\"source\":\"tmpfs\"}],"
        + "\"linux\":{\"namespaces\":[{\"type\":\"mount\"},{\"type\":\"pid\"}"
        + namespacesExtra
        + "]"
        + linuxExtra
        + "}}";
  }

  @Test
  void seccompProfile_isLoadedByLiblxc() throws Exception {
    String seccomp =
        ",\"seccomp\":{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":["
            + "{\"names\":[\"mkdir\",\"mkdirat\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":1},"
            + "{\"names\":[\"setpriority\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":13,"
            + "\"args\":[{\"index\":2,\"value\":7,\"op\":\"SCMP_CMP_EQ\"}]}]}";
    String out =
        run(
            "pvekit-tr-seccomp",
            simple(
                "mkdir /tmp/d 2>&1 || echo mkdir=denied; touch /tmp/f && echo touch=ok;"
                    + " grep Seccomp: /proc/self/status",
                seccomp,
                ""));
    assertThat(out)
        .contains("mkdir=denied")
        .contains("Operation not permitted")
        .contains("touch=ok")
        .containsPattern("Seccomp:\\s+2");
  }

  @Test
  void networkNamespace_joinedByPath() throws Exception {
    String netns = "pvekit-it-" + ProcessHandle.current().pid();
    exec("ip", "netns", "add", netns);
    try {
      Object inode = Files.getAttribute(Path.of("/var/run/netns", netns), "unix:ino");
      String out =
          run(
              "pvekit-tr-netns",
              simple(
                  "echo ns=$(readlink /proc/self/ns/net)",
                  "",
                  ",{\"type\":\"network\",\"path\":\"/var/run/netns/" + netns + "\"}"));
      assertThat(out).contains("ns=net:[" + inode + "]");
    } finally {
      exec("ip", "netns", "delete", netns);
    }
  }

  private static void exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
  }
}
