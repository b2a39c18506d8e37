package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/** {@code GET /nodes/{node}/query-url-metadata}: what the node sees at a URL before downloading. */
@Value.Immutable
public interface UrlMetadata {
  /** The file name the server suggests (or the URL's last segment). */
  Optional<String> filename();

  /** The size in bytes, when the server says. */
  Optional<Long> size();

  /** The content type, when the server says. */
  Optional<String> mimetype();
}
