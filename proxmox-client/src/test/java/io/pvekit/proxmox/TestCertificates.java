package io.pvekit.proxmox;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates a CA and server certificates for the TLS tests (nothing is stored on disk). */
final class TestCertificates {
  private static long serial = System.nanoTime();

  /** A key and its certificate. */
  record Held(KeyPair keys, X509Certificate certificate) {
    String pem() throws Exception {
      StringWriter out = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
        writer.writeObject(certificate);
      }
      return out.toString();
    }

    SSLContext serverContext(X509Certificate... chainRest) throws Exception {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      X509Certificate[] chain = new X509Certificate[chainRest.length + 1];
      chain[0] = certificate;
      System.arraycopy(chainRest, 0, chain, 1, chainRest.length);
      store.setKeyEntry("server", keys.getPrivate(), "pw".toCharArray(), chain);
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, "pw".toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    }
  }

  private TestCertificates() {}

  static Held ca(String name) throws Exception {
    KeyPair keys = keys();
    return new Held(
        keys, sign(new X500Name("CN=" + name), keys, new X500Name("CN=" + name), keys, true));
  }

  static Held server(Held issuer) throws Exception {
    KeyPair keys = keys();
    return new Held(
        keys,
        sign(
            new X500Name("CN=localhost"),
            keys,
            new X500Name(issuer.certificate().getSubjectX500Principal().getName()),
            issuer.keys(),
            false));
  }

  static Held selfSigned() throws Exception {
    KeyPair keys = keys();
    return new Held(
        keys, sign(new X500Name("CN=localhost"), keys, new X500Name("CN=localhost"), keys, false));
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(
      X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys, boolean ca)
      throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(serial++),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            subject,
            subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (!ca) {
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
              }));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
  }
}
