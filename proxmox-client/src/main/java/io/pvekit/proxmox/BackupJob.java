package io.pvekit.proxmox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One scheduled backup job of {@code GET /cluster/backup} (a {@code vzdump} entry of jobs.cfg). */
@Value.Immutable
public interface BackupJob {
  /** E.g. {@code backup-1a2b3c4d-5e6f}. */
  String id();

  /** A systemd-like calendar event, e.g. {@code daily} or {@code sat 02:00}. */
  Optional<String> schedule();

  boolean enabled();

  /** The guests it backs up when it names them. */
  List<VmId> vmIds();

  /** Whether it backs up every guest (minus {@link #excluded()}). */
  boolean all();

  /** Guests left out of an {@code all} job. */
  List<VmId> excluded();

  /** The pool whose guests it backs up. */
  Optional<String> pool();

  Optional<StorageId> storage();

  /** {@code snapshot}, {@code suspend} or {@code stop}. */
  Optional<String> mode();

  /** {@code zstd}, {@code gzip}, {@code lzo} or {@code 0}. */
  Optional<String> compress();

  Optional<String> notesTemplate();

  Optional<String> comment();

  /** When the scheduler runs it next (enabled jobs only). */
  Optional<Instant> nextRun();
}
