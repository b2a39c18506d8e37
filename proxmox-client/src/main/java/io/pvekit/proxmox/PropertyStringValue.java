package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.PropertySpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Common behaviour of the typed property strings ({@link QemuNet}, {@link LxcNet}, {@link
 * QemuDisk}, {@link LxcRootFs}, {@link LxcMountPoint}, {@link IpConfig}, {@link LxcFeatures}): the
 * exact wire form, access to any option by key, and the options this version of pvekit does not
 * model, kept in order.
 *
 * <p>Two values are equal when their wire forms are equal.
 */
public abstract class PropertyStringValue {
  private final PropertyString properties;

  PropertyStringValue(PropertyString properties) {
    this.properties = Objects.requireNonNull(properties, "properties");
  }

  abstract PropertySpec spec();

  /**
   * The underlying entries, in their written order.
   *
   * @return the property string
   */
  public final PropertyString properties() {
    return properties;
  }

  /**
   * The wire form; for a parsed value exactly the text that was parsed.
   *
   * @return the property string
   */
  public final String format() {
    return properties.format();
  }

  /**
   * The raw value of any option, under its own name or one of its aliases.
   *
   * @param key the option name as the PVE schema declares it, e.g. {@code "queues"}
   * @return the value text, or empty
   */
  public final Optional<String> option(String key) {
    return spec().find(properties, spec().canonicalName(key)).map(PropertyString.Entry::value);
  }

  /**
   * Options that pvekit does not declare for this format (for example ones added by a newer Proxmox
   * VE), in their written order. They are kept and written back unchanged.
   *
   * @return key to raw value
   */
  public final Map<String, String> unknownOptions() {
    Map<String, String> unknown = new LinkedHashMap<>();
    for (PropertyString.Entry entry : properties.entries()) {
      if (!spec().knows(entry.key())) {
        unknown.put(entry.key(), entry.value());
      }
    }
    return unknown;
  }

  final Optional<String> string(String key) {
    return option(key);
  }

  final Optional<Boolean> bool(String key) {
    return option(key).map(v -> spec().parseBoolean(key, v));
  }

  final Optional<Integer> integer(String key) {
    return option(key).map(Integer::valueOf);
  }

  final Optional<Double> number(String key) {
    return option(key).map(Double::valueOf);
  }

  final List<String> list(String key) {
    return option(key).map(v -> List.of(v.split(";"))).orElse(List.of());
  }

  @Override
  public final boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && ((PropertyStringValue) o).format().equals(format());
  }

  @Override
  public final int hashCode() {
    return format().hashCode();
  }

  /** The wire form, as {@link #format()}. */
  @Override
  public final String toString() {
    return format();
  }

  /**
   * Shared builder mechanics: typed setters validate their value, a value built from scratch is
   * written in the order PVE writes it, and a value rebuilt with {@code toBuilder()} keeps every
   * existing option in place.
   *
   * @param <T> the value type
   * @param <B> the concrete builder
   */
  public abstract static class Builder<T extends PropertyStringValue, B extends Builder<T, B>> {
    private final PropertySpec spec;
    private final boolean fromScratch;
    private PropertyString properties;

    Builder(PropertySpec spec, PropertyString start) {
      this.spec = spec;
      this.fromScratch = start == null;
      this.properties = start == null ? PropertyString.empty(spec.kind()) : start;
    }

    abstract B self();

    abstract T create(PropertyString properties);

    /**
     * Sets any option by its raw text, including ones pvekit does not model. Declared options are
     * checked against the schema.
     *
     * @param key the option name
     * @param value the raw value text
     * @return this builder
     * @throws PropertyStringException if a declared option's value is invalid
     */
    public final B option(String key, String value) {
      spec.check(key, value);
      String existing =
          spec.find(properties, spec.canonicalName(key)).map(PropertyString.Entry::key).orElse(key);
      properties = properties.with(existing, value);
      return self();
    }

    /**
     * Removes an option (under its name or any alias).
     *
     * @param key the option name
     * @return this builder
     */
    public final B remove(String key) {
      String name = spec.canonicalName(key);
      Optional<PropertyString.Entry> entry = spec.find(properties, name);
      if (entry.isPresent()) {
        properties = properties.without(entry.get().key());
      }
      return self();
    }

    final B defaultValue(String key, String value) {
      spec.check(key, value);
      Optional<PropertyString.Entry> existing = spec.find(properties, key);
      if (existing.isPresent() && !existing.get().key().equals(key)) {
        properties = properties.without(existing.get().key());
      }
      properties = properties.withDefault(key, value);
      return self();
    }

    final B bool(String key, boolean value) {
      return option(key, value ? "1" : "0");
    }

    final B list(String key, List<String> values) {
      return values.isEmpty() ? remove(key) : option(key, String.join(";", values));
    }

    final B list(String key, String... values) {
      return list(key, Arrays.asList(values));
    }

    final Optional<String> current(String key) {
      return spec.find(properties, spec.canonicalName(key)).map(PropertyString.Entry::value);
    }

    final PropertyString properties() {
      return properties;
    }

    final void replace(PropertyString replaced) {
      properties = replaced;
    }

    /**
     * Builds the value.
     *
     * @return the value
     * @throws PropertyStringException if a required option is missing
     */
    public final T build() {
      PropertyString result = fromScratch ? spec.canonicalOrder(properties) : properties;
      spec.validate(result);
      return create(result);
    }
  }
}
