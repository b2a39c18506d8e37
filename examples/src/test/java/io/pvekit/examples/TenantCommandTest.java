package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pvekit.capi.Manifests;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private int run(String... args) {
    return PvekitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static String[] render(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "tenant",
                "render",
                "--name",
                "team-a",
                "--namespace",
                "tenant-team-a",
                "--k8s-version",
                "v1.34.2",
                "--cp-replicas",
                "2",
                "--endpoint",
                "10.10.0.50",
                "--ip-range",
                "10.10.0.100-10.10.0.149",
                "--prefix",
                "24",
                "--gateway",
                "10.10.0.1",
                "--dns",
                "10.10.0.1",
                "--node",
                "pve1",
                "--template-id",
                "9000",
                "--workers",
                "3",
                "--cores",
                "4",
                "--memory-mib",
                "8192",
                "--disk-gb",
                "40",
                "--bridge",
                "vmbr0"));
    args.addAll(Arrays.asList(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void render_printsTheManifestsInApplyOrder() {
    assertThat(run(render())).as(err.toString()).isZero();
    List<HasMetadata> objects = Manifests.parse(out.toString());
    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .containsExactly(
            "Namespace",
            "ResourceQuota",
            "Cluster",
            "KamajiControlPlane",
            "ProxmoxCluster",
            "KubeadmConfigTemplate",
            "ProxmoxMachineTemplate",
            "MachineDeployment",
            "MachineHealthCheck");
    assertThat(out.toString())
        .contains("apiVersion: cluster.x-k8s.io/v1beta2")
        .contains("apiGroup: controlplane.cluster.x-k8s.io")
        .contains("sourceNode: pve1")
        .contains("templateID: 9000")
        .contains("replicas: 3");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void render_v1beta1_writesApiVersionReferences() {
    assertThat(run(render("--capi-version", "v1beta1"))).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("apiVersion: cluster.x-k8s.io/v1beta1")
        .contains("apiVersion: controlplane.cluster.x-k8s.io/v1alpha2")
        .doesNotContain("apiGroup:");
  }

  @Test
  void render_kamajiOnly_writesATenantControlPlane() {
    assertThat(
            run(
                "tenant",
                "render",
                "--mode",
                "kamaji-only",
                "--name",
                "team-b",
                "--k8s-version",
                "v1.35.0",
                "--endpoint",
                "10.10.1.50"))
        .as(err.toString())
        .isZero();
    assertThat(Manifests.parse(out.toString()))
        .extracting(HasMetadata::getKind)
        .containsExactly("Namespace", "ResourceQuota", "TenantControlPlane");
  }

  @Test
  void render_json_isAListThatParsesBack() {
    assertThat(run(render("--output", "json"))).isZero();
    assertThat(out.toString()).startsWith("{").contains("\"kind\" : \"List\"");
    assertThat(Manifests.parse(out.toString())).hasSize(9);
  }

  @Test
  void render_invalidInput_exits1WithEveryProblemOnStderr() {
    String[] args = render();
    for (int i = 0; i < args.length - 1; i++) {
      switch (args[i]) {
        case "--memory-mib" -> args[i + 1] = "512";
        case "--k8s-version" -> args[i + 1] = "v1.20.0";
        case "--ip-range" -> args[i + 1] = "10.10.0.1-10.10.0.9";
        default -> {}
      }
    }
    int status = run(args);
    assertThat(status).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains("pvekit tenant render: 3 problem(s) with the input:")
        .contains("kubernetesVersion 'v1.20.0'")
        .contains("workers[md-0].memoryMiB '512'")
        .contains("ipv4Pool.ranges '10.10.0.1-10.10.0.9': contains the gateway 10.10.0.1");
  }

  @Test
  void render_unknownCapiVersion_isRefused() {
    assertThat(run(render("--capi-version", "v1alpha4"))).isEqualTo(1);
    assertThat(err.toString()).contains("'v1alpha4' is not supported; use v1beta1 or v1beta2");
  }

  @Test
  void render_missingRequiredOption_isAUsageError() {
    assertThat(run("tenant", "render", "--name", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required options");
  }

  @Test
  void status_withAnUnreachableManagementCluster_exits1SayingWhere() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:"
            + port
            + "\n    insecure-skip-tls-verify: true\ncontexts:\n- name: c\n  context:\n    cluster: c\n"
            + "    user: u\ncurrent-context: c\nusers:\n- name: u\n  user:\n    token: t\n");
    int status =
        run(
            "tenant",
            "status",
            "--name",
            "team-a",
            "--kubeconfig",
            kubeconfig.toString(),
            "--kube-retries",
            "0",
            "--poll",
            "PT0.1S");
    assertThat(status).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("pvekit tenant status: management cluster:")
        .contains("check --kubeconfig");
  }

  @Test
  void scale_withoutReplicas_isAUsageError() {
    assertThat(run("tenant", "scale", "--name", "team-a")).isEqualTo(2);
    assertThat(err.toString()).contains("--replicas");
  }

  @Test
  void tenant_listsItsSubcommands() {
    assertThat(run("tenant")).isZero();
    assertThat(out.toString())
        .contains("render")
        .contains("apply")
        .contains("status")
        .contains("scale")
        .contains("upgrade")
        .contains("delete");
  }
}
