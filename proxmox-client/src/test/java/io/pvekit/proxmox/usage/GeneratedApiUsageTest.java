package io.pvekit.proxmox.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.proxmox.PveNodesNodeQemuVmidConfig;
import io.pvekit.proxmox.PveNodesNodeQemuVmidSnapshot;
import io.pvekit.proxmox.QemuNet;
import org.junit.jupiter.api.Test;

/** Compiles only if the generated requests, enums and records are usable from another package. */
class GeneratedApiUsageTest {
  @Test
  void generatedRequestsAndEnums_workFromAnotherPackage() {
    PveNodesNodeQemuVmidConfig.CreateRequest config =
        PveNodesNodeQemuVmidConfig.CreateRequest.builder()
            .cores(4)
            .ostype(PveNodesNodeQemuVmidConfig.CreateRequest.Ostype.L26)
            .net(1, QemuNet.parse("virtio,bridge=vmbr1"))
            .agent(
                PveNodesNodeQemuVmidConfig.CreateRequest.Agent.builder()
                    .enabled(true)
                    .fstrimClonedDisks(true)
                    .build())
            .build();
    assertThat(config.parameters())
        .containsEntry("cores", 4L)
        .containsEntry("ostype", "l26")
        .containsEntry("agent", "enabled=1,fstrim_cloned_disks=1")
        .containsKey("net1");
    assertThat(PveNodesNodeQemuVmidConfig.CreateRequest.Ostype.WIN11.wire()).isEqualTo("win11");

    PveNodesNodeQemuVmidSnapshot.GetEntry entry =
        new PveNodesNodeQemuVmidSnapshot.GetEntry("d", "s1", null, 1L, true, null);
    assertThat(entry.name()).isEqualTo("s1");
  }
}
