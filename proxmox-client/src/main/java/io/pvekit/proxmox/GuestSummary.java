package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One VM of {@code GET /nodes/{node}/qemu} or container of {@code GET /nodes/{node}/lxc}, and the
 * answer of {@code .../status/current}.
 */
@Value.Immutable
public interface GuestSummary {
  VmId vmid();

  Optional<String> name();

  /** {@code running} or {@code stopped}. */
  String status();

  /** QEMU only: the QMP status, e.g. {@code running}, {@code paused}. */
  Optional<String> qmpStatus();

  boolean template();

  Optional<String> lock();

  Optional<Double> cpu();

  Optional<Double> cpus();

  Optional<Long> mem();

  Optional<Long> maxMem();

  Optional<Long> maxDisk();

  Optional<Long> uptime();

  Optional<Long> pid();

  List<String> tags();

  /** Everything the server sent. */
  @Value.Auxiliary
  JsonNode raw();

  /** Whether the guest is running. */
  @Value.Derived
  default boolean isRunning() {
    return status().equals("running");
  }
}
