package io.pvekit.examples.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** When the applier leaves an object alone: what it sets holds, whatever else the server added. */
class ResourceApplierTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private static GenericKubernetesResource parse(String json) {
    return JSON.unmarshal(json, GenericKubernetesResource.class);
  }

  private static final String DESIRED =
      "{\"apiVersion\":\"postgresql.cnpg.io/v1\",\"kind\":\"Cluster\",\"metadata\":{\"name\":\"o\","
          + "\"labels\":{\"a\":\"1\"},\"ownerReferences\":[{\"apiVersion\":\"db.pvekit.io/v1alpha1\","
          + "\"kind\":\"PostgreSQL\",\"name\":\"o\",\"uid\":\"u1\",\"controller\":true}]},"
          + "\"spec\":{\"instances\":3,\"storage\":{\"size\":\"10Gi\"},\"list\":[{\"x\":1}]}}";

  @Test
  void serverDefaultsAndStatus_doNotCount() {
    GenericKubernetesResource existing =
        parse(
            DESIRED
                .replace(
                    "\"labels\":{\"a\":\"1\"}",
                    "\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"uid\":\"x\"")
                .replace(
                    "\"instances\":3,",
                    "\"instances\":3,\"primaryUpdateStrategy\":\"unsupervised\",")
                .replace("{\"x\":1}", "{\"x\":1,\"y\":2}")
                .replace("}}}", "}},\"status\":{\"phase\":\"healthy\"}}"));
    assertThat(ResourceApplier.holds(existing, parse(DESIRED))).isTrue();
  }

  @Test
  void aChangedValue_aMissingLabel_orAnotherOwner_count() {
    GenericKubernetesResource desired = parse(DESIRED);
    assertThat(
            ResourceApplier.holds(
                parse(DESIRED.replace("\"instances\":3", "\"instances\":2")), desired))
        .isFalse();
    assertThat(ResourceApplier.holds(parse(DESIRED.replace("\"a\":\"1\"", "\"a\":\"2\"")), desired))
        .isFalse();
    assertThat(ResourceApplier.holds(parse(DESIRED.replace("\"u1\"", "\"u2\"")), desired))
        .isFalse();
    assertThat(
            ResourceApplier.holds(
                parse(DESIRED.replace("[{\"x\":1}]", "[{\"x\":1},{\"x\":2}]")), desired))
        .isFalse();
  }
}
