package io.pvekit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.CrdValidator;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine rendered for every runtime validates against its operator's upstream CRD: schema,
 * CEL rules, no pruned field. And the request CRDs accept the plan's example and refuse bad ones.
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class RenderedObjectsValidTest {
  private static final CrdValidator OPERATORS =
      CrdValidator.upstream(
          "operator-crds/cnpg-v1.30.0_postgresql.cnpg.io_clusters.yaml",
          "operator-crds/mariadb-operator-v26.6.0_k8s.mariadb.com_mariadbs.yaml",
          "operator-crds/spotahome-redis-operator-v1.2.4_databases.spotahome.com_redisfailovers.yaml",
          "operator-crds/rabbitmq-cluster-operator-v2.22.3_rabbitmq.com_rabbitmqclusters.yaml",
          "operator-crds/altinity-clickhouse-operator-0.25.6_clickhouseinstallations.clickhouse.altinity.com.yaml",
          "operator-crds/strimzi-1.2.0_040-Crd-kafka.yaml",
          "operator-crds/strimzi-1.2.0_045-Crd-kafkanodepool.yaml",
          "operator-crds/etcd-operator-v0.4.5_etcd.aenix.io_etcdclusters.yaml");

  static Stream<Arguments> engineAndRuntime() {
    return Stream.of(DatabaseEngine.values())
        .flatMap(
            e ->
                Stream.of(RuntimeChoice.POD, RuntimeChoice.LXC, RuntimeChoice.VM)
                    .map(r -> Arguments.of(e, r)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("engineAndRuntime")
  void rendered_validatesAgainstTheOperatorsCrd(DatabaseEngine engine, RuntimeChoice runtime) {
    String yaml = Manifests.toYaml(Manifests.render(ManifestsTest.decide(engine, runtime)));
    assertThat(OPERATORS.validateYaml(yaml)).as(yaml).isEmpty();
  }

  @Test
  void withoutStorageClassOrUid_stillValid() {
    for (DatabaseEngine engine : DatabaseEngine.values()) {
      Decision d =
          new RuntimeSelector(Policy.defaults())
              .decide(
                  Fixtures.request(engine, RuntimeChoice.AUTO).replicas(1).build(),
                  Fixtures.inventory());
      String yaml = Manifests.toYaml(Manifests.render(d));
      assertThat(OPERATORS.validateYaml(yaml)).as(yaml).isEmpty();
    }
  }

  @Test
  void theValidatorCatchesAWrongField_soThisTestCanFail() {
    String yaml =
        Manifests.toYaml(
                Manifests.render(ManifestsTest.decide(DatabaseEngine.MARIADB, RuntimeChoice.LXC)))
            .replace("nodeSelector:", "nodeSelectorr:");
    assertThat(OPERATORS.validateYaml(yaml)).isNotEmpty();
  }

  @Test
  void requestCrds_acceptThePlansShape_andRefuseBadValues() {
    CrdValidator own = CrdValidator.load(Path.of("src/main/resources/META-INF/fabric8"));
    String good =
        "apiVersion: db.pvekit.io/v1alpha1\n"
            + "kind: PostgreSQL\n"
            + "metadata: {name: orders, namespace: tenant-a}\n"
            + "spec:\n"
            + "  version: \"17\"\n"
            + "  runtime: lxc\n"
            + "  replicas: 3\n"
            + "  resources: {cpu: \"2\", memory: 4Gi}\n"
            + "  storage: {size: 100Gi, storageClass: local-lvm}\n";
    assertThat(own.validateYaml(good)).isEmpty();
    List<String> errors =
        own.validateYaml(
            good.replace("runtime: lxc", "runtime: kata")
                .replace("replicas: 3", "replicas: 12")
                .replace("memory: 4Gi", "memory: lots"));
    assertThat(String.join("\n", errors))
        .contains("spec.runtime")
        .contains("spec.replicas")
        .contains("spec.resources.memory");
  }
}
