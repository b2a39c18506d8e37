package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Kamaji's cluster-scoped {@code DataStore} ({@code kamaji.clastix.io/v1alpha1}): the etcd, MySQL,
 * PostgreSQL or NATS backing tenant control planes. Credentials stay in Secrets: use {@link
 * ContentRef#secret}.
 */
public final class DataStore extends CapiResource<DataStore.Spec, DataStore.Status> {
  private static final long serialVersionUID = 1L;

  /** An empty DataStore. */
  public DataStore() {
    super(TenantControlPlane.API_VERSION, "DataStore");
  }

  /**
   * The spec.
   *
   * @param driver {@code etcd}, {@code MySQL}, {@code PostgreSQL} or {@code NATS}
   * @param endpoints {@code host:port} endpoints (at least one)
   * @param basicAuth user and password (not for etcd)
   * @param tlsConfig TLS material (required for etcd)
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Spec(
      String driver, List<String> endpoints, BasicAuth basicAuth, TlsConfig tlsConfig) {}

  /**
   * Basic authentication.
   *
   * @param username the user name
   * @param password the password
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BasicAuth(ContentRef username, ContentRef password) {}

  /**
   * TLS material.
   *
   * @param certificateAuthority the CA certificate and key
   * @param clientCertificate the client certificate and key
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TlsConfig(
      CertificateAndKey certificateAuthority, CertificateAndKey clientCertificate) {}

  /**
   * A certificate and its key.
   *
   * @param certificate the certificate
   * @param privateKey the private key
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CertificateAndKey(ContentRef certificate, ContentRef privateKey) {}

  /**
   * A value held in a Secret.
   *
   * @param secretReference the Secret key
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ContentRef(SecretKeyRef secretReference) {
    /**
     * A value from a Secret key.
     *
     * @param name the Secret name
     * @param namespace the Secret namespace
     * @param keyPath the key
     * @return the reference
     */
    public static ContentRef secret(String name, String namespace, String keyPath) {
      return new ContentRef(new SecretKeyRef(name, namespace, keyPath));
    }
  }

  /**
   * A Secret key.
   *
   * @param name the Secret name
   * @param namespace the Secret namespace
   * @param keyPath the key
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SecretKeyRef(String name, String namespace, String keyPath) {}

  /**
   * The observed state.
   *
   * @param usedBy the TenantControlPlanes using this DataStore
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status(List<String> usedBy) {}
}
