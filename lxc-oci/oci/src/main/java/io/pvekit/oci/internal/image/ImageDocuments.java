package io.pvekit.oci.internal.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pvekit.oci.OciDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents of an image layout that pvekit only reads internally. */
public final class ImageDocuments {
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";

  private ImageDocuments() {}

  /** {@code oci-layout}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Layout {
    @JsonProperty("imageLayoutVersion")
    public String imageLayoutVersion;
  }

  /** An image index ({@code index.json} or a nested one). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Index {
    @JsonProperty("schemaVersion")
    public int schemaVersion;

    @JsonProperty("mediaType")
    public String mediaType;

    @JsonProperty("manifests")
    public List<OciDescriptor> manifests = new ArrayList<>();

    @JsonProperty("annotations")
    public Map<String, String> annotations = new LinkedHashMap<>();
  }

  /** An image manifest. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Manifest {
    @JsonProperty("schemaVersion")
    public int schemaVersion;

    @JsonProperty("mediaType")
    public String mediaType;

    @JsonProperty("config")
    public OciDescriptor config;

    @JsonProperty("layers")
    public List<OciDescriptor> layers = new ArrayList<>();

    @JsonProperty("annotations")
    public Map<String, String> annotations = new LinkedHashMap<>();
  }
}
