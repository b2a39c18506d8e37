package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.pvekit.oci.internal.json.AtomicFiles;
import io.pvekit.oci.internal.json.SpecReader;
import io.pvekit.oci.internal.json.SpecWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An OCI runtime-spec {@code config.json} for Linux (runtime-spec 1.0 to 1.2).
 *
 * <p>Read one with {@link #read(Path)} or {@link #parse(String)}: a wrong type, a missing required
 * field or an unsupported major {@code ociVersion} is an {@link OciSpecException} that names the
 * JSON path. Properties the spec does not define are ignored, as the spec demands, and listed in
 * {@link #ignoredFields()} so nothing disappears unnoticed.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableOciSpec.class)
@JsonDeserialize(as = ImmutableOciSpec.class)
public interface OciSpec {
  /** The runtime-spec major version pvekit reads. */
  int SUPPORTED_MAJOR_VERSION = 1;

  /** The runtime-spec version the document follows, for example {@code 1.2.0}. */
  @JsonProperty("ociVersion")
  String ociVersion();

  /** The container process; required to start the container. */
  @JsonProperty("process")
  Optional<OciProcess> process();

  /** The root file system; required on Linux. */
  @JsonProperty("root")
  Optional<OciRoot> root();

  /** The container's host name. */
  @JsonProperty("hostname")
  Optional<String> hostname();

  /** The container's NIS domain name (runtime-spec 1.2). */
  @JsonProperty("domainname")
  Optional<String> domainname();

  /** Mounts in addition to the root file system, in order. */
  @JsonProperty("mounts")
  List<OciMount> mounts();

  /** Lifecycle hooks. */
  @JsonProperty("hooks")
  Optional<OciHooks> hooks();

  /** Arbitrary metadata. */
  @JsonProperty("annotations")
  Map<String, String> annotations();

  /** Linux-specific configuration. */
  @JsonProperty("linux")
  Optional<OciLinux> linux();

  /**
   * JSON paths of properties the document had but runtime-spec 1.2 does not define; they were
   * ignored as the spec requires. Not part of equality and not written back.
   */
  @JsonIgnore
  @Value.Auxiliary
  List<String> ignoredFields();

  /**
   * Reads a {@code config.json} file.
   *
   * @param file the file
   * @return the spec
   * @throws IOException when the file cannot be read
   * @throws OciSpecException when the document is not a valid runtime spec
   */
  static OciSpec read(Path file) throws IOException {
    return SpecReader.read(file);
  }

  /**
   * Parses a {@code config.json} document.
   *
   * @param json the document
   * @return the spec
   * @throws OciSpecException when the document is not a valid runtime spec
   */
  static OciSpec parse(String json) {
    return SpecReader.parse(json);
  }

  /**
   * Parses a {@code config.json} document from a stream (not closed).
   *
   * @param json the document
   * @return the spec
   * @throws IOException when the stream cannot be read
   * @throws OciSpecException when the document is not a valid runtime spec
   */
  static OciSpec parse(InputStream json) throws IOException {
    return SpecReader.parse(json);
  }

  /**
   * Writes this spec as JSON, leaving out absent and empty values.
   *
   * @return pretty-printed JSON
   */
  default String toJson() {
    return SpecWriter.toJson(this);
  }

  /**
   * Writes this spec to a file, atomically (a temporary file renamed into place).
   *
   * @param file the target, usually {@code <bundle>/config.json}
   * @throws IOException when the file cannot be written
   */
  default void write(Path file) throws IOException {
    AtomicFiles.write(file, toJson());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciSpec}. */
  final class Builder extends ImmutableOciSpec.Builder {}
}
