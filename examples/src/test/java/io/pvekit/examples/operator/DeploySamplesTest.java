package io.pvekit.examples.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.pvekit.runtime.PostgreSQL;
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
  }
}
