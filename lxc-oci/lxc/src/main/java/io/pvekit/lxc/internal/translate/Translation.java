package io.pvekit.lxc.internal.translate;

import io.pvekit.lxc.Explanation;
import io.pvekit.lxc.Explanation.Outcome;
import io.pvekit.lxc.LxcConfig;
import io.pvekit.lxc.TranslationOptions;
import io.pvekit.oci.OciSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one translation: the LXC lines so far, the side files, and a mapping for every field
 * visited. Mappers record each field through {@link #field(String, Object)}, so a field either
 * produced lines or has a reason; nothing is dropped without a trace.
 */
public final class Translation {
  private final OciSpec spec;
  private final TranslationOptions options;
  private final List<LxcConfig.Entry> entries = new ArrayList<>();
  private final Map<Path, String> sideFiles = new LinkedHashMap<>();
  private final List<Explanation.FieldMapping> mappings = new ArrayList<>();
  private final List<LxcConfig.MountPoint> mountPoints = new ArrayList<>();
  private Optional<Path> rootfs = Optional.empty();
  private ContainerFs containerFs = new ContainerFs(Optional.empty());
  private final Set<String> markers = new HashSet<>();

  Translation(OciSpec spec, TranslationOptions options) {
    this.spec = spec;
    this.options = options;
  }

  OciSpec spec() {
    return spec;
  }

  TranslationOptions options() {
    return options;
  }

  /** Starts the record of one field. */
  Field field(String path, Object value) {
    return new Field(path, Values.display(value));
  }

  /** True the first time it is asked for a marker (for lines written once). */
  boolean firstTime(String marker) {
    return markers.add(marker);
  }

  /** Whether a field that has ended wrote a line with this key. */
  boolean written(String key) {
    return entries.stream().anyMatch(e -> e.key().equals(key));
  }

  void sideFile(Path path, String content) {
    sideFiles.put(path, content);
  }

  void mountPoint(String path, boolean directory) {
    mountPoints.add(LxcConfig.MountPoint.of(path, directory));
  }

  void rootfs(Path path) {
    rootfs = Optional.of(path);
    containerFs = new ContainerFs(rootfs);
  }

  /** The container's tree: the rootfs and the mounts mapped so far. */
  ContainerFs fs() {
    return containerFs;
  }

  Optional<Path> rootfs() {
    return rootfs;
  }

  Explanation finish() {
    Explanation.Builder explanation = Explanation.builder().addAllMappings(mappings);
    if (mappings.stream().noneMatch(m -> m.outcome() == Outcome.REFUSED)) {
      explanation.config(
          LxcConfig.builder()
              .addAllEntries(entries)
              .putAllSideFiles(sideFiles)
              .rootfs(rootfs)
              .addAllMountPoints(mountPoints)
              .build());
    }
    return explanation.build();
  }

  /** The record of one field: lines it produces and how it ends. */
  final class Field {
    private final String path;
    private final String value;
    private final List<LxcConfig.Entry> lines = new ArrayList<>();
    private Optional<String> unwritable = Optional.empty();

    private Field(String path, String value) {
      this.path = path;
      this.value = value;
    }

    /** Adds a line; a value no LXC line can hold makes the field refused when it ends. */
    Field line(String key, Object lineValue) {
      try {
        lines.add(LxcConfig.Entry.of(key, String.valueOf(lineValue)));
      } catch (IllegalArgumentException e) {
        unwritable = Optional.of(e.getMessage());
      }
      return this;
    }

    boolean hasLines() {
      return !lines.isEmpty();
    }

    void mapped() {
      end(Outcome.MAPPED, "");
    }

    void mapped(String note) {
      end(Outcome.MAPPED, note);
    }

    void approximated(String note) {
      end(Outcome.APPROXIMATED, note);
    }

    void runtime(String note) {
      end(Outcome.RUNTIME, note);
    }

    void ignored(String note) {
      end(Outcome.IGNORED, note);
    }

    void refused(String note) {
      lines.clear();
      end(Outcome.REFUSED, note);
    }

    private void end(Outcome outcome, String note) {
      if (unwritable.isPresent() && outcome != Outcome.REFUSED) {
        lines.clear();
        outcome = Outcome.REFUSED;
        note = unwritable.get();
      }
      List<String> rendered = new ArrayList<>();
      for (LxcConfig.Entry line : lines) {
        rendered.add(line.render());
      }
      entries.addAll(lines);
      mappings.add(
          Explanation.FieldMapping.builder()
              .field(path)
              .value(value)
              .outcome(outcome)
              .addAllLxcLines(rendered)
              .note(note)
              .build());
    }
  }
}
