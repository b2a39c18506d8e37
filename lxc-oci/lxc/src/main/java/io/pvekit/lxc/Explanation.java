package io.pvekit.lxc;

import io.pvekit.oci.OciSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * For each field of a {@code config.json}, what it became in the LXC configuration, or why it was
 * refused. Made by {@link LxcTranslator#explain(OciSpec, TranslationOptions)}.
 */
@Value.Immutable
public interface Explanation {
  /** One mapping per field, in the order the translator visited them. */
  List<FieldMapping> mappings();

  /** The configuration, when nothing was refused. */
  Optional<LxcConfig> config();

  /**
   * The refused fields.
   *
   * @return the mappings whose outcome is {@link Outcome#REFUSED}
   */
  default List<FieldMapping> refused() {
    return mappings().stream()
        .filter(m -> m.outcome() == Outcome.REFUSED)
        .collect(Collectors.toList());
  }

  /**
   * The mapping of one field.
   *
   * @param field a JSON path such as {@code $.process.cwd}
   * @return the mapping, if the field was present
   */
  default Optional<FieldMapping> mappingOf(String field) {
    return mappings().stream().filter(m -> m.field().equals(field)).findFirst();
  }

  /**
   * A text report: one block per field with its outcome, the LXC lines and the note.
   *
   * @return the report
   */
  default String render() {
    StringBuilder text = new StringBuilder();
    for (FieldMapping m : mappings()) {
      text.append(String.format("%-10s %s", m.outcome(), m.field()));
      if (!m.value().isEmpty()) {
        text.append(" = ").append(m.value());
      }
      text.append('\n');
      for (String line : m.lxcLines()) {
        text.append("             -> ").append(line).append('\n');
      }
      if (!m.note().isEmpty()) {
        text.append("             (").append(m.note()).append(")\n");
      }
    }
    List<FieldMapping> refused = refused();
    text.append(
        refused.isEmpty()
            ? "result: translatable, " + config().map(c -> c.entries().size()).orElse(0) + " lines"
            : "result: refused, " + refused.size() + " field(s) LXC cannot do");
    return text.append('\n').toString();
  }

  /** What happened to a field. */
  enum Outcome {
    /** Became the listed LXC lines, with the same meaning. */
    MAPPED,
    /** Became the listed LXC lines with a difference the note explains. */
    APPROXIMATED,
    /** Not an LXC key: the runtime (liblxc caller, proxmox-lxcri) acts on it; see the note. */
    RUNTIME,
    /** Has no effect on a container (metadata, defaults, unknown properties); see the note. */
    IGNORED,
    /** LXC cannot do it; the note says why. Translation fails. */
    REFUSED
  }

  /** What one field became. */
  @Value.Immutable
  interface FieldMapping {
    /** The JSON path of the field, for example {@code $.linux.resources.memory.limit}. */
    String field();

    /** The field's value, shortened for display. */
    String value();

    /** What happened to it. */
    Outcome outcome();

    /** The LXC configuration lines it produced ({@code key = value}). */
    List<String> lxcLines();

    /** Why, for anything but a plain mapping. */
    String note();

    /**
     * The field's typed key, which decisions switch on instead of the path or the text.
     *
     * @return the key, {@link FieldKey#OTHER} for fields no consumer decides on
     */
    @Value.Default
    default FieldKey key() {
      return FieldKey.of(field());
    }

    /**
     * The field's index in its list ({@code 2} for {@code $.mounts[2]}).
     *
     * @return the index, empty for a field that is no list element
     */
    @Value.Default
    default java.util.OptionalInt index() {
      return FieldKey.indexOf(field());
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link FieldMapping}. */
    final class Builder extends ImmutableFieldMapping.Builder {}
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Explanation}. */
  final class Builder extends ImmutableExplanation.Builder {}
}
