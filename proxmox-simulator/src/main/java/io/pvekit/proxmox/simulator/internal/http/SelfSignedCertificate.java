package io.pvekit.proxmox.simulator.internal.http;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A fresh self-signed certificate (ECDSA P-256) for the simulator's HTTPS port, built without a
 * third-party library: the JDK can sign but has no public API to issue certificates.
 */
public final class SelfSignedCertificate {
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final X509Certificate certificate;
  private final KeyPair keys;

  private SelfSignedCertificate(X509Certificate certificate, KeyPair keys) {
    this.certificate = certificate;
    this.keys = keys;
  }

  /**
   * Issues a certificate for {@code localhost}, the loopback addresses and the given host names.
   *
   * @param commonName the subject CN, for example the node name
   * @param dnsNames extra DNS subject alternative names
   */
  public static SelfSignedCertificate generate(String commonName, List<String> dnsNames) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair keys = generator.generateKeyPair();
      byte[] signatureAlgorithm = Der.sequence(Der.oid("1.2.840.10045.4.3.2"));
      byte[] name =
          Der.sequence(
              Der.set(Der.sequence(Der.oid("2.5.4.10"), Der.utf8("pvekit Proxmox simulator"))),
              Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
      Instant now = Instant.now();
      byte[] validity =
          Der.sequence(
              Der.utcTime(UTC_TIME.format(now.minus(Duration.ofDays(1)))),
              Der.utcTime(UTC_TIME.format(now.plus(Duration.ofDays(3650)))));
      BigInteger serial = new BigInteger(63, new SecureRandom()).add(BigInteger.ONE);
      byte[] tbs =
          Der.sequence(
              Der.explicit(0, Der.integer(BigInteger.TWO)),
              Der.integer(serial),
              signatureAlgorithm,
              name,
              validity,
              name,
              keys.getPublic().getEncoded(),
              Der.explicit(3, extensions(commonName, dnsNames)));
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate());
      signer.update(tbs);
      byte[] der = Der.sequence(tbs, signatureAlgorithm, Der.bitString(signer.sign()));
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      certificate.verify(keys.getPublic());
      return new SelfSignedCertificate(certificate, keys);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue the simulator's TLS certificate", e);
    }
  }

  private static byte[] extensions(String commonName, List<String> dnsNames) {
    List<byte[]> names = new ArrayList<>();
    List<String> hosts = new ArrayList<>(List.of("localhost", commonName));
    hosts.addAll(dnsNames);
    for (String host : hosts.stream().distinct().toList()) {
      names.add(Der.implicit(2, host.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
    try {
      names.add(Der.implicit(7, InetAddress.getByName("127.0.0.1").getAddress()));
      names.add(Der.implicit(7, InetAddress.getByName("::1").getAddress()));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    byte[] subjectAltName = Der.sequence(names.toArray(byte[][]::new));
    byte[] basicConstraints = Der.sequence(Der.bool(true));
    return Der.sequence(
        Der.sequence(Der.oid("2.5.29.19"), Der.bool(true), Der.octetString(basicConstraints)),
        Der.sequence(Der.oid("2.5.29.17"), Der.octetString(subjectAltName)));
  }

  /** The certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The SHA-256 fingerprint as the Proxmox UI shows it: {@code AA:BB:...}, upper case. */
  public String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The certificate in PEM form, for clients that trust a CA file. */
  public String pem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A TLS context that serves this certificate. */
  public SSLContext sslContext() {
    try {
      char[] password = "simulator".toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "pve-ssl",
          keys.getPrivate(),
          password,
          new java.security.cert.Certificate[] {certificate});
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(factory.getKeyManagers(), null, new SecureRandom());
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot set up TLS for the simulator", e);
    }
  }
}
