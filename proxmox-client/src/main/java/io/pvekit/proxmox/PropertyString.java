package io.pvekit.proxmox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Proxmox VE property string such as {@code virtio=BC:24:11:30:AD:93,bridge=vmbr0,firewall=1}:
 * {@code key=value} pairs joined by commas, where one key (the format's default key) may be written
 * bare.
 *
 * <p>Entries keep their order and their exact text, so {@code parse(s).format()} returns {@code s}
 * for every string Proxmox accepts. Keys this class has never heard of are kept like any other.
 * Instances are immutable; {@link #with} and {@link #without} return modified copies that keep
 * every other entry in place.
 */
public final class PropertyString {
  private final String kind;
  private final List<Entry> entries;

  /**
   * One {@code key=value} pair.
   *
   * @param key the key; for a bare default-key value, the default key's name
   * @param value the value text exactly as written
   * @param bare whether the key was omitted (only for the format's default key)
   */
  public record Entry(String key, String value, boolean bare) {
    /** Checks that key and value are set. */
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    String format() {
      return bare ? value : key + "=" + value;
    }
  }

  private PropertyString(String kind, List<Entry> entries) {
    this.kind = kind;
    this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
  }

  /**
   * Parses a property string whose format has no default key.
   *
   * @param kind what the string is, for error messages (for example {@code "features"})
   * @param text the property string
   * @return the parsed entries
   * @throws PropertyStringException naming {@code kind} and the text when it is malformed
   */
  public static PropertyString parse(String kind, String text) {
    return parse(kind, text, null);
  }

  /**
   * Parses a property string.
   *
   * @param kind what the string is, for error messages (for example {@code "QEMU netN"})
   * @param text the property string
   * @param defaultKey the format's default key (written bare), or {@code null} if it has none
   * @return the parsed entries
   * @throws PropertyStringException naming {@code kind} and the text when it is malformed, has a
   *     duplicate key or a bare value without a default key
   */
  public static PropertyString parse(String kind, String text, String defaultKey) {
    Objects.requireNonNull(kind, "kind");
    if (text == null || text.isEmpty()) {
      throw new PropertyStringException(kind, text, null, "is empty");
    }
    List<Entry> entries = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      if (part.isEmpty()) {
        throw new PropertyStringException(kind, text, null, "has an empty element");
      }
      int eq = part.indexOf('=');
      Entry entry;
      if (eq < 0) {
        if (defaultKey == null) {
          throw new PropertyStringException(
              kind, text, null, "has '" + part + "' without a key (expected key=value)");
        }
        entry = new Entry(defaultKey, part, true);
      } else if (eq == 0 || eq == part.length() - 1) {
        throw new PropertyStringException(
            kind, text, null, "has '" + part + "' with an empty key or value");
      } else {
        entry = new Entry(part.substring(0, eq), part.substring(eq + 1), false);
      }
      for (Entry existing : entries) {
        if (existing.key().equals(entry.key())) {
          throw new PropertyStringException(
              kind, text, null, "has the key '" + entry.key() + "' twice");
        }
      }
      entries.add(entry);
    }
    return new PropertyString(kind, entries);
  }

  /**
   * An empty property string, to build one with {@link #with}.
   *
   * @param kind what the string is, for error messages
   * @return a property string without entries
   */
  public static PropertyString empty(String kind) {
    return new PropertyString(Objects.requireNonNull(kind, "kind"), List.of());
  }

  /**
   * What this string is (for example {@code "LXC netN"}); used in error messages.
   *
   * @return the kind given when parsing
   */
  public String kind() {
    return kind;
  }

  /**
   * The entries in their written order.
   *
   * @return an unmodifiable list
   */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The value of a key.
   *
   * @param key the key (a bare default value is found under the default key's name)
   * @return the value text, or empty
   */
  public Optional<String> get(String key) {
    return entry(key).map(Entry::value);
  }

  /**
   * The entry of a key.
   *
   * @param key the key
   * @return the entry, or empty
   */
  public Optional<Entry> entry(String key) {
    for (Entry entry : entries) {
      if (entry.key().equals(key)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the key is present.
   *
   * @param key the key
   * @return true if present
   */
  public boolean has(String key) {
    return entry(key).isPresent();
  }

  /**
   * A copy with {@code key=value} set: an existing entry keeps its place (and stays bare if it
   * was), a new one is appended.
   *
   * @param key the key
   * @param value the value text; must not be empty or contain a comma
   * @return the modified copy
   * @throws PropertyStringException if the value is empty or contains a comma
   */
  public PropertyString with(String key, String value) {
    Objects.requireNonNull(key, "key");
    if (value == null || value.isEmpty() || value.indexOf(',') >= 0) {
      throw new PropertyStringException(
          kind, value, key, "must be non-empty and may not contain ','");
    }
    if (key.isEmpty() || key.indexOf(',') >= 0 || key.indexOf('=') >= 0) {
      throw new PropertyStringException(kind, key, null, "is not a valid key");
    }
    List<Entry> copy = new ArrayList<>(entries);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).key().equals(key)) {
        copy.set(i, new Entry(key, value, copy.get(i).bare()));
        return new PropertyString(kind, copy);
      }
    }
    copy.add(new Entry(key, value, false));
    return new PropertyString(kind, copy);
  }

  /**
   * A copy with the default key set, written bare and first.
   *
   * @param key the default key's name
   * @param value the value text
   * @return the modified copy
   */
  public PropertyString withDefault(String key, String value) {
    PropertyString set = with(key, value);
    List<Entry> copy = new ArrayList<>();
    copy.add(new Entry(key, value, true));
    for (Entry entry : set.entries) {
      if (!entry.key().equals(key)) {
        copy.add(entry);
      }
    }
    return new PropertyString(kind, copy);
  }

  /**
   * A copy without the key.
   *
   * @param key the key
   * @return the modified copy (this instance if the key was absent)
   */
  public PropertyString without(String key) {
    if (!has(key)) {
      return this;
    }
    List<Entry> copy = new ArrayList<>(entries);
    copy.removeIf(e -> e.key().equals(key));
    return new PropertyString(kind, copy);
  }

  /**
   * The wire form.
   *
   * @return the entries joined by commas, bare default value first as written
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    for (Entry entry : entries) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(entry.format());
    }
    return out.toString();
  }

  /** Entries and their order; the kind is only a label. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PropertyString other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  /** The wire form, as {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }
}
