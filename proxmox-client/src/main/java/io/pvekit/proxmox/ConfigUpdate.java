package io.pvekit.proxmox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A change to a VM or container configuration: keys to set, keys to remove ({@code delete}), and
 * optionally the {@code digest} of the config you read, so PVE refuses the change if someone else
 * changed it in between.
 *
 * <pre>{@code
 * ConfigUpdate.builder().set("cores", 4).set("net1", QemuNet.builder().model("virtio").bridge("vmbr1").build())
 *     .delete("ide2").digest(config.digest().orElseThrow()).build();
 * }</pre>
 */
@Value.Immutable
public abstract class ConfigUpdate {
  /** PVE's format {@code urlencoded}. */
  private static final java.util.regex.Pattern URLENCODED =
      java.util.regex.Pattern.compile("[-%a-zA-Z0-9_.!~*'()]*");

  ConfigUpdate() {}

  /** Keys to set with their wire text (booleans as 1/0, property strings formatted). */
  public abstract Map<String, String> values();

  /** Keys to remove. */
  public abstract List<String> delete();

  /** The digest of the config this change is based on. */
  public abstract Optional<String> digest();

  @Value.Check
  void check() {
    if (values().isEmpty() && delete().isEmpty()) {
      throw new IllegalArgumentException("config update: nothing to set or delete");
    }
    for (String key : delete()) {
      if (values().containsKey(key)) {
        throw new IllegalArgumentException(
            "config update: '" + key + "' is both set and deleted; choose one");
      }
    }
  }

  Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>(values());
    if (!delete().isEmpty()) {
      params.put("delete", String.join(",", delete()));
    }
    digest().ifPresent(d -> params.put("digest", d));
    return params;
  }

  /**
   * A builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ConfigUpdate}. */
  public static final class Builder extends ImmutableConfigUpdate.Builder {
    Builder() {}

    /**
     * Sets a key; the value is written as PVE expects (booleans 1/0, property strings and ids by
     * their wire form; {@code sshkeys} URI-encoded unless it already is, see {@link #sshKeys}).
     *
     * @param key e.g. {@code cores}, {@code net0}
     * @param value the value
     * @return this builder
     */
    public Builder set(String key, Object value) {
      String text = Wire.text(value);
      if (key.equals("sshkeys") && !URLENCODED.matcher(text).matches()) {
        // PVE's format 'urlencoded' refuses anything else with a 400; keys as pasted (spaces,
        // '@', newlines) are encoded here, text that already is in the format passes unchanged
        text = Wire.uriEscape(text);
      }
      putValues(key, text);
      return this;
    }

    /**
     * Sets QEMU's cloud-init {@code sshkeys}, one public key per entry, URI-encoded as PVE demands
     * (its format is {@code urlencoded}; sent raw, PVE answers 400), the same way {@link
     * QemuCreateRequest} sends them.
     *
     * @param publicKeys the keys, e.g. {@code ssh-ed25519 AAAA... me@host}
     * @return this builder
     */
    public Builder sshKeys(List<String> publicKeys) {
      if (publicKeys.isEmpty()) {
        throw new IllegalArgumentException(
            "sshkeys: give at least one key, or delete(\"sshkeys\") to remove them");
      }
      putValues("sshkeys", Wire.uriEscape(String.join("\n", publicKeys)));
      return this;
    }

    /**
     * Removes keys from the config.
     *
     * @param keys e.g. {@code ide2}
     * @return this builder
     */
    public Builder delete(String... keys) {
      addDelete(keys);
      return this;
    }
  }
}
