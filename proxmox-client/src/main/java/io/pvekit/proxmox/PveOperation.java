package io.pvekit.proxmox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of the generated layer: method, path template, the versions that have it (a mask of
 * {@link PveApiVersion#bit()}s) and the masks of parameters that not all of those versions have.
 */
final class PveOperation {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");
  private static final Pattern INDEX = Pattern.compile("\\d+$");

  private final String method;
  private final String template;
  private final int versions;
  private final Map<String, Integer> paramVersions;
  private final List<String> placeholders = new ArrayList<>();

  PveOperation(String method, String template, int versions, Map<String, Integer> paramVersions) {
    this.method = method;
    this.template = template;
    this.versions = versions;
    this.paramVersions = paramVersions;
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      placeholders.add(m.group(1));
    }
  }

  String method() {
    return method;
  }

  String template() {
    return template;
  }

  List<String> placeholders() {
    return placeholders;
  }

  int versions() {
    return versions;
  }

  /** Whether a version check can matter: some version lacks the call or one of its parameters. */
  boolean versionDependent(int allVersions) {
    return versions != allVersions || !paramVersions.isEmpty();
  }

  /** The mask of a parameter by wire name ({@code net0} as {@code net}); null when all have it. */
  Integer paramVersions(String wireName) {
    Integer mask = paramVersions.get(wireName);
    return mask != null ? mask : paramVersions.get(INDEX.matcher(wireName).replaceFirst(""));
  }

  /**
   * The mask of one value of an enum parameter ({@code timeframe=decade}); null when every version
   * of the parameter has it.
   */
  Integer valueVersions(String wireName, String value) {
    Integer mask = paramVersions.get(wireName + "=" + value);
    return mask != null
        ? mask
        : paramVersions.get(INDEX.matcher(wireName).replaceFirst("") + "=" + value);
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}
