package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PvekitCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PvekitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void demo_clonesStartsAndCleansUpVmsThroughTheTypedClient() {
    assertThat(run("demo")).isZero();
    assertThat(out.toString())
        .contains("version 9.1.3, nodes [pve1]")
        .containsPattern("linked-cloned template 9000 into \\[\\d+, \\d+, \\d+\\]")
        .containsPattern("VM \\d+ web-3 +running")
        .contains("the client retried (1 retry) and got " + (ProxmoxDemo.CLONES + 1) + " guests")
        .contains("VMs left: [9000]")
        .containsPattern("rendered team-a: \\d+ objects")
        .contains("KamajiControlPlane/team-a")
        .contains("team-b with the same IP pool and VLAN is refused")
        .containsPattern("md-0 with 3 replicas: worker VMs \\[\\d+, \\d+, \\d+\\]")
        .contains("deleted team-a: VMs left [9000] (only the template)")
        .containsPattern("PostgreSQL +-> lxc +proxmox-lxc")
        .containsPattern("Kafka +-> vm ")
        .contains("Kafka as a VM in team-b (allowed: pod, lxc): refused")
        .contains("5. Integrity checks")
        .contains("PASS         proxmox.api-reachable")
        .containsPattern(
            "\\d+ checks: \\d+ pass, 0 warn, 0 fail, 0 skip, 0 not evaluated, 0 timeout, 0 error")
        .endsWith("demo finished" + System.lineSeparator());
  }

  @Test
  void demo_translatesTheBundleForThisHostsCgroupLayout() {
    assertThat(run("demo")).isZero();
    String prefix = io.pvekit.lxc.CgroupLayout.detect().keyPrefix();
    assertThat(out.toString())
        .contains("lxc.uts.name = demo-box")
        .contains("lxc.rootfs.options = ro")
        .contains("lxc.cap.keep = chown kill net_bind_service")
        .contains(prefix + "pids.max = 64");
  }

  @Test
  @Requires({Prerequisite.ROOT, Prerequisite.LIBLXC, Prerequisite.BUSYBOX_STATIC})
  void demo_runsTheBundleAsARealContainer() {
    assertThat(run("demo")).isZero();
    assertThat(out.toString())
        .contains("ran it as an LXC container through liblxc: hello from demo-box, pid 1");
  }

  @Test
  void unknownCommand_failsWithUsageOnStderr() {
    assertThat(run("xyzzy")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument").contains("Usage: pvekit");
  }

  @Test
  void help_listsTheDemo() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("demo").contains("Run the pvekit demo");
  }
}
