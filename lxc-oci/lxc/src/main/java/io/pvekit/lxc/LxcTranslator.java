package io.pvekit.lxc;

import io.pvekit.lxc.internal.translate.Translator;
import io.pvekit.oci.OciSpec;

/**
 * Translates an OCI runtime spec into an LXC configuration for liblxc 5.
 *
 * <pre>{@code
 * OciSpec spec = OciSpec.read(bundle.resolve("config.json"));
 * TranslationOptions options =
 *     TranslationOptions.builder().bundle(bundle).containerName("web-1").build();
 * LxcConfig config = LxcTranslator.translate(spec, options); // or throws, naming the fields
 * config.write(Path.of("/var/lib/pvekit/web-1/config"));
 * }</pre>
 *
 * <p>Every field either becomes LXC lines, is left to the runtime (see {@link
 * Explanation.Outcome#RUNTIME}), or is refused with the reason: see {@link #explain(OciSpec,
 * TranslationOptions)} and the module README's mapping table. Stateless and thread-safe.
 */
public final class LxcTranslator {
  private LxcTranslator() {}

  /**
   * Translates a spec, refusing what LXC cannot do.
   *
   * @param spec the bundle's config.json
   * @param options bundle path, container name, host cgroup layout, ...
   * @return the LXC configuration
   * @throws UnsupportedOciFeatureException naming every field LXC cannot do
   */
  public static LxcConfig translate(OciSpec spec, TranslationOptions options) {
    Explanation explanation = explain(spec, options);
    return explanation
        .config()
        .orElseThrow(() -> new UnsupportedOciFeatureException(explanation.refused()));
  }

  /**
   * Explains, for each field of the spec, what it becomes in LXC or why it is refused. Never throws
   * for unsupported fields: they are listed with outcome {@link Explanation.Outcome#REFUSED}.
   *
   * @param spec the bundle's config.json
   * @param options bundle path, container name, host cgroup layout, ...
   * @return the explanation, with the configuration when nothing was refused
   */
  public static Explanation explain(OciSpec spec, TranslationOptions options) {
    return Translator.explain(spec, options);
  }
}
