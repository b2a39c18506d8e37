package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code GET .../agent/get-osinfo}: the guest's operating system, as the agent reports it. */
@Value.Immutable
public interface GuestOsInfo {
  /** E.g. {@code debian}, {@code mswindows}. */
  Optional<String> id();

  /** E.g. {@code Debian GNU/Linux}. */
  Optional<String> name();

  /** E.g. {@code Debian GNU/Linux 12 (bookworm)}. */
  Optional<String> prettyName();

  /** E.g. {@code 12}. */
  Optional<String> versionId();

  /** The kernel release, e.g. {@code 6.1.0-18-amd64}. */
  Optional<String> kernelRelease();

  /** E.g. {@code x86_64}. */
  Optional<String> machine();

  /** The {@code result} object as received. */
  @Value.Auxiliary
  JsonNode raw();
}
