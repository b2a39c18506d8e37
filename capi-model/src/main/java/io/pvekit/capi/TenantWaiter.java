package io.pvekit.capi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Polls a tenant's health until a condition holds, reporting progress once per transition. */
final class TenantWaiter {
  private final TenantStatusReader reader;
  private final Duration pollInterval;
  private final Clock clock;

  TenantWaiter(TenantStatusReader reader, Duration pollInterval, Clock clock) {
    this.reader = reader;
    this.pollInterval = pollInterval;
    this.clock = clock;
  }

  HealthSummary waitFor(
      TenantRef ref,
      Duration timeout,
      Consumer<TenantEvent> events,
      Predicate<HealthSummary> done,
      String what) {
    Instant deadline = clock.instant().plus(timeout);
    Set<String> seen = new HashSet<>();
    while (true) {
      HealthSummary h = reader.read(ref);
      report(ref, h, seen, events);
      if (!h.failedMachines().isEmpty()) {
        HealthSummary.MachineHealth m = h.failedMachines().get(0);
        throw new TenantClusterException.ProvisioningFailed(
            "tenant "
                + ref
                + ": machine "
                + m.name()
                + " failed ("
                + m.message()
                + "); fix the cause (template, storage, quota on Proxmox) and delete the machine"
                + " so Cluster API recreates it",
            h);
      }
      if (done.test(h)) {
        if (seen.add("ready")) {
          events.accept(
              new TenantEvent(
                  TenantEvent.Type.CLUSTER_READY, ref, ref.name(), "tenant is " + what));
        }
        return h;
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new TenantClusterException.Timeout(
            "tenant " + ref + " not " + what + " after " + timeout + ": " + pending(h), h);
      }
      sleep();
    }
  }

  private static void report(
      TenantRef ref, HealthSummary h, Set<String> seen, Consumer<TenantEvent> events) {
    if (h.controlPlaneReady() && seen.add("cp:" + h.controlPlaneVersion())) {
      events.accept(
          new TenantEvent(
              TenantEvent.Type.CONTROL_PLANE_READY,
              ref,
              ref.name(),
              "control plane ready at " + h.controlPlaneVersion()));
    }
    for (HealthSummary.MachineHealth m : h.machines()) {
      if (!m.providerID().isEmpty() && seen.add("vm:" + m.name())) {
        events.accept(
            new TenantEvent(
                TenantEvent.Type.MACHINE_PROVISIONED, ref, m.name(), "VM " + m.providerID()));
      }
      if (!m.nodeName().isEmpty() && m.ready() && seen.add("node:" + m.name())) {
        events.accept(
            new TenantEvent(
                TenantEvent.Type.NODE_JOINED, ref, m.nodeName(), "node joined at " + m.version()));
      }
      if (m.failed() && seen.add("failed:" + m.name())) {
        events.accept(new TenantEvent(TenantEvent.Type.MACHINE_FAILED, ref, m.name(), m.message()));
      }
    }
  }

  private static String pending(HealthSummary h) {
    if (!h.exists()) {
      return "it does not exist";
    }
    List<String> parts = new ArrayList<>();
    if (!h.controlPlaneReady()) {
      parts.add("control plane not ready");
    }
    if (!h.infrastructureReady()) {
      parts.add("ProxmoxCluster not provisioned");
    }
    h.pools().stream()
        .filter(p -> !p.complete())
        .forEach(p -> parts.add(p.name() + " " + p.ready() + "/" + p.desired() + " ready"));
    h.machines().stream()
        .filter(m -> !m.ready())
        .forEach(m -> parts.add("machine " + m.name() + " " + m.phase() + " " + m.message()));
    return String.join("; ", parts);
  }

  private void sleep() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TenantClusterException("interrupted while waiting", null, e);
    }
  }
}
