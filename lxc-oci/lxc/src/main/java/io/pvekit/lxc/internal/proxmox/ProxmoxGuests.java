package io.pvekit.lxc.internal.proxmox;

import io.pvekit.lxc.ContainerStatus;
import io.pvekit.lxc.ProxmoxBackend;
import io.pvekit.lxc.internal.runtime.ContainerId;
import io.pvekit.lxc.internal.runtime.ContainerRecord;
import io.pvekit.proxmox.GuestSummary;
import io.pvekit.proxmox.LxcContainer;
import io.pvekit.proxmox.ProxmoxException;
import io.pvekit.proxmox.ProxmoxNotFoundException;

/**
 * The Proxmox guest behind each container record of {@link ProxmoxEngine}: where it is (the node
 * and VMID the record's backend section keeps), what state it is in, and its removal.
 */
final class ProxmoxGuests {
  private final ProxmoxBackend backend;

  ProxmoxGuests(ProxmoxBackend backend) {
    this.backend = backend;
  }

  /** Deletes the guest behind a record, if it was created and is still there. */
  void remove(ContainerRecord record) {
    if (vmid(record) <= 0) {
      return;
    }
    try {
      guest(record).delete(true, true, false).await(backend.taskTimeout());
    } catch (ProxmoxNotFoundException e) {
      // never created, or already gone
    }
  }

  /** What Proxmox says of the guest now, in OCI terms. */
  record Live(ContainerStatus status, long pid) {}

  /** The guest's state: the record's own before start and after stop, else Proxmox's. */
  Live live(ContainerRecord record) {
    if (record.status == ContainerStatus.CREATING || record.status == ContainerStatus.STOPPED) {
      return new Live(record.status, 0);
    }
    GuestSummary summary;
    try {
      summary = guest(record).status();
    } catch (ProxmoxNotFoundException e) {
      return new Live(ContainerStatus.STOPPED, 0);
    } catch (ProxmoxException e) {
      throw ProxmoxEngine.failure(
          ContainerId.of(record.id), "read the status of CT " + vmid(record), e);
    }
    boolean running = summary.status().equals("running");
    if (record.status == ContainerStatus.CREATED) {
      return new Live(running ? ContainerStatus.RUNNING : ContainerStatus.CREATED, 0);
    }
    return running
        ? new Live(ContainerStatus.RUNNING, summary.pid().orElse(0L))
        : new Live(ContainerStatus.STOPPED, 0);
  }

  /** The Proxmox guest behind a record. */
  LxcContainer guest(ContainerRecord record) {
    return backend.client().node(node(record)).lxc().container(vmid(record));
  }

  /** The Proxmox guest's id, kept in the shared record's backend section (0 before create). */
  static int vmid(ContainerRecord record) {
    return Integer.parseInt(record.backend.getOrDefault("vmid", "0"));
  }

  static String node(ContainerRecord record) {
    return record.backend.getOrDefault("node", "");
  }

  static String template(ContainerRecord record) {
    return record.backend.getOrDefault("template", "");
  }
}
