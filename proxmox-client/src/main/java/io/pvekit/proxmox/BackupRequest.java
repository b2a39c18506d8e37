package io.pvekit.proxmox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A {@code POST /nodes/{node}/vzdump} backup of guests of that node.
 *
 * <pre>{@code
 * BackupRequest.builder().addVmIds(VmId.of(101)).storage(StorageId.of("pbs")).mode(BackupRequest.Mode.SNAPSHOT).build();
 * }</pre>
 */
@Value.Immutable
public abstract class BackupRequest {
  BackupRequest() {}

  /** How the guest is kept consistent during the backup. */
  public enum Mode {
    /** Live, from a snapshot. */
    SNAPSHOT,
    /** Suspended during the copy. */
    SUSPEND,
    /** Stopped during the copy. */
    STOP
  }

  /** The guests to back up. */
  public abstract List<VmId> vmIds();

  /** Where the backup goes (a storage with content {@code backup}). */
  public abstract Optional<StorageId> storage();

  public abstract Optional<Mode> mode();

  /** {@code zstd}, {@code gzip}, {@code lzo}, or {@code 0} for none. */
  public abstract Optional<String> compress();

  /** The backup's notes, with {@code {{guestname}}} and the like. */
  public abstract Optional<String> notesTemplate();

  /** Protect the backup from pruning and removal. */
  public abstract Optional<Boolean> protect();

  @Value.Check
  void check() {
    if (vmIds().isEmpty()) {
      throw new IllegalArgumentException("vmIds: name at least one guest to back up");
    }
    compress()
        .filter(c -> !c.matches("0|1|gzip|lzo|zstd"))
        .ifPresent(
            c -> {
              throw new IllegalArgumentException(
                  "compress: '" + c + "' must be zstd, gzip, lzo, 1 or 0");
            });
  }

  Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("vmid", vmIds().stream().map(VmId::toString).collect(Collectors.joining(",")));
    storage().ifPresent(v -> p.put("storage", v));
    mode().ifPresent(v -> p.put("mode", v.name().toLowerCase(Locale.ROOT)));
    compress().ifPresent(v -> p.put("compress", v));
    notesTemplate().ifPresent(v -> p.put("notes-template", v));
    protect().ifPresent(v -> p.put("protected", v));
    return p;
  }

  /**
   * A builder; at least one VMID is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BackupRequest}. */
  public static final class Builder extends ImmutableBackupRequest.Builder {
    Builder() {}
  }
}
