package io.pvekit.proxmox.simulator.internal.state;

import java.util.Map;

/**
 * One snapshot of a guest: the config it restores and its place in the snapshot tree.
 *
 * @param name the snapshot name
 * @param description its description (may be empty)
 * @param snaptime when it was taken (unix seconds)
 * @param vmstate whether QEMU's RAM was saved with it
 * @param parent the snapshot it was taken after, or null
 * @param config the guest's config at that time (without {@code parent} and {@code lock})
 */
public record Snapshot(
    String name,
    String description,
    long snaptime,
    boolean vmstate,
    String parent,
    Map<String, String> config) {

  /** The same snapshot with another description. */
  public Snapshot withDescription(String text) {
    return new Snapshot(name, text, snaptime, vmstate, parent, config);
  }

  /** The same snapshot below another parent (its own parent was deleted). */
  public Snapshot withParent(String newParent) {
    return new Snapshot(name, description, snaptime, vmstate, newParent, config);
  }
}
