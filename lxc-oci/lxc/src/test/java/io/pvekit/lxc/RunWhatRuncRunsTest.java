package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.lxc.Explanation.Outcome;
import io.pvekit.oci.OciSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translator's rule: a config that runc runs is run here, and only what would be unsafe or
 * wrong to ignore is refused, with what to change. One test per field whose outcome the rule
 * decides.
 */
class RunWhatRuncRunsTest {
  @TempDir Path bundle;
  @TempDir Path hostRoot;

  @BeforeEach
  void rootfs() throws Exception {
    Files.createDirectories(bundle.resolve("rootfs"));
  }

  private TranslationOptions.Builder options() {
    return TranslationOptions.builder()
        .bundle(bundle)
        .containerName("c1")
        .cgroupLayout(CgroupLayout.UNIFIED)
        .stateDirectory(bundle.resolve("state"));
  }

  private static OciSpec spec(String user, String process, String linux) {
    return OciSpec.parse(
        "{\"ociVersion\":\"1.2.0\",\"root\":{\"path\":\"rootfs\"},"
            + "\"process\":{\"user\":"
            + user
            + ",\"cwd\":\"/\",\"args\":[\"/bin/sh\"]"
            + process
            + "},\"linux\":{\"namespaces\":[{\"type\":\"mount\"},{\"type\":\"pid\"}"
            + linux
            + "}}");
  }

  private Explanation.FieldMapping mapping(OciSpec spec, TranslationOptions options, String field) {
    return LxcTranslator.explain(spec, options).mappingOf(field).orElseThrow();
  }

  /** What umoci, Docker-era configs and the conformance suite's generator write. */
  private static final String UMOCI_CAPS =
      ",\"capabilities\":{"
          + "\"bounding\":[\"CAP_AUDIT_WRITE\",\"CAP_KILL\",\"CAP_NET_BIND_SERVICE\"],"
          + "\"effective\":[\"CAP_AUDIT_WRITE\",\"CAP_KILL\",\"CAP_NET_BIND_SERVICE\"],"
          + "\"inheritable\":[\"CAP_AUDIT_WRITE\",\"CAP_KILL\",\"CAP_NET_BIND_SERVICE\"],"
          + "\"permitted\":[\"CAP_AUDIT_WRITE\",\"CAP_KILL\",\"CAP_NET_BIND_SERVICE\"],"
          + "\"ambient\":[\"CAP_AUDIT_WRITE\",\"CAP_KILL\",\"CAP_NET_BIND_SERVICE\"]}";

  @Test
  void umociCapabilities_forRoot_translate() {
    OciSpec spec = spec("{\"uid\":0,\"gid\":0}", UMOCI_CAPS, "]");
    LxcConfig config = LxcTranslator.translate(spec, options().build());
    assertThat(config.values("lxc.cap.keep")).containsExactly("audit_write kill net_bind_service");
    Explanation.FieldMapping inheritable =
        mapping(spec, options().build(), "$.process.capabilities.inheritable");
    assertThat(inheritable.outcome()).isEqualTo(Outcome.APPROXIMATED);
    assertThat(inheritable.note()).contains("CVE-2022-24769");
  }

  @Test
  void inheritableForAnotherUid_isApproximated_notRefused() {
    OciSpec spec =
        spec(
            "{\"uid\":1000,\"gid\":1000}",
            ",\"capabilities\":{\"bounding\":[\"CAP_KILL\"],\"inheritable\":[\"CAP_KILL\"]}",
            "]");
    assertThat(mapping(spec, options().build(), "$.process.capabilities.inheritable").outcome())
        .isEqualTo(Outcome.APPROXIMATED);
  }

  @Test
  void inheritableOutsideTheBoundingSet_isRefused() {
    OciSpec spec =
        spec(
            "{\"uid\":0,\"gid\":0}",
            ",\"capabilities\":{\"bounding\":[\"CAP_KILL\"],\"inheritable\":[\"CAP_SYS_ADMIN\"]}",
            "]");
    Explanation.FieldMapping m =
        mapping(spec, options().build(), "$.process.capabilities.inheritable");
    assertThat(m.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(m.note()).contains("the bounding set does not");
  }

  @Test
  void kernelMemory_isIgnoredAsRuncIgnoresIt() {
    OciSpec spec =
        spec("{\"uid\":0,\"gid\":0}", "", "],\"resources\":{\"memory\":{\"kernel\":1048576}}");
    Explanation explanation = LxcTranslator.explain(spec, options().build());
    assertThat(explanation.refused()).isEmpty();
    Explanation.FieldMapping m =
        explanation.mappingOf("$.linux.resources.memory.kernel").orElseThrow();
    assertThat(m.outcome()).isEqualTo(Outcome.IGNORED);
    assertThat(m.lxcLines()).isEmpty();
    assertThat(explanation.config().orElseThrow().render()).doesNotContain("kmem");
  }

  @Test
  void umask_isSetByTheInitHelper() {
    OciSpec spec = spec("{\"uid\":0,\"gid\":0,\"umask\":63}", "", "]");
    Explanation.FieldMapping m =
        mapping(spec, options().initHelper(true).build(), "$.process.user.umask");
    assertThat(m.outcome()).isEqualTo(Outcome.RUNTIME);
    assertThat(m.note()).contains("proxmox-lxcri-init");
  }

  @Test
  void umask_withoutTheHelper_isRefusedWithWhatToDo() {
    OciSpec spec = spec("{\"uid\":0,\"gid\":0,\"umask\":63}", "", "]");
    Explanation.FieldMapping m = mapping(spec, options().build(), "$.process.user.umask");
    assertThat(m.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(m.note()).contains("not 077").contains("gcc");
  }

  @Test
  void umask0022_needsNoHelper() {
    OciSpec spec = spec("{\"uid\":0,\"gid\":0,\"umask\":18}", "", "]");
    assertThat(mapping(spec, options().build(), "$.process.user.umask").outcome())
        .isEqualTo(Outcome.MAPPED);
  }

  @Test
  void umaskOutOfRange_isRefused() {
    OciSpec spec = spec("{\"uid\":0,\"gid\":0,\"umask\":512}", "", "]");
    Explanation.FieldMapping m =
        mapping(spec, options().initHelper(true).build(), "$.process.user.umask");
    assertThat(m.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(m.note()).contains("0 to 0777");
  }

  @Test
  void appArmorProfile_onAHostWithoutAppArmor_isRefused() {
    OciSpec spec = spec("{\"uid\":0,\"gid\":0}", ",\"apparmorProfile\":\"cri-default\"", "]");
    Explanation.FieldMapping m =
        mapping(spec, options().hostRoot(hostRoot).build(), "$.process.apparmorProfile");
    assertThat(m.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(m.note()).contains("AppArmor off");
  }

  @Test
  void appArmorProfile_onAHostWithAppArmor_isApplied() throws Exception {
    Path enabled =
        Files.createDirectories(hostRoot.resolve("sys/module/apparmor/parameters"))
            .resolve("enabled");
    Files.writeString(enabled, "Y\n");
    OciSpec spec = spec("{\"uid\":0,\"gid\":0}", ",\"apparmorProfile\":\"cri-default\"", "]");
    LxcConfig config = LxcTranslator.translate(spec, options().hostRoot(hostRoot).build());
    assertThat(config.values("lxc.apparmor.profile")).containsExactly("cri-default");
  }

  @Test
  void unconfined_needsNoAppArmor() {
    OciSpec spec = spec("{\"uid\":0,\"gid\":0}", ",\"apparmorProfile\":\"unconfined\"", "]");
    LxcConfig config = LxcTranslator.translate(spec, options().hostRoot(hostRoot).build());
    assertThat(config.values("lxc.apparmor.profile")).containsExactly("unconfined");
  }

  @Test
  void namespaceFileOfTheRightKind_isJoined() {
    OciSpec spec =
        spec(
            "{\"uid\":0,\"gid\":0}", "", ",{\"type\":\"network\",\"path\":\"/proc/self/ns/net\"}]");
    LxcConfig config = LxcTranslator.translate(spec, options().build());
    assertThat(config.values("lxc.namespace.share.net")).containsExactly("/proc/self/ns/net");
  }

  @Test
  void namespaceFileOfAnotherKind_isAnError() {
    OciSpec spec =
        spec(
            "{\"uid\":0,\"gid\":0}", "", ",{\"type\":\"network\",\"path\":\"/proc/self/ns/uts\"}]");
    Explanation.FieldMapping m = mapping(spec, options().build(), "$.linux.namespaces[2]");
    assertThat(m.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(m.note()).contains("is a uts namespace, not the network namespace");
  }

  @Test
  void aFileThatIsNoNamespace_isAnError() throws Exception {
    Path file = Files.writeString(bundle.resolve("not-a-namespace"), "x");
    OciSpec spec =
        spec("{\"uid\":0,\"gid\":0}", "", ",{\"type\":\"ipc\",\"path\":\"" + file + "\"}]");
    Explanation.FieldMapping m = mapping(spec, options().build(), "$.linux.namespaces[2]");
    assertThat(m.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(m.note()).contains("is not a namespace file");
  }

  @Test
  void aMissingNamespaceFile_isAnError() {
    OciSpec spec =
        spec("{\"uid\":0,\"gid\":0}", "", ",{\"type\":\"ipc\",\"path\":\"/nonexistent/ns/ipc\"}]");
    Explanation.FieldMapping m = mapping(spec, options().build(), "$.linux.namespaces[2]");
    assertThat(m.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(m.note()).contains("does not exist");
  }

  @Test
  void aFifoAmongTheMaskedPaths_isRefusedAtOnce_notAHangInLiblxc() throws Exception {
    Path fifo = bundle.resolve("rootfs/run-fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Files.writeString(bundle.resolve("rootfs/plain"), "x");
    OciSpec spec =
        spec(
            "{\"uid\":0,\"gid\":0}",
            "",
            "],\"maskedPaths\":[\"/plain\",\"/run-fifo\"],\"readonlyPaths\":[\"/run-fifo\"]");
    Explanation explanation = LxcTranslator.explain(spec, options().build());
    assertThat(explanation.mappingOf("$.linux.maskedPaths[0]").orElseThrow().outcome())
        .isEqualTo(Outcome.MAPPED);
    for (String field : new String[] {"$.linux.maskedPaths[1]", "$.linux.readonlyPaths[0]"}) {
      Explanation.FieldMapping m = explanation.mappingOf(field).orElseThrow();
      assertThat(m.outcome()).as(field).isEqualTo(Outcome.REFUSED);
      assertThat(m.note()).contains("FIFO or socket");
    }
  }
}
