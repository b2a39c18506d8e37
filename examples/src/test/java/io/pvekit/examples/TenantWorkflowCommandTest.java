package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pvekit tenant apply|status|scale|upgrade|delete} through {@link PvekitCli} against an
 * in-memory API server without controllers: the commands' wiring, output and exit codes.
 */
class TenantWorkflowCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;
  private TenantFakeApiServer api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return PvekitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private String[] withKube(String... args) throws Exception {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--kubeconfig", api.kubeconfig(dir).toString(), "--poll", "PT0.05S"));
    return all.toArray(String[]::new);
  }

  private String[] apply(String name, String range, String endpoint) throws Exception {
    return withKube(
        "tenant",
        "apply",
        "--name",
        name,
        "--k8s-version",
        "v1.34.2",
        "--endpoint",
        endpoint,
        "--ip-range",
        range,
        "--gateway",
        "10.10.0.1",
        "--dns",
        "10.10.0.1",
        "--node",
        "pve1",
        "--template-id",
        "9000",
        "--workers",
        "2");
  }

  @Test
  void apply_status_scale_upgradeTimeout_delete() throws Exception {
    api = new TenantFakeApiServer();
    assertThat(run(apply("team-a", "10.10.0.100-10.10.0.149", "10.10.0.50")))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains("applied Namespace/team-a")
        .contains("applied Cluster/team-a")
        .contains("applied MachineDeployment/team-a-md-0");
    assertThat(run(apply("team-a", "10.10.0.100-10.10.0.149", "10.10.0.50")))
        .as(err.toString())
        .isZero();

    assertThat(run(withKube("tenant", "status", "--name", "team-a"))).isEqualTo(2);
    assertThat(out.toString())
        .contains("tenant team-a/team-a: NOT READY")
        .contains("control plane not ready")
        .contains("pool team-a-md-0: 0/2 ready");

    assertThat(run(withKube("tenant", "scale", "--name", "team-a", "--replicas", "4")))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("scaled team-a/team-a pool md-0 to 4");
    assertThat(api.objects.values())
        .filteredOn(o -> o.path("kind").asText().equals("MachineDeployment"))
        .singleElement()
        .satisfies(md -> assertThat(md.path("spec").path("replicas").asInt()).isEqualTo(4));

    assertThat(
            run(
                withKube(
                    "tenant",
                    "upgrade",
                    "--name",
                    "team-a",
                    "--k8s-version",
                    "v1.35.0",
                    "--timeout",
                    "PT0.3S")))
        .isEqualTo(1);
    assertThat(err.toString()).contains("not control plane at v1.35.0 after PT0.3S");

    assertThat(run(withKube("tenant", "delete", "--name", "team-a", "--timeout", "PT1S")))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("left things behind")
        .contains("Proxmox VMs not checked: pass --proxmox-url");
    assertThat(api.objects.values())
        .noneMatch(
            o -> o.path("kind").asText().matches("Cluster|MachineDeployment|ProxmoxCluster"));
  }

  @Test
  void apply_overlappingAnExistingTenant_isRefusedWithTheField() throws Exception {
    api = new TenantFakeApiServer();
    assertThat(run(apply("team-a", "10.10.0.100-10.10.0.149", "10.10.0.50"))).isZero();
    assertThat(run(apply("team-b", "10.10.0.140-10.10.0.160", "10.10.0.51"))).isEqualTo(1);
    assertThat(err.toString())
        .contains("ipv4Pool.ranges '10.10.0.140-10.10.0.160'")
        .contains("overlaps 10.10.0.100-10.10.0.149 of tenant team-a/team-a");
  }

  @Test
  void status_ofAMissingTenant_exits1() throws Exception {
    api = new TenantFakeApiServer();
    assertThat(run(withKube("tenant", "status", "--name", "nobody"))).isEqualTo(1);
    assertThat(out.toString()).contains("tenant nobody/nobody: MISSING");
  }
}
