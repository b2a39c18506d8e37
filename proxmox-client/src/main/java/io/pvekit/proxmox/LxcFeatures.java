package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.PropertySpec;
import java.util.List;

/**
 * LXC feature flags, the value of {@code features}: for example {@code nesting=1,keyctl=1}. Every
 * flag defaults to off. Through an API token or a non-root user PVE only lets you change {@code
 * nesting}; the others need {@code root@pam}.
 *
 * <pre>{@code
 * LxcFeatures.builder().nesting(true).keyctl(true).build().format(); // "keyctl=1,nesting=1"
 * LxcFeatures.parse("fuse=1,mknod=1,nesting=1").fuse();              // true
 * }</pre>
 */
public final class LxcFeatures extends PropertyStringValue {
  private static final PropertySpec SPEC =
      PropertySpec.of("LXC features", null)
          .bool("force_rw_sys")
          .bool("fuse")
          .bool("keyctl")
          .bool("mknod")
          .string("mount", "[a-zA-Z0-9_; ]+", "a ';' list of file system types")
          .bool("nesting");

  private LxcFeatures(PropertyString properties) {
    super(properties);
  }

  @Override
  PropertySpec spec() {
    return SPEC;
  }

  /**
   * Parses the value of {@code features}.
   *
   * @param text the property string
   * @return the value
   * @throws PropertyStringException naming the key and value that PVE would refuse
   */
  public static LxcFeatures parse(String text) {
    return new LxcFeatures(SPEC.parse(text));
  }

  /**
   * A builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder(null);
  }

  /**
   * A builder that starts from this value and keeps its options in place.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(properties());
  }

  /**
   * Nesting (needed by systemd and by Docker inside the container).
   *
   * @return the flag, false if not set
   */
  public boolean nesting() {
    return bool("nesting").orElse(false);
  }

  /**
   * The {@code keyctl()} system call for unprivileged containers.
   *
   * @return the flag, false if not set
   */
  public boolean keyctl() {
    return bool("keyctl").orElse(false);
  }

  /**
   * FUSE file systems.
   *
   * @return the flag, false if not set
   */
  public boolean fuse() {
    return bool("fuse").orElse(false);
  }

  /**
   * {@code mknod()} of some device nodes (experimental).
   *
   * @return the flag, false if not set
   */
  public boolean mknod() {
    return bool("mknod").orElse(false);
  }

  /**
   * {@code /sys} mounted read-write in unprivileged containers.
   *
   * @return the flag, false if not set
   */
  public boolean forceRwSys() {
    return bool("force_rw_sys").orElse(false);
  }

  /**
   * File system types the container may mount.
   *
   * @return e.g. {@code [nfs, cifs]}, empty if not set
   */
  public List<String> mount() {
    return list("mount");
  }

  /** Builds an {@link LxcFeatures}. */
  public static final class Builder extends PropertyStringValue.Builder<LxcFeatures, Builder> {
    private Builder(PropertyString start) {
      super(SPEC, start);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    LxcFeatures create(PropertyString properties) {
      if (properties.entries().isEmpty()) {
        throw SPEC.fail("nesting", "", "is missing: set at least one feature");
      }
      return new LxcFeatures(properties);
    }

    /**
     * Sets nesting.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder nesting(boolean on) {
      return bool("nesting", on);
    }

    /**
     * Sets keyctl.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder keyctl(boolean on) {
      return bool("keyctl", on);
    }

    /**
     * Sets fuse.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder fuse(boolean on) {
      return bool("fuse", on);
    }

    /**
     * Sets mknod.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder mknod(boolean on) {
      return bool("mknod", on);
    }

    /**
     * Sets force_rw_sys.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder forceRwSys(boolean on) {
      return bool("force_rw_sys", on);
    }

    /**
     * Sets the file system types the container may mount.
     *
     * @param fsTypes e.g. {@code nfs}, {@code cifs}
     * @return this builder
     */
    public Builder mount(String... fsTypes) {
      return list("mount", fsTypes);
    }
  }
}
