package io.pvekit.lxc.internal.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.lxc.ProxmoxLxcPlan;
import io.pvekit.lxc.internal.runtime.ContainerRecord;
import io.pvekit.proxmox.LxcCreateRequest;
import io.pvekit.proxmox.VmId;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DescriptionTest {
  private static ContainerRecord record() {
    ContainerRecord record = new ContainerRecord();
    record.id = "web-1";
    record.bundle = Path.of("/run/bundles/web-1");
    record.backend.put("vmid", "240");
    return record;
  }

  private static ProxmoxLxcPlan.Builder plan() {
    return ProxmoxLxcPlan.builder()
        .request(
            LxcCreateRequest.builder().vmid(VmId.of(240)).osTemplate("local:vztmpl/x").build());
  }

  @Test
  void withoutConfigFileLines_namesTheContainerOnly() {
    assertThat(ProxmoxEngine.description(record(), plan().build()))
        .isEqualTo("proxmox-lxcri container web-1 (bundle /run/bundles/web-1)");
  }

  @Test
  void configFileLines_areListedForRoot_withinProxmoxsLimit() {
    String text =
        ProxmoxEngine.description(
            record(),
            plan().addConfigFileLines("lxc.cap.keep = chown", "lxc.init.cwd = /srv").build());
    assertThat(text)
        .contains("/etc/pve/lxc/240.conf")
        .endsWith("\nlxc.cap.keep = chown\nlxc.init.cwd = /srv\n");

    ProxmoxLxcPlan many =
        plan()
            .addAllConfigFileLines(
                IntStream.range(0, 500)
                    .mapToObj(i -> "lxc.mount.entry = /dev/null proc/path-" + i + " none bind 0 0")
                    .toList())
            .build();
    String cut = ProxmoxEngine.description(record(), many);
    assertThat(cut.length()).isLessThanOrEqualTo(8191);
    assertThat(cut).containsPattern("\\.\\.\\. and \\d+ more$").contains("path-0 ");
  }
}
