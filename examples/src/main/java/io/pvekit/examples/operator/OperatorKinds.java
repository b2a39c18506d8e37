package io.pvekit.examples.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.pvekit.runtime.DatabaseResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every kind the operator touches and the verbs it uses: the single table the code looks its REST
 * coordinates up in and the ClusterRole in {@code examples/deploy/} is checked against.
 */
public final class OperatorKinds {
  private OperatorKinds() {}

  private static final Set<String> WATCH = Set.of("list", "watch");
  private static final Set<String> STATUS = Set.of("update");

  /** What {@link ResourceApplier} calls: get to compare, then apply, create or update. */
  static final Set<String> WRITE = Set.of("get", "create", "update", "patch");

  private static final Set<String> READ = Set.of("list");
  private static final List<String> CAPI = List.of("v1beta1", "v1beta2");

  /** The seven database requests of runtime-selector, watched, with their status written. */
  public static final List<OperatedKind> DATABASE_REQUESTS =
      Stream.of(
              "PostgreSQL:postgresqls",
              "MariaDB:mariadbs",
              "Redis:redis",
              "RabbitMQ:rabbitmqs",
              "ClickHouse:clickhouses",
              "Kafka:kafkas",
              "Etcd:etcds")
          .map(s -> s.split(":"))
          .map(
              s ->
                  new OperatedKind(
                      DatabaseResource.GROUP,
                      s[0],
                      s[1],
                      true,
                      List.of(DatabaseResource.VERSION),
                      WATCH,
                      STATUS))
          .toList();

  /** This example's tenant-cluster request, watched, with its status written. */
  public static final OperatedKind TENANT_REQUEST =
      new OperatedKind(
          TenantClusterRequest.GROUP,
          "TenantClusterRequest",
          "tenantclusterrequests",
          false,
          List.of(TenantClusterRequest.VERSION),
          WATCH,
          STATUS);

  /** What runtime-selector's renderers write for the seven database operators. */
  public static final List<OperatedKind> DATABASE_RESOURCES =
      List.of(
          written("postgresql.cnpg.io", "Cluster", "clusters", true, "v1"),
          written("k8s.mariadb.com", "MariaDB", "mariadbs", true, "v1alpha1"),
          written("databases.spotahome.com", "RedisFailover", "redisfailovers", true, "v1"),
          written("rabbitmq.com", "RabbitmqCluster", "rabbitmqclusters", true, "v1beta1"),
          written(
              "clickhouse.altinity.com",
              "ClickHouseInstallation",
              "clickhouseinstallations",
              true,
              "v1"),
          written("kafka.strimzi.io", "Kafka", "kafkas", true, "v1"),
          written("kafka.strimzi.io", "KafkaNodePool", "kafkanodepools", true, "v1"),
          written("etcd.aenix.io", "EtcdCluster", "etcdclusters", true, "v1alpha1"));

  /** What capi-model's {@code TenantCluster} renders, in both Cluster API versions. */
  public static final List<OperatedKind> TENANT_RESOURCES =
      List.of(
          written("", "Namespace", "namespaces", false, "v1"),
          written("", "ResourceQuota", "resourcequotas", true, "v1"),
          new OperatedKind("cluster.x-k8s.io", "Cluster", "clusters", true, CAPI, WRITE, Set.of()),
          new OperatedKind(
              "cluster.x-k8s.io",
              "MachineDeployment",
              "machinedeployments",
              true,
              CAPI,
              WRITE,
              Set.of()),
          new OperatedKind(
              "cluster.x-k8s.io",
              "MachineHealthCheck",
              "machinehealthchecks",
              true,
              CAPI,
              WRITE,
              Set.of()),
          new OperatedKind(
              "bootstrap.cluster.x-k8s.io",
              "KubeadmConfigTemplate",
              "kubeadmconfigtemplates",
              true,
              CAPI,
              WRITE,
              Set.of()),
          written(
              "controlplane.cluster.x-k8s.io",
              "KamajiControlPlane",
              "kamajicontrolplanes",
              true,
              "v1alpha2"),
          written(
              "infrastructure.cluster.x-k8s.io",
              "ProxmoxCluster",
              "proxmoxclusters",
              true,
              "v1alpha2"),
          written(
              "infrastructure.cluster.x-k8s.io",
              "ProxmoxMachineTemplate",
              "proxmoxmachinetemplates",
              true,
              "v1alpha2"),
          written(
              "kamaji.clastix.io", "TenantControlPlane", "tenantcontrolplanes", true, "v1alpha1"));

  /**
   * What the operator only reads: the inventory ({@code Inventory.read}: nodes, RuntimeClasses,
   * namespaces, quotas, pods), the other tenants' networks ({@code TenantClusters.existingTenants}:
   * ProxmoxClusters, their templates, bare TenantControlPlanes) and a tenant's health ({@code
   * TenantClusters.status}: its MachineDeployments and Machines).
   */
  public static final List<OperatedKind> READ_ONLY =
      List.of(
          read("", "Node", "nodes", false, "v1"),
          read("node.k8s.io", "RuntimeClass", "runtimeclasses", false, "v1"),
          read("", "Namespace", "namespaces", false, "v1"),
          read("", "ResourceQuota", "resourcequotas", true, "v1"),
          read("", "Pod", "pods", true, "v1"),
          read(
              "infrastructure.cluster.x-k8s.io",
              "ProxmoxCluster",
              "proxmoxclusters",
              true,
              "v1alpha2"),
          read(
              "infrastructure.cluster.x-k8s.io",
              "ProxmoxMachineTemplate",
              "proxmoxmachinetemplates",
              true,
              "v1alpha2"),
          read("kamaji.clastix.io", "TenantControlPlane", "tenantcontrolplanes", true, "v1alpha1"),
          new OperatedKind(
              "cluster.x-k8s.io",
              "MachineDeployment",
              "machinedeployments",
              true,
              CAPI,
              READ,
              Set.of()),
          new OperatedKind("cluster.x-k8s.io", "Machine", "machines", true, CAPI, READ, Set.of()));

  /** Core v1 Events, recorded on the requests. */
  public static final OperatedKind EVENTS =
      new OperatedKind("", "Event", "events", true, List.of("v1"), Set.of("create"), Set.of());

  /**
   * Every row of the table.
   *
   * @return all kinds, one row per use
   */
  public static List<OperatedKind> all() {
    List<OperatedKind> all = new ArrayList<>(DATABASE_REQUESTS);
    all.add(TENANT_REQUEST);
    all.addAll(DATABASE_RESOURCES);
    all.addAll(TENANT_RESOURCES);
    all.addAll(READ_ONLY);
    all.add(EVENTS);
    return all;
  }

  /**
   * The RBAC rules the operator needs: one rule per API group and resource (status subresources
   * separately), verbs merged over the rows of the table.
   *
   * @return the rules, sorted by group and resource
   */
  public static List<PolicyRule> rules() {
    Map<String, Set<String>> verbs = new TreeMap<>();
    for (OperatedKind k : all()) {
      verbs.computeIfAbsent(k.group() + "|" + k.plural(), x -> new TreeSet<>()).addAll(k.verbs());
      if (!k.statusVerbs().isEmpty()) {
        verbs
            .computeIfAbsent(k.group() + "|" + k.plural() + "/status", x -> new TreeSet<>())
            .addAll(k.statusVerbs());
      }
    }
    List<PolicyRule> rules = new ArrayList<>();
    verbs.forEach(
        (key, v) -> {
          String[] gr = key.split("\\|", -1);
          rules.add(
              new PolicyRuleBuilder()
                  .withApiGroups(gr[0])
                  .withResources(gr[1])
                  .withVerbs(new ArrayList<>(v))
                  .build());
        });
    return rules;
  }

  /**
   * The row the operator writes an object through.
   *
   * @param object a rendered object
   * @return its row, when the operator writes that kind
   */
  static Optional<OperatedKind> writable(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    return Stream.concat(DATABASE_RESOURCES.stream(), TENANT_RESOURCES.stream())
        .filter(k -> k.group().equals(group) && k.kind().equals(object.getKind()))
        .filter(k -> k.versions().contains(version))
        .findFirst();
  }

  private static OperatedKind written(
      String group, String kind, String plural, boolean namespaced, String version) {
    return new OperatedKind(group, kind, plural, namespaced, List.of(version), WRITE, Set.of());
  }

  private static OperatedKind read(
      String group, String kind, String plural, boolean namespaced, String version) {
    return new OperatedKind(group, kind, plural, namespaced, List.of(version), READ, Set.of());
  }
}
