package io.pvekit.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChooseRuntimeTest {
  private final StringWriter text = new StringWriter();

  @Test
  void choosesLxcForPostgresqlOnTheExampleInventory() throws IOException {
    int code = run("postgresql", "auto", "team-a");

    assertThat(code).as(text.toString()).isZero();
    assertThat(text.toString())
        .startsWith("PostgreSQL team-a/postgresql: ACCEPTED, runtime lxc")
        .contains("candidate nodes: ");
  }

  @Test
  void refusesAVmForKafkaWhereThePolicyAllowsOnlyPodAndLxc() throws IOException {
    int code = run("kafka", "vm", "team-b");

    assertThat(code).isEqualTo(1);
    assertThat(text.toString()).startsWith("Kafka team-b/kafka: REFUSED");
  }

  @Test
  void namesAnUnknownEngineAndTheAcceptedOnes() throws IOException {
    int code = run("oracle", "auto", "team-a");

    assertThat(code).isEqualTo(2);
    assertThat(text.toString()).contains("engine 'oracle' is not one of").contains("postgresql");
  }

  @Test
  void refusesAPodThatNoNodeHasRoomFor() {
    String yaml =
        "apiVersion: v1\nkind: Node\nmetadata:\n  name: small\n"
            + "status:\n  allocatable:\n    cpu: \"1\"\n    memory: 1Gi\n";
    int code =
        ChooseRuntime.run(
            new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
            "postgresql",
            "pod",
            "team-a",
            new PrintWriter(text, true));

    assertThat(code).as(text.toString()).isEqualTo(1);
    assertThat(text.toString())
        .startsWith("PostgreSQL team-a/postgresql: REFUSED, runtime pod")
        .contains("FAIL CAPACITY: pod needs 1 node(s) with room for 1 CPU and 2Gi memory");
  }

  private int run(String engine, String runtime, String namespace) throws IOException {
    try (InputStream inventory = ChooseRuntimeTest.class.getResourceAsStream("/inventory.yaml")) {
      assertThat(inventory).as("inventory.yaml on the test classpath").isNotNull();
      return ChooseRuntime.run(inventory, engine, runtime, namespace, new PrintWriter(text, true));
    }
  }
}
