package io.pvekit.checks.internal.platform;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4/IPv6 CIDR overlap, for tenant networks. */
final class Cidr {
  private Cidr() {}

  static boolean overlap(String a, String b) {
    try {
      BigInteger[] x = range(a);
      BigInteger[] y = range(b);
      return x[0].compareTo(y[1]) <= 0 && y[0].compareTo(x[1]) <= 0;
    } catch (UnknownHostException | RuntimeException e) {
      return false;
    }
  }

  private static BigInteger[] range(String cidr) throws UnknownHostException {
    String[] parts = cidr.split("/");
    byte[] addr = InetAddress.getByName(parts[0]).getAddress();
    int bits = addr.length * 8;
    int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
    BigInteger base = new BigInteger(1, addr);
    BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
    BigInteger start = base.subtract(base.mod(size));
    return new BigInteger[] {start, start.add(size).subtract(BigInteger.ONE)};
  }
}
