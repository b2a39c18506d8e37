package io.pvekit.checks.internal.platform;

import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckOutcome;
import io.pvekit.checks.Evidence;
import io.pvekit.proxmox.StorageStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Proxmox storage and template checks. */
final class ProxmoxStorage {
  private ProxmoxStorage() {}

  static CheckOutcome storageActive(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Map.Entry<String, List<StorageStatus>> node : Pve.storages(c).entrySet()) {
      for (StorageStatus s : node.getValue()) {
        if (s.enabled()) {
          out.check(
              s.active(),
              "storage " + node.getKey() + "/" + s.storage().value(),
              s.active() ? "active (" + s.type() + ")" : "enabled but not active");
        }
      }
    }
    return out.failIfAny(out.size() + " storages are active", "%d enabled storages are not active");
  }

  static CheckOutcome storageFree(CheckContext c) throws Exception {
    int min = c.settings().minimumFreeStoragePercent();
    CheckOutcome.Collector fails = CheckOutcome.collect();
    int warnings = 0;
    for (Map.Entry<String, List<StorageStatus>> node : Pve.storages(c).entrySet()) {
      for (StorageStatus s : node.getValue()) {
        if (!s.active() || s.total().orElse(0L) == 0) {
          continue;
        }
        long free =
            s.available().orElse(s.total().get() - s.used().orElse(0L)) * 100 / s.total().get();
        String subject = "storage " + node.getKey() + "/" + s.storage().value();
        if (free < min) {
          fails.problem(subject, free + "% free, below " + min + "%");
        } else {
          fails.ok(subject, free + "% free");
          warnings += free < 2 * min ? 1 : 0;
        }
      }
    }
    CheckOutcome outcome =
        fails.failIfAny(
            "every storage has at least " + 2 * min + "% free", "%d storages are nearly full");
    if (outcome.status() == io.pvekit.checks.CheckStatus.PASS && warnings > 0) {
      return CheckOutcome.of(
          io.pvekit.checks.CheckStatus.WARN,
          warnings + " storages have less than " + 2 * min + "% free",
          outcome.evidence());
    }
    return outcome;
  }

  static CheckOutcome imageStorage(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Map.Entry<String, List<StorageStatus>> node : Pve.storages(c).entrySet()) {
      List<String> holding =
          node.getValue().stream()
              .filter(s -> s.active() && s.content().contains("images"))
              .map(s -> s.storage().value())
              .toList();
      out.check(
          !holding.isEmpty(),
          "node " + node.getKey(),
          holding.isEmpty() ? "no active storage for images" : "images on " + holding);
    }
    return out.failIfAny(
        "every node has a storage for VM disks", "%d nodes have no storage for VM disks");
  }

  static CheckOutcome vmTemplates(CheckContext c) throws Exception {
    Set<String> templates =
        Pve.guests(c).stream()
            .filter(r -> r.template() && r.type().equals("qemu"))
            .map(r -> r.name().orElse(r.vmid().map(String::valueOf).orElse("?")))
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    List<String> wanted = c.settings().vmTemplates();
    if (wanted.isEmpty()) {
      return templates.isEmpty()
          ? CheckOutcome.fail("no QEMU template exists", Evidence.problem("templates", "none"))
          : CheckOutcome.pass(
              templates.size() + " QEMU templates", Evidence.ok("templates", templates.toString()));
    }
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (String name : wanted) {
      out.check(
          templates.contains(name),
          "template " + name,
          templates.contains(name) ? "present" : "missing");
    }
    return out.failIfAny("every required template exists", "%d required templates are missing");
  }
}
