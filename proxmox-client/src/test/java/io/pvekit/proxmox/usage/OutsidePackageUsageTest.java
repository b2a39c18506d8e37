package io.pvekit.proxmox.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.VmId;
import org.junit.jupiter.api.Test;

/** Compiles only if the public builders are usable from another package, as users will. */
class OutsidePackageUsageTest {
  @Test
  void requestBuildersWorkFromAnotherPackage() {
    CloneRequest request =
        CloneRequest.builder().newId(VmId.of(201)).name("web-1").full(true).build();
    assertThat(request.newId()).isEqualTo(VmId.of(201));
    assertThat(request.toString()).contains("web-1");
  }
}
