package io.pvekit.examples.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.pvekit.runtime.PostgreSQL;
import io.pvekit.testing.CrdValidator;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample requests in {@code examples/deploy/samples/}, which its README quotes, work. */
@EnableKubernetesMockClient(crud = true)
class DeploySamplesTest {
  KubernetesMockServer server;
  KubernetesClient client;

  @Test
  void samples_areAcceptedAndApplied() throws Exception {
    OperatorFixture.install(server, client);
    for (String sample : List.of("postgresql-orders.yaml", "tenantclusterrequest-team-a.yaml")) {
      try (InputStream in =
          Files.newInputStream(OperatorFixture.DEPLOY.resolve("samples/" + sample))) {
        for (HasMetadata o : client.load(in).items()) {
          client.resource(o).create();
        }
      }
    }
    List<ReconcileResult> results = PvekitOperator.builder().client(client).build().reconcileAll();
    assertThat(results)
        .extracting(ReconcileResult::toString)
        .containsExactly(
            "PostgreSQL team-a/orders: Accepted, created Cluster/orders, status Accepted",
            "TenantClusterRequest team-a: Provisioning, created Namespace/tenant-team-a, created"
                + " ResourceQuota/team-a-quota, created Cluster/team-a, created"
                + " KamajiControlPlane/team-a, created ProxmoxCluster/team-a, created"
                + " KubeadmConfigTemplate/team-a-md-0, created ProxmoxMachineTemplate/team-a-md-0,"
                + " created MachineDeployment/team-a-md-0, created"
                + " MachineHealthCheck/team-a-workers, status Provisioning");
    PostgreSQL orders =
        client.resources(PostgreSQL.class).inNamespace("team-a").withName("orders").get();
    assertThat(orders.getStatus().getRuntimeClassName()).isEqualTo("proxmox-lxc");

    // what the operator wrote into status is what the CRDs declare (nothing an API server prunes)
    CrdValidator crds = CrdValidator.load(OperatorFixture.DEPLOY.resolve("crds"));
    TenantClusterRequest teamA =
        client.resources(TenantClusterRequest.class).withName("team-a").get();
    assertThat(teamA.getStatus().objects).hasSize(9);
    for (HasMetadata written : List.of(orders, teamA)) {
      written.getMetadata().setManagedFields(null);
      assertThat(crds.validate(written)).as(written.getKind()).isEmpty();
    }
  }

  @Test
  void samples_fitTheCrds() throws Exception {
    CrdValidator crds = CrdValidator.load(OperatorFixture.DEPLOY.resolve("crds"));
    for (String sample : List.of("postgresql-orders.yaml", "tenantclusterrequest-team-a.yaml")) {
      assertThat(
              crds.validateYaml(
                  Files.readString(OperatorFixture.DEPLOY.resolve("samples/" + sample))))
          .as(sample)
          .isEmpty();
    }
    String bad =
        Files.readString(OperatorFixture.DEPLOY.resolve("samples/tenantclusterrequest-team-a.yaml"))
            .replace("  namespace: tenant-team-a", "  namespace: tenant-team-a\n  mode: bogus")
            .replace("      vlan: 120", "      vlan: 120\n      vlanTag: 120");
    assertThat(crds.validateYaml(bad))
        .containsExactly(
            "doc 1 (TenantClusterRequest/team-a): spec.mode: Invalid value: \"bogus\": should match"
                + " '^(capi|kamaji-only)$'",
            "doc 1 (TenantClusterRequest/team-a): spec.workerPools[0].vlanTag: unknown field, the"
                + " API server would prune it");
  }
}
