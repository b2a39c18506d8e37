package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code GET /nodes/{node}/status}. {@link #raw()} has everything the server sent. */
@Value.Immutable
public interface NodeStatus {
  Optional<Long> uptime();

  Optional<Double> cpu();

  /** Logical CPUs ({@code cpuinfo.cpus}). */
  Optional<Long> cpus();

  Optional<Long> memoryTotal();

  Optional<Long> memoryUsed();

  Optional<Long> memoryFree();

  /** 1, 5 and 15 minute load averages (PVE sends them as strings). */
  List<Double> loadAverage();

  /** E.g. {@code pve-manager/9.1.3/...}. */
  Optional<String> pveVersion();

  Optional<String> kernelVersion();

  @Value.Auxiliary
  JsonNode raw();
}
