package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.lxc.Explanation.Outcome;
import io.pvekit.oci.OciSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fields the OCI conformance suite found LXC to differ from runc on, and what the translator
 * emits for each: device nodes, the /dev layout, root propagation and the mount namespace. {@code
 * RunWhatRuncRunsIT} runs the same configs in real containers.
 */
class ConformanceGapsTest {
  private static final String DEV_TMPFS =
      "{\"destination\":\"/dev\",\"type\":\"tmpfs\",\"source\":\"tmpfs\",\"options\":[\"mode=755\"]}";
  private static final String DEVPTS =
      "{\"destination\":\"/dev/pts\",\"type\":\"devpts\",\"source\":\"devpts\","
          + "\"options\":[\"nosuid\",\"noexec\",\"newinstance\",\"ptmxmode=0666\",\"mode=0620\"]}";

  @TempDir Path bundle;
  @TempDir Path hostRoot;

  @BeforeEach
  void rootfs() throws Exception {
    Files.createDirectories(bundle.resolve("rootfs"));
  }

  private Explanation explain(String mounts, String namespaces, String linux) {
    OciSpec spec =
        OciSpec.parse(
            "{\"ociVersion\":\"1.2.0\",\"root\":{\"path\":\"rootfs\"},"
                + "\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/\",\"args\":[\"/bin/sh\"]},"
                + "\"mounts\":["
                + mounts
                + "],\"linux\":{\"namespaces\":["
                + namespaces
                + "]"
                + linux
                + "}}");
    return LxcTranslator.explain(
        spec,
        TranslationOptions.builder()
            .bundle(bundle)
            .containerName("c1")
            .cgroupLayout(CgroupLayout.UNIFIED)
            .stateDirectory(bundle.resolve("state"))
            .hostRoot(hostRoot)
            .build());
  }

  private static final String OWN = "{\"type\":\"mount\"},{\"type\":\"pid\"}";

  private static Explanation.FieldMapping field(Explanation e, String path) {
    return e.mappingOf(path).orElseThrow(() -> new AssertionError("no mapping of " + path));
  }

  @Test
  void aDeviceTheHostLacks_isCreatedWithMknod_withModeAndOwner() {
    Explanation e =
        explain(
            DEV_TMPFS,
            OWN,
            ",\"devices\":[{\"type\":\"c\",\"path\":\"/dev/fuse9\",\"major\":10,\"minor\":229,"
                + "\"fileMode\":416,\"uid\":1,\"gid\":2}]");
    Explanation.FieldMapping device = field(e, "$.linux.devices[0]");
    assertThat(device.outcome()).isEqualTo(Outcome.MAPPED);
    assertThat(device.lxcLines())
        .containsExactly(
            "lxc.hook.autodev = /bin/sh -c 'PATH=/usr/sbin:/usr/bin:/sbin:/bin;"
                + " d=\"$LXC_ROOTFS_MOUNT/dev/fuse9\"; mkdir -p \"${d%/*}\" && rm -f \"$d\""
                + " && mknod -m 0640 \"$d\" c 10 229 && chown 1:2 \"$d\"' proxmox-lxcri-mknod");
  }

  @Test
  void aFifo_isCreatedWithMknod_withTheDefaultMode() {
    Explanation e =
        explain(DEV_TMPFS, OWN, ",\"devices\":[{\"type\":\"p\",\"path\":\"/dev/a/fifo\"}]");
    assertThat(field(e, "$.linux.devices[0]").lxcLines())
        .singleElement()
        .asString()
        .contains("mknod -m 0666 \"$d\" p && chown 0:0");
  }

  @Test
  void withoutATmpfsOnDev_aMissingNodeIsRefused_withAdvice() {
    Explanation e =
        explain(
            "",
            OWN,
            ",\"devices\":[{\"type\":\"c\",\"path\":\"/dev/fuse9\",\"major\":10,\"minor\":229}]");
    Explanation.FieldMapping device = field(e, "$.linux.devices[0]");
    assertThat(device.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(device.note()).contains("mount a tmpfs at /dev").contains("the host has no");
  }

  @Test
  void inAUserNamespace_theHostNodeIsBound_asRuncDoes() throws Exception {
    Explanation e =
        explain(
            DEV_TMPFS,
            OWN + ",{\"type\":\"user\"}",
            ",\"uidMappings\":[{\"containerID\":0,\"hostID\":100000,\"size\":65536}],"
                + "\"gidMappings\":[{\"containerID\":0,\"hostID\":100000,\"size\":65536}],"
                + "\"devices\":[{\"type\":\"c\",\"path\":\"/dev/fuse9\",\"major\":10,\"minor\":229}]");
    Explanation.FieldMapping device = field(e, "$.linux.devices[0]");
    assertThat(device.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(device.note()).contains("user namespace the kernel forbids mknod");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dev/a b", "/dev/x'y", "/dev/$(id)", "/etc/passwd", "/dev/../etc/x"})
  void devicePathsOutsideDevOrNeedingQuotes_areRefused(String path) {
    Explanation e =
        explain(
            DEV_TMPFS, OWN, ",\"devices\":[{\"type\":\"p\",\"path\":" + TestBundles.q(path) + "}]");
    assertThat(field(e, "$.linux.devices[0]").outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(e.config()).isEmpty();
  }

  @Test
  void aBlockDeviceWithoutNumbers_isRefused() {
    Explanation e =
        explain(DEV_TMPFS, OWN, ",\"devices\":[{\"type\":\"b\",\"path\":\"/dev/sdz\"}]");
    assertThat(field(e, "$.linux.devices[0]").note()).contains("needs major and minor");
  }

  @Test
  void devptsInLxcsDevTmpfs_makesPtmxTheSymlink() {
    Explanation e = explain(DEV_TMPFS + "," + DEVPTS, OWN, "");
    Explanation.FieldMapping devpts = field(e, "$.mounts[1]");
    assertThat(devpts.outcome()).isEqualTo(Outcome.MAPPED);
    assertThat(devpts.lxcLines())
        .containsExactly(
            "lxc.pty.max = 1024",
            "lxc.hook.start-host = /bin/sh -c 'PATH=/usr/sbin:/usr/bin:/sbin:/bin; nsenter"
                + " --mount=/proc/$LXC_PID/ns/mnt --root=/ --wd=/ umount --no-canonicalize -l"
                + " \"/proc/$LXC_PID/root/dev/ptmx\" && rm -f \"/proc/$LXC_PID/root/dev/ptmx\""
                + " && ln -s pts/ptmx \"/proc/$LXC_PID/root/dev/ptmx\"' proxmox-lxcri-ptmx");
  }

  @Test
  void devptsWithoutADevTmpfs_isApproximated_withTheReason() {
    Explanation e = explain(DEVPTS, OWN, "");
    assertThat(field(e, "$.mounts[0]").outcome()).isEqualTo(Outcome.APPROXIMATED);
    assertThat(field(e, "$.mounts[0]").note()).contains("mount a tmpfs at /dev");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "private",
        "rprivate",
        "slave",
        "rslave",
        "shared",
        "rshared",
        "unbindable",
        "runbindable"
      })
  void rootfsPropagation_isSetByAStartHostHook(String propagation) {
    Explanation e = explain("", OWN, ",\"rootfsPropagation\":" + TestBundles.q(propagation));
    Explanation.FieldMapping field = field(e, "$.linux.rootfsPropagation");
    assertThat(field.outcome()).isEqualTo(Outcome.MAPPED);
    assertThat(field.lxcLines())
        .containsExactly(
            "lxc.hook.start-host = /bin/sh -c 'PATH=/usr/sbin:/usr/bin:/sbin:/bin; nsenter"
                + " --mount=/proc/$LXC_PID/ns/mnt --root=/ --wd=/ mount --no-canonicalize --make-"
                + propagation
                + " \"/proc/$LXC_PID/root\"' proxmox-lxcri-propagation");
  }

  @Test
  void anUnknownPropagation_isRefused() {
    Explanation e = explain("", OWN, ",\"rootfsPropagation\":\"rshared; reboot\"");
    assertThat(field(e, "$.linux.rootfsPropagation").outcome()).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void noMountNamespace_isRefused_forTheHostsSake() {
    Explanation e = explain("", "{\"type\":\"pid\"}", "");
    Explanation.FieldMapping namespaces = field(e, "$.linux.namespaces");
    assertThat(namespaces.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(namespaces.note()).contains("host's mounts").contains("{\"type\": \"mount\"}");
  }

  @Test
  void joiningAMountNamespace_isRefused_forTheOtherUsersSake() {
    Explanation e =
        explain("", "{\"type\":\"mount\",\"path\":\"/proc/1/ns/mnt\"},{\"type\":\"pid\"}", "");
    Explanation.FieldMapping mount = field(e, "$.linux.namespaces[0]");
    assertThat(mount.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(mount.note()).contains("whoever else uses it");
  }

  private Explanation explainProcess(String user, String capabilities, boolean helper) {
    OciSpec spec =
        OciSpec.parse(
            "{\"ociVersion\":\"1.2.0\",\"root\":{\"path\":\"rootfs\"},"
                + "\"process\":{\"user\":"
                + user
                + ",\"cwd\":\"/\",\"args\":[\"/bin/sh\"],\"capabilities\":"
                + capabilities
                + "},\"linux\":{\"namespaces\":["
                + OWN
                + "]}}");
    return LxcTranslator.explain(
        spec,
        TranslationOptions.builder()
            .bundle(bundle)
            .containerName("c1")
            .cgroupLayout(CgroupLayout.UNIFIED)
            .stateDirectory(bundle.resolve("state"))
            .hostRoot(hostRoot)
            .initHelper(helper)
            .build());
  }

  private static final String KILL_AMBIENT =
      "{\"bounding\":[\"CAP_KILL\"],\"effective\":[\"CAP_KILL\"],\"permitted\":[\"CAP_KILL\"],"
          + "\"ambient\":[\"CAP_KILL\"]}";

  @Test
  void ambientOfANonRootUser_isRaisedByTheHelper_whichSwitchesTheUser() {
    Explanation e =
        explainProcess("{\"uid\":1000,\"gid\":100,\"additionalGids\":[5]}", KILL_AMBIENT, true);
    assertThat(field(e, "$.process.capabilities.ambient").outcome()).isEqualTo(Outcome.RUNTIME);
    assertThat(field(e, "$.process.capabilities.effective").outcome()).isEqualTo(Outcome.MAPPED);
    assertThat(field(e, "$.process.user.uid").outcome()).isEqualTo(Outcome.RUNTIME);
    assertThat(field(e, "$.process.user.additionalGids").outcome()).isEqualTo(Outcome.RUNTIME);
    LxcConfig config = e.config().orElseThrow();
    assertThat(config.values("lxc.init.uid")).as("LXC's switch would drop them").isEmpty();
    assertThat(config.values("lxc.init.gid")).isEmpty();
    assertThat(config.values("lxc.init.groups")).isEmpty();
    assertThat(config.values("lxc.cap.keep"))
        .as("the helper needs these to switch, and drops them from the bounding set after")
        .containsExactly("kill setuid setgid setpcap");
  }

  @Test
  void ambientOfANonRootUser_withoutTheHelper_isRefused_withAdvice() {
    Explanation e = explainProcess("{\"uid\":1000,\"gid\":100}", KILL_AMBIENT, false);
    Explanation.FieldMapping ambient = field(e, "$.process.capabilities.ambient");
    assertThat(ambient.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(ambient.note()).contains("proxmox-lxcri-init raises them");
  }

  @Test
  void ambientBeyondTheBoundingSet_isRefused() {
    Explanation e =
        explainProcess(
            "{\"uid\":1000,\"gid\":100}",
            "{\"bounding\":[\"CAP_KILL\"],\"ambient\":[\"CAP_SYS_ADMIN\"]}",
            true);
    assertThat(field(e, "$.process.capabilities.ambient").note())
        .contains("the bounding set does not");
  }

  @Test
  void capabilityMask_numbersAsTheKernelDoes() {
    assertThat(
            io.pvekit.lxc.internal.translate.CapabilityMapper.mask(
                java.util.List.of(
                    "CAP_CHOWN", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_CHECKPOINT_RESTORE")))
        .isEqualTo(0x1L | 0x20L | 0x400L | (1L << 40));
  }
}
