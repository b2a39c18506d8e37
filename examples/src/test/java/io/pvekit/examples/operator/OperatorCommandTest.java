package io.pvekit.examples.operator;

import static io.pvekit.examples.operator.OperatorFixture.await;
import static io.pvekit.examples.operator.OperatorFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.pvekit.examples.PvekitCli;
import io.pvekit.runtime.ClickHouse;
import io.pvekit.runtime.PostgreSQL;
import io.pvekit.runtime.RuntimeChoice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pvekit operator run|rbac} through the real entry point, against fabric8's CRUD mock. */
@EnableKubernetesMockClient(crud = true)
class OperatorCommandTest {
  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void cluster() throws Exception {
    OperatorFixture.install(server, client);
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    // no autoflush: the command must flush what it prints itself
    return PvekitCli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path kubeconfig() throws Exception {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n    server: "
            + client.getMasterUrl()
            + "\n    insecure-skip-tls-verify: true\ncontexts:\n- name: mock\n  context:\n"
            + "    cluster: mock\n    user: u\ncurrent-context: mock\nusers:\n- name: u\n  user:\n"
            + "    token: t\n");
    return file;
  }

  @Test
  void once_reconcilesEveryRequest_printsWhatChanged_andASecondRunChangesNothing()
      throws Exception {
    client
        .resource(request(PostgreSQL::new, "team-a", "orders", RuntimeChoice.LXC, 3, "2", "4Gi"))
        .create();
    client
        .resource(request(ClickHouse::new, "team-b", "metrics", RuntimeChoice.VM, 1, "2", "4Gi"))
        .create();
    String kubeconfig = kubeconfig().toString();

    assertThat(run("operator", "run", "--kubeconfig", kubeconfig, "--once"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains(
            "PostgreSQL team-a/orders: Accepted, created Cluster/orders, status Accepted\n",
            "ClickHouse team-b/metrics: Refused, status Refused\n",
            "2 request(s) reconciled\n");
    assertThat(client.resources(PostgreSQL.class).inNamespace("team-a").withName("orders").get())
        .satisfies(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Accepted"));

    assertThat(run("operator", "run", "--kubeconfig", kubeconfig, "--once")).isZero();
    assertThat(out.toString())
        .contains(
            "PostgreSQL team-a/orders: Accepted, nothing to change\n",
            "ClickHouse team-b/metrics: Refused, nothing to change\n");
  }

  @Test
  void inventoryFile_replacesTheClusterInventory() throws Exception {
    client
        .resource(request(PostgreSQL::new, "team-a", "orders", RuntimeChoice.LXC, 1, "1", "1Gi"))
        .create();
    Path inventory = dir.resolve("inventory.yaml");
    // plain nodes only: nothing offers LXC, though the cluster's own inventory does
    Files.writeString(
        inventory,
        "apiVersion: v1\nkind: Node\nmetadata: {name: plain-1}\nstatus:\n"
            + "  allocatable: {cpu: \"8\", memory: 32Gi}\n  runtimeHandlers: [{name: runc}]\n"
            + "---\napiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: proxmox-lxc}\n"
            + "handler: proxmox-lxc\n");
    assertThat(
            run(
                "operator",
                "run",
                "--kubeconfig",
                kubeconfig().toString(),
                "--inventory",
                inventory.toString(),
                "--once"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("PostgreSQL team-a/orders: Refused, status Refused");
    assertThat(
            client
                .resources(PostgreSQL.class)
                .inNamespace("team-a")
                .withName("orders")
                .get()
                .getStatus()
                .getReasons())
        .anyMatch(r -> r.getConstraint().equals("NODES_OFFER_RUNTIME") && !r.isPassed());
  }

  @Test
  void run_watchesUntilExitAfter_reconcilingRequestsAsTheyCome() throws Exception {
    String kubeconfig = kubeconfig().toString();
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(
            () -> run("operator", "run", "--kubeconfig", kubeconfig, "--exit-after", "PT15S"));
    client
        .resource(request(PostgreSQL::new, "team-a", "orders", RuntimeChoice.POD, 1, "1", "1Gi"))
        .create();
    await(
        "orders accepted by the running operator",
        () -> {
          PostgreSQL p =
              client.resources(PostgreSQL.class).inNamespace("team-a").withName("orders").get();
          return p.getStatus() != null && "Accepted".equals(p.getStatus().getPhase());
        });
    assertThat(running.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "watching PostgreSQL, MariaDB, Redis, RabbitMQ, ClickHouse, Kafka, Etcd,"
                + " TenantClusterRequest\n")
        .contains("PostgreSQL team-a/orders: Accepted, created Cluster/orders, status Accepted\n")
        .endsWith("stopped\n");
  }

  @Test
  void rbac_printsTheRulesOfTheOperatorsTable() {
    assertThat(run("operator", "rbac")).isZero();
    ClusterRole role =
        client.getKubernetesSerialization().unmarshal(out.toString(), ClusterRole.class);
    assertThat(role.getMetadata().getName()).isEqualTo("pvekit-operator");
    assertThat(role.getRules()).isEqualTo(OperatorKinds.rules());
  }

  @Test
  void badArguments_exit2_withTheReason() throws Exception {
    assertThat(run("operator", "run", "--kubeconfig", dir.resolve("nope").toString(), "--once"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--kubeconfig").contains("nope");
    assertThat(
            run(
                "operator",
                "run",
                "--kubeconfig",
                kubeconfig().toString(),
                "--inventory",
                dir.resolve("missing.yaml").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--inventory").contains("missing.yaml");
    assertThat(run("operator", "run", "--once", "--exit-after", "PT1S")).isEqualTo(2);
    assertThat(err.toString()).contains("--once and --exit-after exclude each other");
    // nothing listens there
    Path nowhere = dir.resolve("nowhere");
    Files.writeString(
        nowhere,
        Files.readString(kubeconfig())
            .replace(client.getMasterUrl().toString(), "http://127.0.0.1:9/"));
    assertThat(run("operator", "run", "--kubeconfig", nowhere.toString(), "--once")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("listing the requests at http://127.0.0.1:9/ failed: ")
        .contains("kind: [PostgreSQL]");
  }
}
