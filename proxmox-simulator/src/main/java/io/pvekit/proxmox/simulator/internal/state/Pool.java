package io.pvekit.proxmox.simulator.internal.state;

import java.util.Set;
import java.util.TreeSet;

/** A resource pool: guests and storages grouped for permissions. */
public final class Pool {
  private final String id;
  private String comment;
  private final Set<Integer> vms = new TreeSet<>();
  private final Set<String> storages = new TreeSet<>();

  public Pool(String id, String comment) {
    this.id = id;
    this.comment = comment;
  }

  public String id() {
    return id;
  }

  public String comment() {
    return comment;
  }

  public void comment(String newComment) {
    this.comment = newComment;
  }

  public Set<Integer> vms() {
    return vms;
  }

  public Set<String> storages() {
    return storages;
  }
}
