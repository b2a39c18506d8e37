package io.pvekit.capi;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.pvekit.capi.internal.Kinds;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Setup shared by the controller fixture: the mock server's kinds and Kamaji's kubeconfig. */
final class FixtureSupport {
  private FixtureSupport() {}

  static void registerKinds(KubernetesMockServer server, CapiVersion v) {
    for (CapiResource<?, ?> probe :
        List.of(
            new Cluster(v),
            new Machine(v),
            new MachineDeployment(v),
            new MachineHealthCheck(v),
            new KubeadmConfigTemplate(v),
            new ProxmoxCluster(),
            new ProxmoxMachine(),
            new ProxmoxMachineTemplate(),
            new KamajiControlPlane(),
            new TenantControlPlane(),
            new InClusterIPPool())) {
      var ctx = Kinds.of(probe);
      server.expectCustomResource(
          new io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext.Builder()
              .withGroup(ctx.getGroup())
              .withVersion(ctx.getVersion())
              .withKind(ctx.getKind())
              .withPlural(ctx.getPlural())
              .withScope("Namespaced")
              .build());
    }
  }

  /** What Kamaji writes: {@code <name>-admin-kubeconfig} with key {@code admin.conf}. */
  static void writeKubeconfig(KubernetesClient kube, ObjectMeta owner, String address) {
    String name = owner.getName() + "-admin-kubeconfig";
    String kubeconfig =
        "apiVersion: v1\nkind: Config\nclusters:\n- name: "
            + owner.getName()
            + "\n  cluster:\n    server: https://"
            + address
            + ":6443\ncontexts:\n- name: admin\n  context:\n    cluster: "
            + owner.getName()
            + "\n    user: admin\ncurrent-context: admin\nusers:\n- name: admin\n  user: {}\n";
    kube.secrets()
        .inNamespace(owner.getNamespace())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(owner.getNamespace())
                .endMetadata()
                .addToData(
                    "admin.conf",
                    Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8)))
                .build())
        .createOr(r -> r.update());
  }
}
