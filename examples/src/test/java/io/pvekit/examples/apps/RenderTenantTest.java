package io.pvekit.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RenderTenantTest {
  private final StringWriter yaml = new StringWriter();
  private final StringWriter errors = new StringWriter();

  @Test
  void rendersEveryKindOfATenantAsYaml() {
    int code = run("team-a", "3", "120");

    assertThat(code).as(errors.toString()).isZero();
    for (String kind :
        new String[] {
          "Namespace",
          "Cluster",
          "KamajiControlPlane",
          "ProxmoxCluster",
          "MachineDeployment",
          "ProxmoxMachineTemplate",
          "KubeadmConfigTemplate"
        }) {
      assertThat(yaml.toString()).containsPattern("(?m)^kind: " + kind + "$");
    }
    assertThat(yaml.toString()).contains("namespace: tenant-team-a");
    assertThat(errors.toString()).isEmpty();
  }

  @Test
  void listsValidationErrorsAndPrintsNoYaml() {
    int code = run("Team_A", "3", "5000");

    assertThat(code).isEqualTo(1);
    assertThat(yaml.toString()).isEmpty();
    assertThat(errors.toString()).contains("invalid: ").contains("Team_A").contains("5000");
  }

  @Test
  void rejectsANonNumericWorkerCount() {
    assertThat(run("team-a", "three", "120")).isEqualTo(2);
    assertThat(errors.toString()).contains("three");
  }

  private int run(String name, String workers, String vlan) {
    return RenderTenant.run(
        name, workers, vlan, new PrintWriter(yaml, true), new PrintWriter(errors, true));
  }
}
