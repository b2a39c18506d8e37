package io.pvekit.proxmox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The hand-written provisioning calls of issue 15, with realistic arguments. */
final class ErgonomicCalls {
  /** Operations on endpoints that only PVE 9 has. */
  static final Set<String> PVE9_ONLY =
      Set.of(
          "oci registry pull",
          "oci repo tags",
          "ha rules",
          "ha node affinity",
          "ha resource affinity",
          "ha delete rule",
          "lxc create oci");

  private ErgonomicCalls() {}

  static LxcCreateRequest ociCreate() {
    return LxcCreateRequest.builder()
        .vmid(VmId.of(140))
        .osTemplate("local:vztmpl/nginx_latest.tar")
        .hostname("web")
        .entrypoint("/docker-entrypoint.sh nginx -g 'daemon off;'")
        .putEnv("NGINX_PORT", "8080")
        .putEnv("TZ", "UTC")
        .build();
  }

  static Map<String, Consumer<ProxmoxClient>> all() {
    Map<String, Consumer<ProxmoxClient>> ops = new LinkedHashMap<>();
    // 1. guest agent
    ops.put("agent ping", c -> vm(c).agent().ping());
    ops.put("agent osinfo", c -> vm(c).agent().osInfo());
    ops.put("agent exec", c -> vm(c).agent().exec("cat", "/etc/hostname"));
    ops.put("agent exec input", c -> vm(c).agent().exec(List.of("tee", "/tmp/x"), "data"));
    ops.put("agent exec-status", c -> vm(c).agent().execStatus(4242));
    ops.put("agent file-write", c -> vm(c).agent().fileWrite("/etc/motd", "hello\n"));
    ops.put("agent interfaces", c -> vm(c).agent().networkInterfaces());
    // 2. storage volumes
    ops.put("volume info", c -> volume(c).info());
    ops.put("volume notes", c -> volume(c).updateNotes("base image"));
    ops.put("volume protect", c -> volume(c).setProtected(true));
    ops.put("volume delete", c -> volume(c).delete());
    ops.put("storage definitions", c -> c.cluster().storageDefinitions());
    ops.put(
        "url metadata",
        c -> c.node("pve1").queryUrlMetadata("https://example.org/noble.img", true));
    // 3. lifecycle
    ops.put("qemu suspend", c -> vm(c).suspend());
    ops.put("qemu hibernate", c -> vm(c).hibernate(StorageId.of("local-lvm")));
    ops.put("qemu resume", c -> vm(c).resume());
    ops.put("qemu reset", c -> vm(c).reset());
    ops.put("qemu pending", c -> vm(c).pending());
    ops.put("cloudinit get", c -> vm(c).cloudInit().get());
    ops.put("cloudinit regenerate", c -> vm(c).cloudInit().regenerate());
    ops.put("cloudinit dump", c -> vm(c).cloudInit().dump(QemuCloudInit.DumpType.USER));
    ops.put(
        "qemu update sshkeys",
        c ->
            vm(c)
                .updateConfig(
                    ConfigUpdate.builder()
                        .sshKeys(List.of("ssh-ed25519 AAAA me@host", "ssh-rsa BBBB you@host"))
                        .set("ciuser", "debian")
                        .build()));
    ops.put("qemu move disk", c -> vm(c).moveDisk("scsi0", StorageId.of("ceph"), true));
    ops.put("qemu unlink", c -> vm(c).unlink(List.of("unused0", "unused1"), false));
    ops.put("lxc reboot", c -> ct(c).reboot());
    ops.put("lxc suspend", c -> ct(c).suspend());
    ops.put("lxc resume", c -> ct(c).resume());
    ops.put("lxc resize", c -> ct(c).resize("rootfs", "+4G"));
    ops.put("lxc clone", c -> ct(c).clone(lxcClone()));
    ops.put("lxc template", c -> ct(c).convertToTemplate());
    ops.put("lxc pending", c -> ct(c).pending());
    ops.put("lxc move volume", c -> ct(c).moveVolume("mp0", StorageId.of("ceph"), true));
    ops.put("vmid free", c -> c.cluster().isVmIdFree(VmId.of(150)));
    // 4. OCI
    ops.put(
        "oci registry pull",
        c ->
            c.node("pve1")
                .storage("local")
                .ociRegistryPull("docker.io/library/nginx:latest", "nginx_latest.tar"));
    ops.put("oci repo tags", c -> c.node("pve1").queryOciRepoTags("docker.io/library/alpine"));
    ops.put("lxc create oci", c -> c.node("pve1").lxc().create(ociCreate()));
    // 5. migration, HA
    ops.put("qemu migrate check", c -> vm(c).migration().check(NodeName.of("pve2")));
    ops.put(
        "qemu migrate",
        c -> vm(c).migration().migrate(NodeName.of("pve2"), true, true, "local-lvm:ceph"));
    ops.put("lxc migrate", c -> ct(c).migrate(NodeName.of("pve2"), true));
    ops.put("migrate all", c -> c.node("pve1").migrateAll(NodeName.of("pve2"), 2, true));
    ops.put("ha resources", c -> c.cluster().ha().resources());
    ops.put("ha add", c -> c.cluster().ha().add("vm:100", HaApi.State.STARTED, "web tier"));
    ops.put("ha state", c -> c.cluster().ha().setState("vm:100", HaApi.State.STOPPED));
    ops.put("ha remove", c -> c.cluster().ha().remove("vm:100"));
    ops.put("ha rules", c -> c.cluster().ha().rules());
    ops.put("ha status", c -> c.cluster().ha().status());
    ops.put(
        "ha node affinity",
        c ->
            c.cluster()
                .ha()
                .createNodeAffinityRule(
                    "web-on-pve1", List.of("vm:100"), List.of("pve1:2", "pve2"), false));
    ops.put(
        "ha resource affinity",
        c ->
            c.cluster()
                .ha()
                .createResourceAffinityRule("cp-apart", List.of("vm:100", "vm:101"), false));
    ops.put("ha delete rule", c -> c.cluster().ha().deleteRule("cp-apart"));
    // 6. multi-tenancy
    ops.put(
        "pool add members",
        c ->
            c.pools()
                .addMembers(
                    "tenants",
                    List.of(VmId.of(100), VmId.of(101)),
                    List.of(StorageId.of("local-lvm")),
                    true));
    ops.put(
        "pool remove members",
        c -> c.pools().removeMembers("tenants", List.of(VmId.of(100)), List.of()));
    ops.put("pool comment", c -> c.pools().updateComment("tenants", "tenant A"));
    ops.put("acl grant", c -> c.access().grant(acl()));
    ops.put("acl revoke", c -> c.access().revoke(acl()));
    ops.put(
        "user create",
        c -> c.access().createUser("ci@pve", Secret.of("user-password"), "CI robot"));
    ops.put("user delete", c -> c.access().deleteUser("ci@pve"));
    ops.put("token create", c -> c.access().createToken("ci@pve", "deploy", true, "CAPMOX"));
    ops.put("token delete", c -> c.access().deleteToken("ci@pve", "deploy"));
    ops.put("roles", c -> c.access().roles());
    ops.put("role", c -> c.access().rolePrivileges("PVEVMAdmin"));
    ops.put(
        "role create", c -> c.access().createRole("Operator", List.of("VM.Audit", "VM.PowerMgmt")));
    ops.put("role update", c -> c.access().updateRole("Operator", List.of("VM.Console"), true));
    ops.put("role delete", c -> c.access().deleteRole("Operator"));
    // 7. snapshots
    ops.put("qemu snapshots", c -> vm(c).snapshots().list());
    ops.put("qemu snapshot", c -> vm(c).snapshots().create("pre-upgrade", "before 6.8"));
    ops.put("qemu snapshot vmstate", c -> vm(c).snapshots().createWithVmState("pre-upgrade", null));
    ops.put("qemu rollback", c -> vm(c).snapshots().rollback("pre-upgrade"));
    ops.put("qemu rollback start", c -> vm(c).snapshots().rollback("pre-upgrade", true));
    ops.put("qemu snapshot delete", c -> vm(c).snapshots().delete("pre-upgrade", false));
    ops.put("lxc snapshots", c -> ct(c).snapshots().list());
    ops.put("lxc snapshot", c -> ct(c).snapshots().create("pre-upgrade", null));
    ops.put("lxc rollback", c -> ct(c).snapshots().rollback("pre-upgrade", true));
    ops.put("lxc snapshot delete", c -> ct(c).snapshots().delete("pre-upgrade", true));
    // 7. backup and restore
    ops.put("vzdump", c -> c.node("pve1").backup(backup()));
    ops.put(
        "qemu restore",
        c -> c.node("pve1").qemu().restore(VmId.of(102), BACKUP, StorageId.of("local-lvm"), true));
    ops.put(
        "lxc restore",
        c -> c.node("pve1").lxc().restore(VmId.of(132), BACKUP, StorageId.of("local-lvm"), false));
    ops.put(
        "qemu restore unique",
        c -> c.node("pve1").qemu().restore(VmId.of(103), BACKUP, null, false, true));
    ops.put(
        "lxc restore unique",
        c -> c.node("pve1").lxc().restore(VmId.of(133), CT_BACKUP, null, false, true));
    ops.put("backup config", c -> c.node("pve1").backupConfig(BACKUP));
    ops.put("backup jobs", c -> c.cluster().backupJobs());
    ops.put("backup job", c -> c.cluster().backupJob("nightly"));
    ops.put("backup job create", c -> c.cluster().createBackupJob("nightly", "daily", backup()));
    ops.put(
        "backup job update", c -> c.cluster().updateBackupJob("nightly", "sat 02:00", backup()));
    ops.put("backup job disable", c -> c.cluster().setBackupJobEnabled("nightly", false));
    ops.put("backup job delete", c -> c.cluster().deleteBackupJob("nightly"));
    ops.put("not backed up", c -> c.cluster().guestsNotBackedUp());
    // 8. firewall
    ops.put("qemu firewall options", c -> vm(c).firewall().options());
    ops.put("qemu firewall set", c -> vm(c).firewall().setOptions(true, "DROP", "ACCEPT"));
    ops.put("qemu firewall rules", c -> vm(c).firewall().rules());
    ops.put("qemu firewall add", c -> vm(c).firewall().addRule(sshRule()));
    ops.put("qemu firewall delete", c -> vm(c).firewall().deleteRule(0));
    ops.put("lxc firewall add", c -> ct(c).firewall().addRule(sshRule()));
    ops.put("sdn zones", c -> c.cluster().sdn().zones());
    ops.put("sdn simple zone", c -> c.cluster().sdn().createSimpleZone("lab"));
    ops.put("sdn vlan zone", c -> c.cluster().sdn().createVlanZone("tenants", "vmbr0"));
    ops.put("sdn delete zone", c -> c.cluster().sdn().deleteZone("lab"));
    ops.put("sdn vnets", c -> c.cluster().sdn().vnets());
    ops.put("sdn vnet", c -> c.cluster().sdn().createVnet("tenanta", "tenants", 100));
    ops.put("sdn delete vnet", c -> c.cluster().sdn().deleteVnet("tenanta"));
    ops.put(
        "sdn subnet",
        c -> c.cluster().sdn().createSubnet("tenanta", "10.10.0.0/24", "10.10.0.1", true));
    ops.put("sdn apply", c -> c.cluster().sdn().apply());
    ops.put("cluster firewall options", c -> c.cluster().firewall().options());
    ops.put("cluster firewall set", c -> c.cluster().firewall().setOptions(true, "DROP", "ACCEPT"));
    ops.put("cluster firewall aliases", c -> c.cluster().firewall().aliases());
    ops.put(
        "cluster firewall alias",
        c -> c.cluster().firewall().createAlias("mgmt", "10.0.0.0/8", "management"));
    ops.put("cluster firewall ipset", c -> c.cluster().firewall().createIpSet("blocked", null));
    ops.put(
        "cluster firewall ipset add",
        c -> c.cluster().firewall().addToIpSet("blocked", "192.0.2.0/24", "test net"));
    ops.put("cluster firewall rules", c -> c.cluster().firewall().rules());
    ops.put("cluster firewall rule", c -> c.cluster().firewall().rule(1));
    ops.put("cluster firewall add", c -> c.cluster().firewall().addRule(sshRule()));
    ops.put("cluster firewall update", c -> c.cluster().firewall().updateRule(0, sshRule()));
    ops.put("cluster firewall move", c -> c.cluster().firewall().moveRule(0, 2));
    ops.put("cluster firewall delete", c -> c.cluster().firewall().deleteRule(1));
    ops.put("cluster firewall delete alias", c -> c.cluster().firewall().deleteAlias("mgmt"));
    ops.put("cluster firewall ipsets", c -> c.cluster().firewall().ipSets());
    ops.put("cluster firewall ipset entries", c -> c.cluster().firewall().ipSetEntries("blocked"));
    ops.put(
        "cluster firewall ipset exclude",
        c -> c.cluster().firewall().excludeFromIpSet("blocked", "192.0.2.7", null));
    ops.put(
        "cluster firewall ipset remove",
        c -> c.cluster().firewall().removeFromIpSet("blocked", "192.0.2.0/24"));
    ops.put(
        "cluster firewall delete ipset", c -> c.cluster().firewall().deleteIpSet("blocked", true));
    ops.put("lxc firewall options", c -> ct(c).firewall().options());
    ops.put("qemu firewall rule", c -> vm(c).firewall().rule(0));
    ops.put("qemu firewall update", c -> vm(c).firewall().updateRule(0, sshRule()));
    ops.put("qemu firewall move", c -> vm(c).firewall().moveRule(1, 0));
    ops.put("qemu firewall aliases", c -> vm(c).firewall().aliases());
    ops.put("qemu firewall alias", c -> vm(c).firewall().createAlias("db", "10.1.0.5", null));
    ops.put("qemu firewall ipsets", c -> vm(c).firewall().ipSets());
    ops.put("qemu firewall ipset", c -> vm(c).firewall().createIpSet("peers", "cluster peers"));
    ops.put("qemu firewall ipset add", c -> vm(c).firewall().addToIpSet("peers", "db", null));
    ops.put("sdn zones pending", c -> c.cluster().sdn().zones(SdnApi.View.PENDING));
    ops.put("sdn vnets running", c -> c.cluster().sdn().vnets(SdnApi.View.RUNNING));
    ops.put("sdn vnet tag", c -> c.cluster().sdn().setVnetTag("tenanta", 200));
    ops.put("sdn subnets", c -> c.cluster().sdn().subnets("tenanta"));
    ops.put("sdn subnets pending", c -> c.cluster().sdn().subnets("tenanta", SdnApi.View.PENDING));
    ops.put(
        "sdn delete subnet",
        c -> c.cluster().sdn().deleteSubnet("tenanta", "tenants-10.10.0.0-24"));
    ops.put("ha resource", c -> c.cluster().ha().resource("vm:100"));
    ops.put(
        "cluster firewall update alias",
        c -> c.cluster().firewall().updateAlias("mgmt", "10.0.0.0/16", null));
    ops.put(
        "cluster firewall ipset entry update",
        c -> c.cluster().firewall().updateIpSetEntry("blocked", "192.0.2.0/24", "lab", true));
    ops.put("sdn qinq zone", c -> c.cluster().sdn().createQinqZone("carrier", "vmbr1", 300));
    ops.put(
        "sdn vxlan zone",
        c -> c.cluster().sdn().createVxlanZone("overlay", List.of("10.0.0.1", "10.0.0.2")));
    // 9. consoles
    ops.put("qemu vncproxy", c -> vm(c).vncProxy());
    ops.put("qemu termproxy", c -> vm(c).termProxy());
    ops.put("lxc vncproxy", c -> ct(c).vncProxy());
    ops.put("lxc termproxy", c -> ct(c).termProxy());
    ops.put("node termproxy", c -> c.node("pve1").termProxy());
    ops.put("node vncshell", c -> c.node("pve1").vncShell());
    // 10. metrics
    ops.put(
        "node rrddata",
        c -> c.node("pve1").rrdData(RrdPoint.Timeframe.HOUR, RrdPoint.Consolidation.AVERAGE));
    ops.put("qemu rrddata", c -> vm(c).rrdData(RrdPoint.Timeframe.DAY, RrdPoint.Consolidation.MAX));
    ops.put(
        "lxc rrddata", c -> ct(c).rrdData(RrdPoint.Timeframe.WEEK, RrdPoint.Consolidation.AVERAGE));
    ops.put("cluster log", c -> c.cluster().log(50));
    return ops;
  }

  static final String BACKUP = "local:backup/vzdump-qemu-101-2026_12_07-10_00_00.vma.zst";
  static final String CT_BACKUP = "local:backup/vzdump-lxc-130-2026_12_07-10_00_00.tar.zst";

  static BackupRequest backup() {
    return BackupRequest.builder()
        .addVmIds(VmId.of(101), VmId.of(102))
        .storage(StorageId.of("local"))
        .mode(BackupRequest.Mode.SNAPSHOT)
        .compress("zstd")
        .notesTemplate("{{guestname}}")
        .protect(true)
        .build();
  }

  static FirewallRule sshRule() {
    return FirewallRule.builder()
        .type("in")
        .action("ACCEPT")
        .proto("tcp")
        .dport("22")
        .source("10.0.0.0/8")
        .comment("ssh")
        .build();
  }

  static AclEntry acl() {
    return AclEntry.builder()
        .path("/pool/tenants")
        .addRoles("PVEVMAdmin")
        .addUsers("ci@pve")
        .addTokens("ci@pve!deploy")
        .build();
  }

  static CloneRequest lxcClone() {
    return CloneRequest.builder()
        .newId(VmId.of(131))
        .name("cache-2")
        .full(true)
        .targetNode(NodeName.of("pve2"))
        .targetStorage(StorageId.of("local-lvm"))
        .pool("tenants")
        .build();
  }

  private static QemuVm vm(ProxmoxClient c) {
    return c.node("pve1").qemu().vm(100);
  }

  private static LxcContainer ct(ProxmoxClient c) {
    return c.node("pve1").lxc().container(130);
  }

  private static StorageVolume volume(ProxmoxClient c) {
    return c.node("pve1").storage("local-lvm").volume("local-lvm:vm-100-disk-1");
  }
}
