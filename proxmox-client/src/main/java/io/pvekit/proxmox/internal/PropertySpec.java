package io.pvekit.proxmox.internal;

import io.pvekit.proxmox.PropertyString;
import io.pvekit.proxmox.PropertyStringException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The keys of one property-string format as the PVE schema declares them: type, range, enum,
 * pattern, required, aliases and the default key. Validates values of known keys and leaves unknown
 * keys alone, so strings from newer Proxmox versions still parse.
 */
public final class PropertySpec {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Set<String> TRUE = Set.of("1", "on", "yes", "true");
  private static final Set<String> FALSE = Set.of("0", "off", "no", "false");

  private enum Type {
    STRING,
    BOOLEAN,
    INTEGER,
    NUMBER
  }

  private record Key(
      String name,
      Type type,
      long min,
      long max,
      Set<String> values,
      Pattern pattern,
      String hint,
      boolean required) {}

  private final String kind;
  private final String defaultKey;
  private final Map<String, Key> keys = new LinkedHashMap<>();
  private final Map<String, String> aliases = new LinkedHashMap<>();
  private final Set<String> leading = new java.util.HashSet<>();

  private PropertySpec(String kind, String defaultKey) {
    this.kind = kind;
    this.defaultKey = defaultKey;
  }

  /**
   * Starts a spec.
   *
   * @param kind the name used in error messages
   * @param defaultKey the key that may be written bare, or null
   */
  public static PropertySpec of(String kind, String defaultKey) {
    return new PropertySpec(kind, defaultKey);
  }

  public PropertySpec string(String name) {
    return add(new Key(name, Type.STRING, 0, 0, null, null, null, false));
  }

  public PropertySpec string(String name, String regex, String hint) {
    return add(new Key(name, Type.STRING, 0, 0, null, Pattern.compile(regex), hint, false));
  }

  public PropertySpec requiredString(String name, String regex, String hint) {
    return add(
        new Key(
            name,
            Type.STRING,
            0,
            0,
            null,
            regex == null ? null : Pattern.compile(regex),
            hint,
            true));
  }

  public PropertySpec oneOf(String name, String... values) {
    return add(new Key(name, Type.STRING, 0, 0, Set.of(values), null, null, false));
  }

  public PropertySpec bool(String name) {
    return add(new Key(name, Type.BOOLEAN, 0, 0, null, null, null, false));
  }

  public PropertySpec integer(String name, long min, long max) {
    return add(new Key(name, Type.INTEGER, min, max, null, null, null, false));
  }

  public PropertySpec number(String name) {
    return add(new Key(name, Type.NUMBER, 0, 0, null, null, null, false));
  }

  /**
   * {@code alias} is another spelling of {@code target} (e.g. disk {@code volume} = {@code file}).
   */
  public PropertySpec alias(String alias, String target) {
    aliases.put(alias, target);
    return this;
  }

  /**
   * Keys written first, like a default key, when PVE writes the string (QEMU {@code virtio=MAC}).
   */
  public PropertySpec leading(String... names) {
    leading.addAll(List.of(names));
    return this;
  }

  private PropertySpec add(Key key) {
    keys.put(key.name(), key);
    return this;
  }

  public String kind() {
    return kind;
  }

  public String defaultKey() {
    return defaultKey;
  }

  /** Whether the key (or an alias of it) is declared. */
  public boolean knows(String key) {
    return keys.containsKey(key) || aliases.containsKey(key);
  }

  /** The declared name a key stands for (itself unless it is an alias). */
  public String canonicalName(String key) {
    return aliases.getOrDefault(key, key);
  }

  /** The entry that holds the value of a declared key, under its own name or an alias. */
  public Optional<PropertyString.Entry> find(PropertyString properties, String key) {
    for (PropertyString.Entry entry : properties.entries()) {
      if (canonicalName(entry.key()).equals(key)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /** Parses and validates. */
  public PropertyString parse(String text) {
    PropertyString parsed = PropertyString.parse(kind, text, defaultKey);
    validate(parsed);
    return parsed;
  }

  /** Checks every known key's value, aliases that collide and required keys. */
  public void validate(PropertyString properties) {
    Set<String> seen = new TreeSet<>();
    for (PropertyString.Entry entry : properties.entries()) {
      String name = canonicalName(entry.key());
      if (!seen.add(name)) {
        throw new PropertyStringException(
            kind,
            properties.format(),
            null,
            "sets '" + name + "' twice (under '" + entry.key() + "' and an alias)");
      }
      Key key = keys.get(name);
      if (key != null) {
        check(key, entry.value());
      }
    }
    for (Key key : keys.values()) {
      if (key.required() && !seen.contains(key.name())) {
        throw new PropertyStringException(
            kind, properties.format(), null, "lacks the required key '" + key.name() + "'");
      }
    }
  }

  /** Checks one value against its declared key; unknown keys pass. */
  public void check(String keyName, String value) {
    Key key = keys.get(canonicalName(keyName));
    if (key != null) {
      check(key, value);
    }
  }

  private void check(Key key, String value) {
    switch (key.type()) {
      case BOOLEAN -> parseBoolean(key.name(), value);
      case INTEGER -> {
        if (!INTEGER.matcher(value).matches()) {
          throw fail(key.name(), value, "is not an integer");
        }
        long n;
        try {
          n = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw fail(key.name(), value, "is not an integer");
        }
        if (n < key.min() || n > key.max()) {
          throw fail(key.name(), value, "is out of range " + key.min() + ".." + key.max());
        }
      }
      case NUMBER -> {
        if (!NUMBER.matcher(value).matches()) {
          throw fail(key.name(), value, "is not a number");
        }
      }
      case STRING -> {
        if (key.values() != null && !key.values().contains(value)) {
          throw fail(key.name(), value, "is not one of " + new TreeSet<>(key.values()));
        }
        if (key.pattern() != null && !key.pattern().matcher(value).matches()) {
          throw fail(key.name(), value, "is not " + key.hint());
        }
      }
    }
  }

  /** Reads a property-string boolean the way PVE does: 1|on|yes|true and 0|off|no|false. */
  public boolean parseBoolean(String keyName, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (TRUE.contains(lower)) {
      return true;
    }
    if (FALSE.contains(lower)) {
      return false;
    }
    throw fail(keyName, value, "is not a boolean (1|0, on|off, yes|no, true|false)");
  }

  public PropertyStringException fail(String keyName, String value, String problem) {
    return new PropertyStringException(kind, value, keyName, problem);
  }

  /**
   * The order PVE itself writes: the default key bare, then required keys sorted, then the rest
   * sorted. Used for values built from scratch so they look like what the server returns.
   */
  public PropertyString canonicalOrder(PropertyString properties) {
    List<PropertyString.Entry> first = new ArrayList<>();
    List<PropertyString.Entry> required = new ArrayList<>();
    List<PropertyString.Entry> rest = new ArrayList<>();
    for (PropertyString.Entry entry : properties.entries()) {
      Key key = keys.get(canonicalName(entry.key()));
      if (entry.bare() || leading.contains(entry.key())) {
        first.add(entry);
      } else if (key != null && key.required()) {
        required.add(entry);
      } else {
        rest.add(entry);
      }
    }
    required.sort((a, b) -> a.key().compareTo(b.key()));
    rest.sort((a, b) -> a.key().compareTo(b.key()));
    PropertyString out = PropertyString.empty(kind);
    for (PropertyString.Entry entry : first) {
      out =
          entry.bare()
              ? out.withDefault(entry.key(), entry.value())
              : out.with(entry.key(), entry.value());
    }
    for (PropertyString.Entry entry : required) {
      out = out.with(entry.key(), entry.value());
    }
    for (PropertyString.Entry entry : rest) {
      out = out.with(entry.key(), entry.value());
    }
    return out;
  }
}
