package io.pvekit.lxc.internal.translate;

import io.pvekit.lxc.Explanation;
import io.pvekit.lxc.TranslationOptions;
import io.pvekit.oci.OciSpec;

/** Runs the mappers in the order the LXC lines must appear. */
public final class Translator {
  private Translator() {}

  public static Explanation explain(OciSpec spec, TranslationOptions options) {
    Translation t = new Translation(spec, options);
    MiscMapper.header(t);
    NamespaceMapper.map(t);
    MountMapper.map(t);
    DeviceMapper.nodes(t);
    ProcessMapper.map(t);
    CgroupMapper.map(t);
    SeccompMapper.map(t);
    HookMapper.map(t);
    MiscMapper.map(t);
    MiscMapper.runtime(t);
    return t.finish();
  }
}
