package io.pvekit.proxmox.simulator.internal.state;

/**
 * One volume on a storage.
 *
 * @param storage the storage id
 * @param name the name inside the storage ({@code vm-100-disk-0}, {@code iso/x.iso})
 * @param content {@code images}, {@code rootdir}, {@code iso}, {@code vztmpl}, {@code backup} or
 *     {@code import}
 * @param format {@code raw}, {@code iso}, {@code tar.zst}, ...
 * @param size bytes
 * @param vmid the owning guest, or 0
 * @param ctime creation time, unix seconds
 * @param parent the base volume of a linked clone, or null
 */
public record Volume(
    String storage,
    String name,
    String content,
    String format,
    long size,
    int vmid,
    long ctime,
    String parent) {

  /** The volume id, {@code storage:name}. */
  public String volid() {
    return storage + ":" + name;
  }

  /** The same volume with another size. */
  public Volume withSize(long newSize) {
    return new Volume(storage, name, content, format, newSize, vmid, ctime, parent);
  }
}
