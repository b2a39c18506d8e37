package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extra kubelet arguments of a kubeadm node registration. Cluster API v1beta1 writes them as a map
 * ({@code provider-id: ...}); v1beta2 as a list of {@code {name, value}} pairs. The value keeps its
 * insertion order and writes the form of its version; reading accepts both.
 */
public final class KubeletExtraArgs {
  private final Map<String, String> args;
  private final CapiVersion version;

  private KubeletExtraArgs(Map<String, String> args, CapiVersion version) {
    this.args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    this.version = version;
  }

  /**
   * Arguments in the form of the given version.
   *
   * @param version the Cluster API version
   * @param args argument names (without {@code --}) and values, in order
   * @return the arguments
   */
  public static KubeletExtraArgs of(CapiVersion version, Map<String, String> args) {
    return new KubeletExtraArgs(args, version);
  }

  // Object, not a JsonNode: fabric8 8 reads with Jackson 3, pvekit's callers may use Jackson 2.
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static KubeletExtraArgs fromJson(Object node) {
    Map<String, String> args = new LinkedHashMap<>();
    if (node instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> pair) {
          args.put(String.valueOf(pair.get("name")), String.valueOf(pair.get("value")));
        }
      }
      return new KubeletExtraArgs(args, CapiVersion.V1BETA2);
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> args.put(String.valueOf(k), String.valueOf(v)));
    }
    return new KubeletExtraArgs(args, CapiVersion.V1BETA1);
  }

  @JsonValue
  Object toJson() {
    if (version == CapiVersion.V1BETA1) {
      return args;
    }
    List<Map<String, String>> list = new ArrayList<>();
    args.forEach(
        (name, value) -> {
          Map<String, String> pair = new LinkedHashMap<>();
          pair.put("name", name);
          pair.put("value", value);
          list.add(pair);
        });
    return list;
  }

  /**
   * The arguments.
   *
   * @return names and values, in order
   */
  public Map<String, String> asMap() {
    return args;
  }

  /**
   * The version whose form this value writes.
   *
   * @return the Cluster API version
   */
  public CapiVersion version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KubeletExtraArgs k && k.args.equals(args) && k.version == version;
  }

  @Override
  public int hashCode() {
    return args.hashCode() * 31 + version.hashCode();
  }

  @Override
  public String toString() {
    return args.toString();
  }
}
