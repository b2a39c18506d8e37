package io.pvekit.proxmox.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The TLS modes: system trust (default), a CA from PEM, a pinned fingerprint, insecure. */
public final class Tls {
  private static final Logger LOG = LoggerFactory.getLogger(Tls.class);
  private static final Pattern FINGERPRINT = Pattern.compile("([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}");

  private Tls() {}

  /** Normalises {@code aa:bb:...} (the form the PVE UI shows) to upper case; checks the form. */
  public static String normaliseFingerprint(String fingerprint) {
    String trimmed = fingerprint == null ? "" : fingerprint.trim();
    if (!FINGERPRINT.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          "fingerprint: '"
              + fingerprint
              + "' is not a SHA-256 fingerprint of the form AA:BB:...:FF (32 hex pairs); the PVE"
              + " UI shows it under Node > System > Certificates");
    }
    return trimmed.toUpperCase(Locale.ROOT);
  }

  /** The SHA-256 fingerprint of a certificate in the {@code AA:BB:...} form. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot fingerprint certificate", e);
    }
  }

  /** Trusts only the CA certificates in the PEM text; host names are still verified. */
  public static void trustPem(OkHttpClient.Builder builder, String pem) {
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(
            "trustedCertificatesPem: no certificate in the PEM text");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];
      install(builder, trustManager);
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "trustedCertificatesPem: not a PEM certificate (-----BEGIN CERTIFICATE-----): "
              + e.getMessage(),
          e);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build a trust store from the PEM text", e);
    }
  }

  /**
   * Trusts exactly the server certificate with this SHA-256 fingerprint, like the PVE UI and
   * terraform providers do for self-signed node certificates. The host name is not checked: the pin
   * identifies the server.
   */
  public static void pin(OkHttpClient.Builder builder, String fingerprint) {
    String expected = normaliseFingerprint(fingerprint);
    install(builder, new PinningTrustManager(expected));
    builder.hostnameVerifier((host, session) -> true);
  }

  /** Trusts any certificate. Logs a warning: anyone in the path can read the credentials. */
  public static void insecure(OkHttpClient.Builder builder, String baseUrl) {
    LOG.warn(
        "TLS verification is OFF for {} (insecureSkipTlsVerification): anyone on the network path"
            + " can impersonate the server and read credentials. Pin the certificate fingerprint"
            + " or trust the PVE CA instead.",
        baseUrl);
    install(builder, new PinningTrustManager(null));
    builder.hostnameVerifier((host, session) -> true);
  }

  private static void install(OkHttpClient.Builder builder, X509TrustManager trustManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      builder.sslSocketFactory(context.getSocketFactory(), trustManager);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot initialise TLS", e);
    }
  }

  /** Accepts a chain whose leaf has the expected fingerprint; with none expected, any chain. */
  private static final class PinningTrustManager implements X509TrustManager {
    private final String expected;

    PinningTrustManager(String expected) {
      this.expected = expected;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("client certificates are not checked by this client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new CertificateException("the server sent no certificate");
      }
      if (expected == null) {
        return;
      }
      String actual = fingerprint(chain[0]);
      if (!MessageDigest.isEqual(
          actual.getBytes(StandardCharsets.US_ASCII),
          expected.getBytes(StandardCharsets.US_ASCII))) {
        throw new CertificateException(
            "the server certificate's SHA-256 fingerprint "
                + actual
                + " does not match the pinned "
                + expected
                + " (certificate renewed? or not the server you expect)");
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
