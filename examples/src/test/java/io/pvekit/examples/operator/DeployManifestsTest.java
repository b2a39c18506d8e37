package io.pvekit.examples.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pvekit.examples.PvekitCli;
import io.pvekit.runtime.DatabaseCrds;
import io.pvekit.runtime.DatabaseEngine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The manifests in {@code examples/deploy/} parse, fit together and grant what the code uses. */
class DeployManifestsTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private static List<HasMetadata> manifests() throws Exception {
    List<HasMetadata> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(OperatorFixture.DEPLOY)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        for (String doc : Files.readString(f).split("(?m)^---\\s*$")) {
          if (doc.lines().anyMatch(l -> l.startsWith("kind:"))) {
            HasMetadata o = JSON.unmarshal(doc);
            assertThat(o).as(f + ": " + doc).isNotNull();
            all.add(o);
          }
        }
      }
    }
    return all;
  }

  private static <T> T only(List<HasMetadata> all, Class<T> type) {
    List<T> found = all.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as(type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  @Test
  void everyManifestParses_andTheyFitTogether() throws Exception {
    List<HasMetadata> all = manifests();
    assertThat(all)
        .extracting(HasMetadata::getKind)
        .containsExactly(
            "Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment");
    String ns = only(all, Namespace.class).getMetadata().getName();
    ServiceAccount sa = only(all, ServiceAccount.class);
    ClusterRole role = only(all, ClusterRole.class);
    ClusterRoleBinding binding = only(all, ClusterRoleBinding.class);
    Deployment deployment = only(all, Deployment.class);
    assertThat(sa.getMetadata().getNamespace()).isEqualTo(ns);
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo(ns);
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getName()).isEqualTo(sa.getMetadata().getName());
              assertThat(s.getNamespace()).isEqualTo(ns);
            });
    var pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo(sa.getMetadata().getName());
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    List<String> args = pod.getContainers().get(0).getArgs();
    assertThat(args).startsWith("operator", "run");
    // the real command line accepts the Deployment's arguments (throws on an unknown option)
    new CommandLine(new PvekitCli()).parseArgs(args.toArray(String[]::new));
  }

  private static Set<String> triples(List<PolicyRule> rules) {
    Set<String> out = new TreeSet<>();
    for (PolicyRule r : rules) {
      for (String g : r.getApiGroups()) {
        for (String res : r.getResources()) {
          for (String v : r.getVerbs()) {
            out.add(g + " " + res + " " + v);
          }
        }
      }
    }
    return out;
  }

  @Test
  void clusterRole_grantsExactlyWhatTheOperatorUses() throws Exception {
    ClusterRole role = only(manifests(), ClusterRole.class);
    Set<String> needed = triples(OperatorKinds.rules());
    Set<String> granted = triples(role.getRules());
    assertThat(needed).contains("db.pvekit.io postgresqls watch", " events create");
    assertThat(granted).as("the ClusterRole misses what the code uses").containsAll(needed);
    assertThat(needed).as("the ClusterRole grants more than the code uses").containsAll(granted);
  }

  @Test
  void crds_areTheOnesRuntimeSelectorShips_andTheGeneratedTenantCrd() throws Exception {
    Path crds = OperatorFixture.DEPLOY.resolve("crds");
    for (DatabaseEngine engine : DatabaseEngine.values()) {
      String file = Path.of(DatabaseCrds.resourceName(engine)).getFileName().toString();
      try (InputStream shipped = DatabaseCrds.open(engine)) {
        assertThat(Files.readAllBytes(crds.resolve(file)))
            .as("%s: copy it from runtime-selector's jar (META-INF/fabric8/)", file)
            .isEqualTo(shipped.readAllBytes());
      }
    }
    String tenant = "tenantclusterrequests.examples.pvekit.io-v1.yml";
    Path generated = Path.of("target/classes/META-INF/fabric8", tenant);
    assertThat(generated).exists();
    assertThat(Files.readAllBytes(crds.resolve(tenant)))
        .as("copy %s to deploy/crds (the model class changed)", generated)
        .isEqualTo(Files.readAllBytes(generated));
    assertThat(OperatorFixture.crdFiles()).hasSize(DatabaseEngine.values().length + 1);
    for (Path f : OperatorFixture.crdFiles()) {
      CustomResourceDefinition crd =
          JSON.unmarshal(Files.readString(f), CustomResourceDefinition.class);
      assertThat(crd.getSpec().getVersions().get(0).getSubresources().getStatus())
          .as(f.toString())
          .isNotNull();
    }
  }
}
