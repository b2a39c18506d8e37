package io.pvekit.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The webhook's TLS identity: a certificate (whose PEM goes into the webhook configurations' {@code
 * caBundle}) and its key, self-signed or read from PEM files.
 */
public final class WebhookTls {
  private final X509Certificate certificate;
  private final PrivateKey key;

  private WebhookTls(X509Certificate certificate, PrivateKey key) {
    this.certificate = certificate;
    this.key = key;
  }

  /**
   * A fresh self-signed EC P-256 certificate for the given DNS names, valid for a year.
   *
   * @param dnsNames e.g. {@code pvekit-webhook.pvekit-system.svc} and {@code localhost}; IP
   *     addresses become IP subject alternative names
   * @return the identity
   */
  public static WebhookTls selfSigned(List<String> dnsNames) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + dnsNames.get(0));
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(Duration.ofDays(365))),
              subject,
              pair.getPublic());
      GeneralName[] names =
          dnsNames.stream()
              .map(
                  n ->
                      n.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:]*")
                          ? new GeneralName(GeneralName.iPAddress, n)
                          : new GeneralName(GeneralName.dNSName, n))
              .toArray(GeneralName[]::new);
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new WebhookTls(cert, pair.getPrivate());
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException(
          "cannot create a self-signed certificate: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a PEM certificate and its PEM private key (PKCS#8 or the traditional EC/RSA form).
   *
   * @param certificatePem the certificate file
   * @param keyPem the key file
   * @return the identity
   * @throws IllegalArgumentException naming the file that cannot be read
   */
  public static WebhookTls fromPem(Path certificatePem, Path keyPem) {
    X509Certificate cert;
    try (Reader r = Files.newBufferedReader(certificatePem, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(r)) {
      Object o = parser.readObject();
      if (!(o instanceof org.bouncycastle.cert.X509CertificateHolder)) {
        throw new IllegalArgumentException(certificatePem + ": no PEM certificate");
      }
      cert =
          new JcaX509CertificateConverter()
              .getCertificate((org.bouncycastle.cert.X509CertificateHolder) o);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(certificatePem + ": " + e.getMessage(), e);
    }
    PrivateKey key;
    try (Reader r = Files.newBufferedReader(keyPem, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(r)) {
      Object o = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair) {
        key = converter.getPrivateKey(((PEMKeyPair) o).getPrivateKeyInfo());
      } else if (o instanceof PrivateKeyInfo) {
        key = converter.getPrivateKey((PrivateKeyInfo) o);
      } else {
        throw new IllegalArgumentException(keyPem + ": no unencrypted PEM private key");
      }
    } catch (IOException e) {
      // The message names the file only: key material never goes into messages.
      throw new IllegalArgumentException(keyPem + ": cannot read the private key", e);
    }
    return new WebhookTls(cert, key);
  }

  /**
   * The certificate as PEM: the {@code caBundle} of the webhook configurations when self-signed.
   *
   * @return the PEM text
   */
  public String certificatePem() {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificate);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /**
   * The private key as PEM, to write next to the certificate.
   *
   * @return the PEM text
   */
  public String privateKeyPem() {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      // PKCS#8 keeps the curve in the algorithm identifier, which the JDK's KeyFactory needs.
      writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /**
   * A server SSL context (TLS 1.2 and 1.3) with this identity.
   *
   * @return the context
   */
  public SSLContext serverContext() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = new char[0];
      store.setKeyEntry(
          "webhook", key, password, new java.security.cert.Certificate[] {certificate});
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
    }
  }

  /**
   * A client SSL context trusting exactly this certificate (tests, load tests).
   *
   * @return the context
   */
  public SSLContext clientContext() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("webhook", certificate);
      javax.net.ssl.TrustManagerFactory tmf =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "WebhookTls[" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
