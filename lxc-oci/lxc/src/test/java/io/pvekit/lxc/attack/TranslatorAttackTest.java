package io.pvekit.lxc.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.lxc.CgroupLayout;
import io.pvekit.lxc.LxcConfig;
import io.pvekit.lxc.LxcTranslator;
import io.pvekit.lxc.TranslationOptions;
import io.pvekit.lxc.UnsupportedOciFeatureException;
import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecException;
import io.pvekit.oci.OciUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile config.json files and root file systems against the translator: what reaches LXC never
 * leads outside the container. Holes 1, 2, 4, 5 and 6 of the security review, and their variants.
 */
class TranslatorAttackTest {
  @TempDir Path bundle;
  @TempDir Path host;
  Path rootfs;

  @BeforeEach
  void rootfs() throws Exception {
    rootfs = Files.createDirectories(bundle.resolve("rootfs"));
    for (String dir : List.of("proc", "dev", "sys", "tmp", "srv")) {
      Files.createDirectories(rootfs.resolve(dir));
    }
  }

  private TranslationOptions options() {
    return TranslationOptions.builder()
        .bundle(bundle)
        .containerName("c1")
        .cgroupLayout(CgroupLayout.UNIFIED)
        .stateDirectory(bundle.resolve("state"))
        .build();
  }

  /** A runc-spec-like config: proc, a /dev tmpfs, then the extra mounts; new namespaces. */
  private static OciSpec spec(String cwd, String mounts, String linux) {
    return OciSpec.parse(
        "{\"ociVersion\":\"1.2.0\",\"root\":{\"path\":\"rootfs\"},"
            + "\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":"
            + io.pvekit.lxc.TestBundles.q(cwd)
            + ",\"args\":[\"/bin/sh\"]},"
            + "\"mounts\":[{\"destination\":\"/proc\",\"type\":\"proc\",\"source\":\"proc\"},"
            + "{\"destination\":\"/dev\",\"type\":\"tmpfs\",\"source\":\"tmpfs\"}"
            + mounts
            + "],\"linux\":{\"namespaces\":[{\"type\":\"mount\"},{\"type\":\"pid\"},"
            + "{\"type\":\"uts\"},{\"type\":\"ipc\"},{\"type\":\"network\"}]"
            + linux
            + "}}");
  }

  private LxcConfig translate(OciSpec spec) {
    return LxcTranslator.translate(spec, options());
  }

  private void assertRefused(OciSpec spec, String field, String reason) {
    assertThatThrownBy(() -> translate(spec))
        .isInstanceOfSatisfying(
            UnsupportedOciFeatureException.class,
            e -> assertThat(e.getMessage()).contains(field + ": ").contains(reason));
  }

  // hole 1: the working directory

  @ParameterizedTest
  @ValueSource(strings = {"/proc/self/fd/7", "/proc/1/cwd", "/proc", "/dev/fd/7", "/dev/stdin/.."})
  void cwd_intoProc_isRefused(String cwd) {
    assertThatThrownBy(() -> translate(spec(cwd, "", "")))
        .isInstanceOf(UnsupportedOciFeatureException.class)
        .hasMessageContaining("$.process.cwd");
  }

  @Test
  void cwd_throughASymlinkOfTheImage_intoProc_isRefused() throws Exception {
    Files.createSymbolicLink(rootfs.resolve("work"), Path.of("/proc/self/fd/7"));
    assertRefused(spec("/work", "", ""), "$.process.cwd", "inside /proc");
    Files.createSymbolicLink(rootfs.resolve("hop"), Path.of("../../../proc/self"));
    assertRefused(spec("/hop/fd/3", "", ""), "$.process.cwd", "inside /proc");
  }

  @Test
  void cwd_onASecondProcMount_isRefused() {
    String procElsewhere = ",{\"destination\":\"/srv\",\"type\":\"proc\",\"source\":\"proc\"}";
    assertRefused(spec("/srv/self/fd/7", procElsewhere, ""), "$.process.cwd", "inside /proc");
  }

  @Test
  void cwd_onABindOfTheHostsProc_isRefused() {
    String hostProc =
        ",{\"destination\":\"/srv\",\"type\":\"bind\",\"source\":\"/proc\","
            + "\"options\":[\"rbind\"]}";
    assertRefused(spec("/srv/self/cwd", hostProc, ""), "$.process.cwd", "inside /proc");
  }

  @Test
  void cwd_relative_isRefused() {
    assertRefused(spec("tmp", "", ""), "$.process.cwd", "must be an absolute path");
  }

  @Test
  void cwd_throughAnAbsoluteSymlink_isResolvedInsideTheRootfs() throws Exception {
    Files.createDirectories(rootfs.resolve("srv/app"));
    Files.createSymbolicLink(rootfs.resolve("app"), host); // absolute: a host path
    Files.createSymbolicLink(rootfs.resolve("srv/link"), Path.of("/srv/app"));
    LxcConfig config = translate(spec("/srv/link", "", ""));
    assertThat(config.values("lxc.init.cwd")).containsExactly("/srv/app");
  }

  @Test
  void cwd_missing_isCreatedInsideTheRootfs_notOnTheHost() throws Exception {
    Path hostDir = Files.createDirectories(host.resolve("target"));
    Files.createSymbolicLink(rootfs.resolve("data"), hostDir); // absolute symlink to a host path
    LxcConfig config = translate(spec("/data/work", "", ""));
    String inRootfs = hostDir.toString().substring(1) + "/work";
    assertThat(config.values("lxc.init.cwd")).containsExactly("/" + inRootfs);
    config.createMountPoints();
    assertThat(rootfs.resolve(inRootfs)).isDirectory();
    assertThat(hostDir).isEmptyDirectory();
  }

  // hole 2: mount targets through symlinks of the rootfs

  @Test
  void mountTarget_throughAnAbsoluteSymlink_isResolvedAndNothingIsCreatedOnTheHost()
      throws Exception {
    Path hostEtc = Files.createDirectories(host.resolve("etc"));
    Files.createSymbolicLink(rootfs.resolve("etc"), hostEtc);
    Path hosts = Files.writeString(host.resolve("hosts"), "127.0.0.1 localhost\n");
    String bindHosts =
        ",{\"destination\":\"/etc/hosts\",\"type\":\"bind\",\"source\":"
            + io.pvekit.lxc.TestBundles.q(hosts.toString())
            + ",\"options\":[\"rbind\",\"ro\"]}";
    LxcConfig config = translate(spec("/", bindHosts, ""));
    String inRootfs = hostEtc.toString().substring(1) + "/hosts";
    assertThat(config.values("lxc.mount.entry"))
        .contains(hosts + " " + inRootfs + " none rbind,ro 0 0")
        .noneMatch(entry -> entry.contains(" etc/hosts "))
        .noneMatch(entry -> entry.contains(inRootfs) && entry.contains("create="));
    config.createMountPoints();
    assertThat(rootfs.resolve(inRootfs)).isRegularFile();
    assertThat(hostEtc).isEmptyDirectory();
  }

  @Test
  void mountTarget_underTheDevTmpfs_keepsCreate_andIgnoresTheImagesDev() throws Exception {
    Files.createSymbolicLink(rootfs.resolve("dev/shm"), Path.of("/proc/sys"));
    String shm = ",{\"destination\":\"/dev/shm\",\"type\":\"tmpfs\",\"source\":\"shm\"}";
    LxcConfig config = translate(spec("/", shm, ""));
    assertThat(config.values("lxc.mount.entry")).contains("shm dev/shm tmpfs create=dir 0 0");
  }

  @Test
  void mountTarget_throughLxcsDevFdSymlink_isRefused() {
    String viaFd = ",{\"destination\":\"/dev/fd/3\",\"type\":\"tmpfs\",\"source\":\"tmpfs\"}";
    assertRefused(spec("/", viaFd, ""), "$.mounts[2]", "inside /proc");
  }

  // hole 6: mounts onto /proc

  @Test
  void tmpfsOverProc_isRefused() {
    String tmpfs = ",{\"destination\":\"/proc\",\"type\":\"tmpfs\",\"source\":\"tmpfs\"}";
    assertRefused(spec("/", tmpfs, ""), "$.mounts[2]", "/proc can only be mounted as procfs");
  }

  @Test
  void hostDirectoryBoundOverProc_isRefused() {
    String bind =
        ",{\"destination\":\"/proc\",\"type\":\"bind\",\"source\":"
            + io.pvekit.lxc.TestBundles.q(host.toString())
            + ",\"options\":[\"rbind\"]}";
    assertRefused(spec("/", bind, ""), "$.mounts[2]", "/proc can only be mounted as procfs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/proc/sys/kernel/core_pattern", "/proc/sysrq-trigger", "/proc/1"})
  void bindBelowProc_outsideTheLxcfsList_isRefused(String destination) throws Exception {
    Path file = Files.writeString(host.resolve("file"), "x");
    String bind =
        ",{\"destination\":"
            + io.pvekit.lxc.TestBundles.q(destination)
            + ",\"type\":\"bind\",\"source\":"
            + io.pvekit.lxc.TestBundles.q(file.toString())
            + ",\"options\":[\"bind\"]}";
    assertRefused(spec("/", bind, ""), "$.mounts[2]", "inside /proc");
  }

  @Test
  void lxcfsFiles_mayStillBeBoundBelowProc() throws Exception {
    Path meminfo = Files.writeString(host.resolve("meminfo"), "MemTotal: 1 kB\n");
    String bind =
        ",{\"destination\":\"/proc/meminfo\",\"type\":\"bind\",\"source\":"
            + io.pvekit.lxc.TestBundles.q(meminfo.toString())
            + ",\"options\":[\"bind\"]}";
    assertThat(translate(spec("/", bind, "")).values("lxc.mount.entry"))
        .anyMatch(entry -> entry.startsWith(meminfo + " proc/meminfo none bind"));
  }

  @Test
  void mountThroughASymlinkIntoProc_isRefused() throws Exception {
    Files.createSymbolicLink(rootfs.resolve("srv/p"), Path.of("/proc"));
    String tmpfs = ",{\"destination\":\"/srv/p/sys\",\"type\":\"tmpfs\",\"source\":\"tmpfs\"}";
    assertRefused(spec("/", tmpfs, ""), "$.mounts[2]", "inside /proc");
  }

  // hole 5: sysctls

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kernel.core_pattern",
        "kernel.printk",
        "kernel/core_pattern",
        "vm.overcommit_memory",
        "kernel.hostname"
      })
  void hostSysctls_areRefused(String name) {
    OciSpec spec = spec("/", "", ",\"sysctl\":{" + io.pvekit.lxc.TestBundles.q(name) + ":\"1\"}");
    assertThatThrownBy(() -> translate(spec))
        .isInstanceOf(UnsupportedOciFeatureException.class)
        .hasMessageContaining("$.linux.sysctl['" + name + "']");
  }

  @Test
  void namespacedSysctls_areAllowed_andWrittenDotted() {
    OciSpec spec =
        spec(
            "/",
            "",
            ",\"sysctl\":{\"net/ipv4/ip_forward\":\"1\",\"kernel.shmmax\":\"65536\","
                + "\"fs.mqueue.msg_max\":\"20\",\"kernel.domainname\":\"example\"}");
    LxcConfig config = translate(spec);
    assertThat(config.values("lxc.sysctl.net.ipv4.ip_forward")).containsExactly("1");
    assertThat(config.values("lxc.sysctl.kernel.shmmax")).containsExactly("65536");
    assertThat(config.values("lxc.sysctl.fs.mqueue.msg_max")).containsExactly("20");
    assertThat(config.values("lxc.sysctl.kernel.domainname")).containsExactly("example");
  }

  @Test
  void networkSysctl_withoutANetworkNamespaceOfItsOwn_isRefused() {
    OciSpec spec =
        OciSpec.parse(
            "{\"ociVersion\":\"1.2.0\",\"root\":{\"path\":\"rootfs\"},"
                + "\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/\",\"args\":[\"sh\"]},"
                + "\"linux\":{\"namespaces\":[{\"type\":\"mount\"},{\"type\":\"pid\"},"
                + "{\"type\":\"network\",\"path\":\"/proc/self/ns/net\"}],"
                + "\"sysctl\":{\"net.ipv4.ip_forward\":\"1\"}}}");
    assertThatThrownBy(() -> translate(spec))
        .hasMessageContaining("$.linux.sysctl['net.ipv4.ip_forward']")
        .hasMessageContaining("network namespace of the container's own");
  }

  // hole 4: ids that liblxc would read as "not set"

  @ParameterizedTest
  @ValueSource(strings = {"4294967295", "-1", "1099511627776", "2147483648"})
  void outOfRangeUid_isRefusedWhenRead(String uid) {
    String json =
        "{\"ociVersion\":\"1.2.0\",\"root\":{\"path\":\"rootfs\"},"
            + "\"process\":{\"user\":{\"uid\":"
            + uid
            + ",\"gid\":0},\"cwd\":\"/\",\"args\":[\"sh\"]}}";
    assertThatThrownBy(() -> OciSpec.parse(json))
        .isInstanceOf(OciSpecException.class)
        .hasMessageContaining("$.process.user.uid")
        .hasMessageContaining("outside 0..2147483647");
  }

  @Test
  void outOfRangeGids_areRefusedWhenRead() {
    String json =
        "{\"ociVersion\":\"1.2.0\",\"process\":{\"user\":{\"uid\":0,\"gid\":0,"
            + "\"additionalGids\":[1,4294967295]},\"cwd\":\"/\",\"args\":[\"sh\"]}}";
    assertThatThrownBy(() -> OciSpec.parse(json))
        .hasMessageContaining("$.process.user.additionalGids[1]");
  }

  @Test
  void outOfRangeUid_cannotBeBuiltInCode() {
    assertThatThrownBy(() -> OciUser.builder().uid(4294967295L).gid(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4294967295");
  }

  // smaller holes

  @Test
  void hostRootAsRootfs_isRefused() {
    OciSpec spec =
        OciSpec.parse(
            "{\"ociVersion\":\"1.2.0\",\"root\":{\"path\":\"/\"},"
                + "\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/\",\"args\":[\"sh\"]}}");
    assertRefused(spec, "$.root.path", "the host's own root directory");
  }

  @ParameterizedTest
  @ValueSource(longs = {-2, -4096, Long.MIN_VALUE})
  void negativeMemoryLimitOtherThanMinusOne_isRefused(long limit) {
    OciSpec spec = spec("/", "", ",\"resources\":{\"memory\":{\"limit\":" + limit + "}}");
    assertRefused(spec, "$.linux.resources.memory.limit", "use -1 for unlimited");
  }

  @Test
  void memoryLimitMinusOne_isUnlimited() {
    OciSpec spec = spec("/", "", ",\"resources\":{\"memory\":{\"limit\":-1}}");
    assertThat(translate(spec).render()).contains("memory.max = max");
  }
}
