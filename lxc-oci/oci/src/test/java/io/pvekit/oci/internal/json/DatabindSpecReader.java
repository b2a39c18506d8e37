package io.pvekit.oci.internal.json;

import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reader {@link SpecReader} replaced: jackson-databind with {@link OciJson#mapper()}'s rules
 * and the same version check. Kept as the reference the streaming reader is compared against.
 */
final class DatabindSpecReader {
  private DatabindSpecReader() {}

  static OciSpec parse(String json) {
    try {
      return checkVersion(OciJson.read(json, OciSpec.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OciSpec checkVersion(OciSpec spec) {
    String version = spec.ociVersion();
    Matcher m = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:-[0-9A-Za-z.+-]+)?").matcher(version);
    if (!m.matches()) {
      throw new OciSpecException(
          "$.ociVersion", "\"" + version + "\" is not a version like 1.2.0", null);
    }
    if (Integer.parseInt(m.group(1)) != OciSpec.SUPPORTED_MAJOR_VERSION) {
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
}
