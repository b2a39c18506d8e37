package io.pvekit.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.proxmox.VmId;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloneVmsTest {
  static final String TOKEN = "root@pam!apps";
  static final String SECRET = "apps-secret-1";

  private ProxmoxSimulator pve;
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);

  @BeforeEach
  void start() {
    pve = ProxmoxSimulator.builder().token(TOKEN, SECRET, false).start();
  }

  @AfterEach
  void stop() {
    pve.close();
  }

  @Test
  void clonesTheTemplateIntoNewVms() {
    int before = pve.vmIds().size();

    int code = CloneVms.run(url(), TOKEN, SECRET, "9000", "3", pve.fingerprint(), out);

    assertThat(code).as(text.toString()).isZero();
    assertThat(pve.vmIds()).hasSize(before + 3).contains(VmId.of(9000));
    assertThat(text.toString()).contains("cloned 3 VMs from template 9000").contains("done UPID:");
    assertThat(text.toString().lines().filter(l -> l.startsWith("cloning 9000 -> "))).hasSize(3);
  }

  @Test
  void rejectsACountOutOfRangeWithoutTouchingTheCluster() {
    int before = pve.vmIds().size();

    int code = CloneVms.run(url(), TOKEN, SECRET, "9000", "0", pve.fingerprint(), out);

    assertThat(code).isEqualTo(2);
    assertThat(text.toString()).contains("count must be 1 to 100, got 0");
    assertThat(pve.vmIds()).hasSize(before);
  }

  @Test
  void namesAnUnknownTemplate() {
    int code = CloneVms.run(url(), TOKEN, SECRET, "4242", "1", pve.fingerprint(), out);

    assertThat(code).isEqualTo(2);
    assertThat(text.toString()).contains("template 4242 is not in /cluster/resources");
  }

  @Test
  void reportsAWrongSecretAsAProxmoxError() {
    int code = CloneVms.run(url(), TOKEN, "wrong", "9000", "1", pve.fingerprint(), out);

    assertThat(code).isEqualTo(1);
    assertThat(text.toString()).startsWith("error: ").doesNotContain("wrong");
  }

  private String url() {
    return pve.httpsUrl().toString();
  }
}
