package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.Optional;

/**
 * {@code /nodes/{node}/storage/{storage}/content/{volume}}: one volume (disk image, ISO, template,
 * backup) by its volume id.
 *
 * <pre>{@code
 * StorageVolume disk = client.node("pve1").storage("local-lvm").volume("local-lvm:vm-101-disk-1");
 * disk.info().size();
 * disk.delete().ifPresent(t -> t.await(Duration.ofMinutes(1)));
 * }</pre>
 */
public final class StorageVolume {
  private static final String PATH = "/nodes/{node}/storage/{storage}/content/{volume}";

  private final Transport transport;
  private final NodeName node;
  private final StorageId storage;
  private final String volume;

  StorageVolume(Transport transport, NodeName node, StorageId storage, String volume) {
    if (volume == null || volume.isBlank()) {
      throw new IllegalArgumentException("volume: give a volume id like local-lvm:vm-100-disk-0");
    }
    this.transport = transport;
    this.node = node;
    this.storage = storage;
    this.volume = volume;
  }

  /**
   * The volume id.
   *
   * @return e.g. {@code local-lvm:vm-100-disk-0}
   */
  public String volume() {
    return volume;
  }

  private ApiCall at(ApiCall call) {
    return call.path("node", node).path("storage", storage).path("volume", volume);
  }

  /**
   * {@code GET}: the volume's path, size, format, notes and protection.
   *
   * @return its attributes
   * @throws ProxmoxNotFoundException if it does not exist
   */
  public VolumeInfo info() {
    return transport.decode(
        at(ApiCall.get(PATH)),
        d -> {
          Ergonomics.object(d, "volume");
          return ImmutableVolumeInfo.builder()
              .path(Json.text(d, "path"))
              .size(Json.integer(d, "size"))
              .used(Json.integer(d, "used"))
              .format(Json.text(d, "format"))
              .notes(Json.text(d, "notes"))
              .isProtected(Json.flag(d, "protected"))
              .build();
        });
  }

  /**
   * {@code PUT}: sets the notes.
   *
   * @param notes the new notes; empty removes them
   */
  public void updateNotes(String notes) {
    transport.call(at(ApiCall.put(PATH)).param("notes", notes));
  }

  /**
   * {@code PUT}: protects the volume from removal, or lifts that.
   *
   * @param protect whether to protect it
   */
  public void setProtected(boolean protect) {
    transport.call(at(ApiCall.put(PATH)).param("protected", protect));
  }

  /**
   * {@code DELETE}: removes the volume. A disk still in a guest's config is refused: detach it
   * first (it becomes {@code unusedN}) or use {@link QemuVm#unlink}.
   *
   * @return the {@code imgdel} task; empty when the server removed it synchronously
   */
  public Optional<Task> delete() {
    return transport.decode(
        at(ApiCall.delete(PATH)),
        d -> Ergonomics.optionalTask(transport, d, "delete volume " + volume));
  }
}
