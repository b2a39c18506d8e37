package io.pvekit.lxc;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typed identity of a field an {@link Explanation} reports, for the fields that consumers
 * decide on (the Proxmox plan maps these to API properties). Decisions switch on this key and read
 * the field's value from the {@code config.json} model, never from the explanation's text, so
 * rewording a note or the display of a value cannot change what is sent to Proxmox. Every other
 * field is {@link #OTHER}.
 */
public enum FieldKey {
  /** {@code $.ociVersion} */
  OCI_VERSION("$.ociVersion"),
  /** {@code $.hostname} */
  HOSTNAME("$.hostname"),
  /** {@code $.root.path} */
  ROOT_PATH("$.root.path"),
  /** {@code $.mounts[i]} */
  MOUNT("$.mounts[]"),
  /** {@code $.linux.namespaces[i]} */
  NAMESPACE("$.linux.namespaces[]"),
  /** {@code $.linux.namespaces}: the list as a whole */
  NAMESPACES("$.linux.namespaces"),
  /** {@code $.linux.uidMappings[i]} */
  UID_MAPPING("$.linux.uidMappings[]"),
  /** {@code $.linux.gidMappings[i]} */
  GID_MAPPING("$.linux.gidMappings[]"),
  /** {@code $.linux.resources.memory.limit} */
  MEMORY_LIMIT("$.linux.resources.memory.limit"),
  /** {@code $.linux.resources.memory.swap} */
  MEMORY_SWAP("$.linux.resources.memory.swap"),
  /** {@code $.linux.resources.cpu.shares} */
  CPU_SHARES("$.linux.resources.cpu.shares"),
  /** {@code $.linux.resources.cpu.quota} */
  CPU_QUOTA("$.linux.resources.cpu.quota"),
  /** {@code $.linux.resources.cpu.period} */
  CPU_PERIOD("$.linux.resources.cpu.period"),
  /** {@code $.process.args} */
  PROCESS_ARGS("$.process.args"),
  /** {@code $.process.env}: the list as a whole */
  PROCESS_ENV("$.process.env"),
  /** {@code $.process.env[i]} */
  PROCESS_ENV_ENTRY("$.process.env[]"),
  /** {@code $.annotations} */
  ANNOTATIONS("$.annotations"),
  /** Any other field. */
  OTHER("");

  private static final Pattern INDEXED = Pattern.compile("(.*)\\[(\\d+)]");

  private final String path;

  FieldKey(String path) {
    this.path = path;
  }

  /**
   * The JSON path this key stands for; {@code []} where the field is one element of a list.
   *
   * @return the path pattern, empty for {@link #OTHER}
   */
  public String path() {
    return path;
  }

  /**
   * The key of a field path as the translator writes it ({@code $.mounts[2]} is {@link #MOUNT}).
   *
   * @param field the JSON path
   * @return its key, {@link #OTHER} when no consumer decides on it
   */
  public static FieldKey of(String field) {
    Matcher indexed = INDEXED.matcher(field);
    String pattern = indexed.matches() ? indexed.group(1) + "[]" : field;
    for (FieldKey key : values()) {
      if (key != OTHER && key.path.equals(pattern)) {
        return key;
      }
    }
    return OTHER;
  }

  /**
   * The list index of a field path ({@code 2} for {@code $.mounts[2]}).
   *
   * @param field the JSON path
   * @return the index, empty for a field that is no list element
   */
  public static OptionalInt indexOf(String field) {
    Matcher indexed = INDEXED.matcher(field);
    return indexed.matches()
        ? OptionalInt.of(Integer.parseInt(indexed.group(2)))
        : OptionalInt.empty();
  }
}
