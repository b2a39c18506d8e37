package io.pvekit.checks.internal.platform;

import static io.pvekit.checks.internal.platform.Def.check;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.pvekit.checks.Check;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckFunction;
import io.pvekit.checks.CheckOutcome;
import io.pvekit.checks.Evidence;
import io.pvekit.checks.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Database services: each kind ready, LXC and VM placement, connectivity, storage, backups. */
public final class DatabaseChecks {
  /** The label pvekit puts on every database workload (pods, services, claims, VMs). */
  static final String DATABASE_LABEL = "pvekit.io/database";

  /** The label naming the runtime the runtime selector chose: {@code lxc} or {@code vm}. */
  static final String RUNTIME_LABEL = "pvekit.io/runtime";

  private DatabaseChecks() {}

  /**
   * The checks.
   *
   * @return the checks
   */
  public static List<Check> all() {
    String crds = ManagementChecks.OPERATOR_CRDS;
    return List.of(
        kind(
            "database.postgres-ready",
            "PostgreSQL clusters ready",
            Kube.CNPG_CLUSTER,
            "status.readyInstances equals spec.instances for every CloudNativePG Cluster.",
            r -> Kube.number(r, "status.readyInstances", 0) >= Kube.number(r, "spec.instances", 1),
            r ->
                Kube.number(r, "status.readyInstances", 0)
                    + "/"
                    + Kube.number(r, "spec.instances", 1)
                    + " instances ready, "
                    + Kube.text(r, "status.phase"),
            "operators.cloudnative-pg"),
        kind(
            "database.mariadb-ready",
            "MariaDB servers ready",
            Kube.MARIADB,
            "The Ready condition of every MariaDB is True.",
            r -> Kube.condition(r, "Ready").orElse("").equals("True"),
            r -> "Ready=" + Kube.condition(r, "Ready").orElse("Unknown"),
            "operators.mariadb"),
        check(
            "database.redis-ready",
            Severity.HIGH,
            "Redis failovers ready",
            "For every RedisFailover, the operator's StatefulSet rfr-NAME has spec.redis.replicas"
                + " ready pods.",
            "kubectl describe redisfailover NAME and the rfr-/rfs- pods; check the operator.",
            DatabaseChecks::redis,
            crds,
            "operators.redis"),
        kind(
            "database.rabbitmq-ready",
            "RabbitMQ clusters ready",
            Kube.RABBITMQ,
            "The AllReplicasReady condition of every RabbitmqCluster is True.",
            r -> Kube.condition(r, "AllReplicasReady").orElse("").equals("True"),
            r -> "AllReplicasReady=" + Kube.condition(r, "AllReplicasReady").orElse("Unknown"),
            "operators.rabbitmq"),
        kind(
            "database.clickhouse-ready",
            "ClickHouse installations ready",
            Kube.CLICKHOUSE,
            "status.status of every ClickHouseInstallation is Completed.",
            r -> Kube.text(r, "status.status").equals("Completed"),
            r -> "status " + Kube.text(r, "status.status"),
            "operators.clickhouse"),
        kind(
            "database.kafka-ready",
            "Kafka clusters ready",
            Kube.KAFKA,
            "The Ready condition of every Strimzi Kafka is True.",
            r -> Kube.condition(r, "Ready").orElse("").equals("True"),
            r -> "Ready=" + Kube.condition(r, "Ready").orElse("Unknown"),
            "operators.strimzi"),
        check(
            "database.deployable-lxc",
            Severity.MEDIUM,
            "Databases run in LXC",
            "At least one database pod (label pvekit.io/database) runs Ready with the LXC"
                + " RuntimeClass: the LXC path of the runtime selector works end to end.",
            "Deploy a database with pvekit.io/runtime=lxc and read why its pod does not start.",
            DatabaseChecks::inLxc,
            LxcChecks.RUNTIME_CLASS),
        check(
            "database.deployable-vm",
            Severity.MEDIUM,
            "Databases run in VMs",
            "At least one VirtualMachineInstance labelled pvekit.io/database is Running: the VM"
                + " path of the runtime selector works end to end.",
            "Deploy a database with pvekit.io/runtime=vm; kubectl describe vmi NAME.",
            DatabaseChecks::inVm,
            "management.kubevirt"),
        check(
            "database.runtime-selection-enforced",
            Severity.HIGH,
            "Runtime selection enforced",
            "Pods labelled pvekit.io/runtime=lxc use the LXC RuntimeClass, and no plain pod"
                + " carries pvekit.io/runtime=vm (those must run as VMs).",
            "Check the runtime-selector webhook is installed and its failurePolicy is Fail.",
            DatabaseChecks::runtimeEnforced,
            ManagementChecks.API),
        check(
            "database.connectivity",
            Severity.HIGH,
            "Database services have endpoints",
            "Every Service labelled pvekit.io/database has ready endpoints: clients can connect.",
            "kubectl get endpoints NAME; check the database pods' readiness.",
            DatabaseChecks::connectivity,
            ManagementChecks.API),
        check(
            "database.persistence",
            Severity.HIGH,
            "Database volumes bound",
            "Every PersistentVolumeClaim labelled pvekit.io/database is Bound.",
            "kubectl describe pvc NAME; check the CSI driver and the storage class.",
            DatabaseChecks::persistence,
            ManagementChecks.API),
        check(
            "database.backups-configured",
            Severity.HIGH,
            "Backups configured",
            "Every CloudNativePG Cluster has spec.backup or a ScheduledBackup, and every MariaDB a"
                + " Backup object.",
            "Add spec.backup (barmanObjectStore) and a ScheduledBackup, or a MariaDB Backup.",
            DatabaseChecks::backupsConfigured,
            crds),
        check(
            "database.backups-recent",
            Severity.HIGH,
            "Backups recent",
            "status.lastSuccessfulBackup of every CloudNativePG Cluster is younger than"
                + " maximumBackupAge.",
            "kubectl get backups; read the failed Backup's status.error and fix the object store.",
            DatabaseChecks::backupsRecent,
            crds));
  }

  private static Check kind(
      String id,
      String title,
      Kube.Kind kind,
      String description,
      java.util.function.Predicate<GenericKubernetesResource> ready,
      Function<GenericKubernetesResource, String> detail,
      String operator) {
    CheckFunction f =
        c -> {
          CheckOutcome.Collector out = CheckOutcome.collect();
          for (GenericKubernetesResource r : Kube.all(c, kind)) {
            out.check(ready.test(r), Kube.ref(r), detail.apply(r));
          }
          return out.failIfAny(
              out.size() + " " + kind.kind() + " objects are ready",
              "%d " + kind.kind() + " objects are not ready");
        };
    return check(
        id,
        Severity.HIGH,
        title,
        description,
        "kubectl describe " + kind.plural() + " NAME; read the operator's events and logs.",
        f,
        ManagementChecks.OPERATOR_CRDS,
        operator);
  }

  static CheckOutcome redis(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (GenericKubernetesResource r : Kube.all(c, Kube.REDIS_FAILOVER)) {
      long want = Kube.number(r, "spec.redis.replicas", 3);
      StatefulSet sts =
          c.kubernetes()
              .apps()
              .statefulSets()
              .inNamespace(r.getMetadata().getNamespace())
              .withName("rfr-" + r.getMetadata().getName())
              .get();
      int ready =
          sts == null || sts.getStatus() == null
              ? 0
              : Workloads.nz(sts.getStatus().getReadyReplicas());
      out.check(
          ready >= want,
          Kube.ref(r),
          sts == null
              ? "statefulset rfr-" + r.getMetadata().getName() + " missing"
              : ready + "/" + want + " redis pods ready");
    }
    return out.failIfAny(
        out.size() + " RedisFailovers are ready", "%d RedisFailovers are not ready");
  }

  static CheckOutcome inLxc(CheckContext c) throws Exception {
    String rc = c.settings().lxcRuntimeClass();
    CheckOutcome.Collector out = CheckOutcome.collect();
    int ready = 0;
    for (Pod p : Kube.pods(c)) {
      if (p.getMetadata().getLabels().containsKey(DATABASE_LABEL)
          && rc.equals(p.getSpec().getRuntimeClassName())) {
        boolean ok = Kube.podReady(p);
        ready += ok ? 1 : 0;
        out.ok(Kube.ref(p), ok ? "Ready in LXC" : Kube.podProblem(p).orElse("not ready"));
      }
    }
    if (ready == 0) {
      out.problem("databases in lxc", "no database pod runs Ready with RuntimeClass " + rc);
    }
    return out.failIfAny(ready + " database pods run in LXC", "no database runs in LXC");
  }

  static CheckOutcome inVm(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    int running = 0;
    for (GenericKubernetesResource vmi : Kube.all(c, Kube.VMI)) {
      if (vmi.getMetadata().getLabels() != null
          && vmi.getMetadata().getLabels().containsKey(DATABASE_LABEL)) {
        String phase = Kube.text(vmi, "status.phase");
        running += phase.equals("Running") ? 1 : 0;
        out.ok(Kube.ref(vmi), "phase " + phase);
      }
    }
    if (running == 0) {
      out.problem("databases in vms", "no database VirtualMachineInstance is Running");
    }
    return out.failIfAny(running + " database VMs run", "no database runs in a VM");
  }

  static CheckOutcome runtimeEnforced(CheckContext c) throws Exception {
    String rc = c.settings().lxcRuntimeClass();
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Pod p : Kube.pods(c)) {
      String runtime = p.getMetadata().getLabels().get(RUNTIME_LABEL);
      if ("lxc".equals(runtime)) {
        String actual = p.getSpec().getRuntimeClassName();
        out.check(
            rc.equals(actual),
            Kube.ref(p),
            "selected lxc, runs with runtimeClassName "
                + (actual == null ? "(default runc)" : actual));
      } else if ("vm".equals(runtime)) {
        out.problem(Kube.ref(p), "selected vm, but runs as a plain pod");
      }
    }
    return out.failIfAny(
        "every database runs where the selector placed it",
        "%d workloads ignore the runtime selection");
  }

  static CheckOutcome connectivity(CheckContext c) {
    List<Service> services =
        c.kubernetes().services().inAnyNamespace().withLabel(DATABASE_LABEL).list().getItems();
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Service s : services) {
      Endpoints ep =
          c.kubernetes()
              .endpoints()
              .inNamespace(s.getMetadata().getNamespace())
              .withName(s.getMetadata().getName())
              .get();
      long ready =
          ep == null ? 0 : ep.getSubsets().stream().mapToLong(x -> x.getAddresses().size()).sum();
      out.check(ready > 0, Kube.ref(s), ready + " ready endpoints");
    }
    return out.failIfAny(
        services.size() + " database services have endpoints",
        "%d database services have no ready endpoint");
  }

  static CheckOutcome persistence(CheckContext c) {
    List<PersistentVolumeClaim> claims =
        c.kubernetes()
            .persistentVolumeClaims()
            .inAnyNamespace()
            .withLabel(DATABASE_LABEL)
            .list()
            .getItems();
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (PersistentVolumeClaim pvc : claims) {
      String phase = pvc.getStatus() == null ? "unknown" : pvc.getStatus().getPhase();
      out.check("Bound".equals(phase), Kube.ref(pvc), phase);
    }
    return out.failIfAny(
        claims.size() + " database volumes are bound", "%d database volumes are not bound");
  }

  static CheckOutcome backupsConfigured(CheckContext c) throws Exception {
    Set<String> scheduled = new HashSet<>();
    for (GenericKubernetesResource s : Kube.all(c, Kube.CNPG_SCHEDULED_BACKUP)) {
      scheduled.add(s.getMetadata().getNamespace() + "/" + Kube.text(s, "spec.cluster.name"));
    }
    Set<String> mariaBackups = new HashSet<>();
    for (GenericKubernetesResource b : Kube.all(c, Kube.MARIADB_BACKUP)) {
      mariaBackups.add(b.getMetadata().getNamespace() + "/" + Kube.text(b, "spec.mariaDbRef.name"));
    }
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (GenericKubernetesResource r : Kube.all(c, Kube.CNPG_CLUSTER)) {
      String key = r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
      boolean ok = Kube.at(r, "spec.backup").isPresent() && scheduled.contains(key);
      out.check(
          ok,
          Kube.ref(r),
          ok ? "spec.backup and a ScheduledBackup" : "no spec.backup or no ScheduledBackup");
    }
    for (GenericKubernetesResource r : Kube.all(c, Kube.MARIADB)) {
      String key = r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
      out.check(
          mariaBackups.contains(key),
          Kube.ref(r),
          mariaBackups.contains(key) ? "has a Backup" : "no Backup");
    }
    return out.failIfAny(
        out.size() + " databases have backups configured",
        "%d databases have no backup configured");
  }

  static CheckOutcome backupsRecent(CheckContext c) throws Exception {
    Duration max = c.settings().maximumBackupAge();
    Instant now = c.clock().instant();
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (GenericKubernetesResource r : Kube.all(c, Kube.CNPG_CLUSTER)) {
      String last = Kube.text(r, "status.lastSuccessfulBackup");
      if (last.isEmpty()) {
        out.problem(Kube.ref(r), "never backed up");
        continue;
      }
      Duration age = Duration.between(Instant.parse(last), now);
      out.check(
          age.compareTo(max) <= 0,
          Kube.ref(r),
          "last backup " + age.toHours() + " h ago (limit " + max.toHours() + " h)");
    }
    if (out.size() == 0) {
      return CheckOutcome.pass("no PostgreSQL cluster to back up", Evidence.ok("clusters", "none"));
    }
    return out.failIfAny(
        "every database has a recent backup", "%d databases have no recent backup");
  }
}
