package io.pvekit.oci.internal.json;

import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecException;

/**
 * The {@code ociVersion} check: {@code MAJOR.MINOR.PATCH} with an optional pre-release suffix
 * ({@code -rc5}, {@code -dev}), and only the major version pvekit reads. Hand-written rather than a
 * regular expression: it runs at every {@code create}.
 */
final class SpecVersion {
  private SpecVersion() {}

  static OciSpec check(OciSpec spec) {
    String version = spec.ociVersion();
    int majorEnd = digits(version, 0);
    int minorEnd = majorEnd > 0 && dot(version, majorEnd) ? digits(version, majorEnd + 1) : -1;
    int patchEnd =
        minorEnd > majorEnd + 1 && dot(version, minorEnd) ? digits(version, minorEnd + 1) : -1;
    if (patchEnd <= minorEnd + 1 || !validSuffix(version, patchEnd)) {
      throw new OciSpecException(
          "$.ociVersion", "\"" + version + "\" is not a version like 1.2.0", null);
    }
    if (!isSupportedMajor(version.substring(0, majorEnd))) {
      throw new OciSpecException(
          "$.ociVersion",
          "unsupported version \""
              + version
              + "\": pvekit reads runtime-spec 1.x (1.0 to 1.2); convert the bundle or use a runtime"
              + " that supports it",
          null);
    }
    return spec;
  }

  /** The index after the ASCII digits starting at {@code from}. */
  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static boolean dot(String s, int at) {
    return at < s.length() && s.charAt(at) == '.';
  }

  /** Nothing, or {@code -} and at least one of {@code [0-9A-Za-z.+-]}. */
  private static boolean validSuffix(String s, int from) {
    if (from == s.length()) {
      return true;
    }
    if (s.charAt(from) != '-' || from + 1 == s.length()) {
      return false;
    }
    for (int i = from + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || c == '.'
              || c == '+'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSupportedMajor(String major) {
    int i = 0;
    while (i < major.length() - 1 && major.charAt(i) == '0') {
      i++;
    }
    return major.substring(i).equals(Integer.toString(OciSpec.SUPPORTED_MAJOR_VERSION));
  }
}
