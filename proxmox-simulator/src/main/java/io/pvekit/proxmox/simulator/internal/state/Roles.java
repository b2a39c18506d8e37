package io.pvekit.proxmox.simulator.internal.state;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** PVE 9's privileges and built-in roles. */
public final class Roles {
  /** Every privilege PVE 9 knows. */
  public static final List<String> ALL_PRIVILEGES =
      List.of(
          "Datastore.Allocate",
          "Datastore.AllocateSpace",
          "Datastore.AllocateTemplate",
          "Datastore.Audit",
          "Group.Allocate",
          "Mapping.Audit",
          "Mapping.Modify",
          "Mapping.Use",
          "Permissions.Modify",
          "Pool.Allocate",
          "Pool.Audit",
          "Realm.Allocate",
          "Realm.AllocateUser",
          "SDN.Allocate",
          "SDN.Audit",
          "SDN.Use",
          "Sys.AccessNetwork",
          "Sys.Audit",
          "Sys.Console",
          "Sys.Incoming",
          "Sys.Modify",
          "Sys.PowerMgmt",
          "Sys.Syslog",
          "User.Modify",
          "VM.Allocate",
          "VM.Audit",
          "VM.Backup",
          "VM.Clone",
          "VM.Config.CDROM",
          "VM.Config.CPU",
          "VM.Config.Cloudinit",
          "VM.Config.Disk",
          "VM.Config.HWType",
          "VM.Config.Memory",
          "VM.Config.Network",
          "VM.Config.Options",
          "VM.Console",
          "VM.GuestAgent.Audit",
          "VM.GuestAgent.FileRead",
          "VM.GuestAgent.FileSystemMgmt",
          "VM.GuestAgent.FileWrite",
          "VM.GuestAgent.Unrestricted",
          "VM.Migrate",
          "VM.PowerMgmt",
          "VM.Replicate",
          "VM.Snapshot",
          "VM.Snapshot.Rollback");

  private static final Map<String, Set<String>> BUILT_IN = builtIn();

  private Roles() {}

  /** The privileges of a built-in role, or null when there is no such role. */
  public static Set<String> privileges(String role) {
    return BUILT_IN.get(role);
  }

  /** The names of the built-in roles. */
  public static Set<String> names() {
    return BUILT_IN.keySet();
  }

  private static Map<String, Set<String>> builtIn() {
    Map<String, Set<String>> roles = new TreeMap<>();
    roles.put("Administrator", Set.copyOf(ALL_PRIVILEGES));
    roles.put("NoAccess", Set.of());
    roles.put(
        "PVEAdmin",
        without(
            ALL_PRIVILEGES,
            "Sys.PowerMgmt",
            "Sys.Modify",
            "Realm.Allocate",
            "Permissions.Modify",
            "Sys.Incoming"));
    roles.put("PVEAuditor", with(p -> p.endsWith(".Audit")));
    roles.put("PVEVMAdmin", with(p -> p.startsWith("VM.")));
    roles.put(
        "PVEVMUser",
        Set.of(
            "VM.Audit",
            "VM.Backup",
            "VM.Config.CDROM",
            "VM.Config.Cloudinit",
            "VM.Console",
            "VM.PowerMgmt",
            "VM.GuestAgent.Audit"));
    roles.put("PVETemplateUser", Set.of("VM.Audit", "VM.Clone"));
    roles.put("PVEDatastoreAdmin", with(p -> p.startsWith("Datastore.")));
    roles.put("PVEDatastoreUser", Set.of("Datastore.AllocateSpace", "Datastore.Audit"));
    roles.put("PVEPoolAdmin", Set.of("Pool.Allocate", "Pool.Audit"));
    roles.put("PVEPoolUser", Set.of("Pool.Audit"));
    roles.put(
        "PVESysAdmin",
        Set.of(
            "Sys.AccessNetwork",
            "Sys.Audit",
            "Sys.Console",
            "Sys.Syslog",
            "Permissions.Modify",
            "Pool.Audit",
            "Datastore.Audit"));
    roles.put("PVEUserAdmin", Set.of("User.Modify", "Group.Allocate", "Realm.AllocateUser"));
    roles.put("PVESDNAdmin", with(p -> p.startsWith("SDN.")));
    roles.put("PVESDNUser", Set.of("SDN.Audit", "SDN.Use"));
    roles.put("PVEMappingAdmin", with(p -> p.startsWith("Mapping.")));
    roles.put("PVEMappingUser", Set.of("Mapping.Audit", "Mapping.Use"));
    return roles;
  }

  private static Set<String> with(java.util.function.Predicate<String> filter) {
    return ALL_PRIVILEGES.stream().filter(filter).collect(Collectors.toUnmodifiableSet());
  }

  private static Set<String> without(List<String> all, String... removed) {
    Set<String> result = new LinkedHashSet<>(all);
    result.removeAll(List.of(removed));
    return Set.copyOf(result);
  }
}
