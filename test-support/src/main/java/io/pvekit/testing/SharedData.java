package io.pvekit.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates {@code ../shared/upstream}: the upstream CRDs, the Proxmox VE API schema and recorded
 * responses. Tests read it in place; its data is never copied into the project.
 */
public final class SharedData {
  private SharedData() {}

  /** The {@code upstream} directory, if this machine has it. */
  public static Optional<Path> findUpstream() {
    String env = System.getenv("PVEKIT_SHARED_DIR");
    if (env != null && Files.isDirectory(Path.of(env, "upstream"))) {
      return Optional.of(Path.of(env, "upstream").toAbsolutePath().normalize());
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve("upstream");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate.normalize());
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /**
   * A path inside {@code upstream}. Call it from a test annotated with
   * {@code @Requires(SHARED_UPSTREAM)}; without the data this throws with the reason.
   */
  public static Path upstream(String relative) {
    Path base =
        findUpstream()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "shared/upstream not found; annotate the test with"
                            + " @Requires(Prerequisite.SHARED_UPSTREAM)"));
    Path resolved = base.resolve(relative).normalize();
    if (!Files.exists(resolved)) {
      throw new IllegalStateException("not in shared/upstream: " + relative);
    }
    return resolved;
  }
}
