package io.pvekit.testing.internal.cel;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes' CEL IP and CIDR library: {@code ip()}, {@code cidr()}, {@code family()}, {@code
 * isLoopback()}, {@code isUnspecified()}, {@code isLinkLocalMulticast()}, {@code
 * isLinkLocalUnicast()}, {@code isGlobalUnicast()}, {@code containsIP()}, {@code containsCIDR()},
 * {@code ip()}, {@code masked()}, {@code prefixLength()} and {@code string()} of both.
 */
final class IpLibrary {
  static final OpaqueType IP = OpaqueType.create("net.IP");
  static final OpaqueType CIDR = OpaqueType.create("net.CIDR");

  /** An IP address as {@code ip()} returns it. */
  record Ip(InetAddress address) {
    byte[] bytes() {
      return address.getAddress();
    }

    @Override
    public String toString() {
      return address.getHostAddress();
    }
  }

  /** A prefix as {@code cidr()} returns it. */
  record Cidr(Ip ip, int prefixLength) {
    boolean contains(Ip other) {
      byte[] a = ip.bytes();
      byte[] b = other.bytes();
      if (a.length != b.length) {
        return false;
      }
      for (int bit = 0; bit < prefixLength; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    Cidr masked() {
      byte[] a = ip.bytes();
      for (int bit = prefixLength; bit < a.length * 8; bit++) {
        a[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      }
      return new Cidr(new Ip(address(a)), prefixLength);
    }

    @Override
    public String toString() {
      return ip + "/" + prefixLength;
    }
  }

  private IpLibrary() {}

  static List<CelFunctionDecl> declarations() {
    List<CelFunctionDecl> d = new ArrayList<>();
    d.add(
        newFunctionDeclaration(
            "ip",
            newGlobalOverload("ip_string", IP, SimpleType.STRING),
            newMemberOverload("cidr_ip", IP, CIDR)));
    d.add(
        newFunctionDeclaration("cidr", newGlobalOverload("cidr_string", CIDR, SimpleType.STRING)));
    d.add(newFunctionDeclaration("family", newMemberOverload("family_ip", SimpleType.INT, IP)));
    for (String test :
        List.of(
            "isLoopback",
            "isUnspecified",
            "isLinkLocalMulticast",
            "isLinkLocalUnicast",
            "isGlobalUnicast")) {
      d.add(newFunctionDeclaration(test, newMemberOverload(test + "_ip", SimpleType.BOOL, IP)));
    }
    d.add(
        newFunctionDeclaration(
            "containsIP",
            newMemberOverload("containsIP_ip", SimpleType.BOOL, CIDR, IP),
            newMemberOverload("containsIP_string", SimpleType.BOOL, CIDR, SimpleType.STRING)));
    d.add(
        newFunctionDeclaration(
            "containsCIDR",
            newMemberOverload("containsCIDR_cidr", SimpleType.BOOL, CIDR, CIDR),
            newMemberOverload("containsCIDR_string", SimpleType.BOOL, CIDR, SimpleType.STRING)));
    d.add(newFunctionDeclaration("masked", newMemberOverload("masked_cidr", CIDR, CIDR)));
    d.add(
        newFunctionDeclaration(
            "prefixLength", newMemberOverload("prefixLength_cidr", SimpleType.INT, CIDR)));
    d.add(
        newFunctionDeclaration(
            "string",
            newGlobalOverload("string_ip", SimpleType.STRING, IP),
            newGlobalOverload("string_cidr", SimpleType.STRING, CIDR)));
    return d;
  }

  static List<CelFunctionBinding> bindings() {
    List<CelFunctionBinding> b = new ArrayList<>();
    b.add(CelFunctionBinding.from("ip_string", String.class, IpLibrary::ip));
    b.add(CelFunctionBinding.from("cidr_ip", Cidr.class, Cidr::ip));
    b.add(CelFunctionBinding.from("cidr_string", String.class, IpLibrary::cidr));
    b.add(CelFunctionBinding.from("family_ip", Ip.class, ip -> ip.bytes().length == 4 ? 4L : 6L));
    b.add(
        CelFunctionBinding.from("isLoopback_ip", Ip.class, ip -> ip.address().isLoopbackAddress()));
    b.add(
        CelFunctionBinding.from(
            "isUnspecified_ip", Ip.class, ip -> ip.address().isAnyLocalAddress()));
    b.add(
        CelFunctionBinding.from(
            "isLinkLocalMulticast_ip", Ip.class, ip -> ip.address().isMCLinkLocal()));
    b.add(
        CelFunctionBinding.from(
            "isLinkLocalUnicast_ip", Ip.class, ip -> ip.address().isLinkLocalAddress()));
    b.add(CelFunctionBinding.from("isGlobalUnicast_ip", Ip.class, IpLibrary::isGlobalUnicast));
    b.add(CelFunctionBinding.from("containsIP_ip", Cidr.class, Ip.class, Cidr::contains));
    b.add(
        CelFunctionBinding.from(
            "containsIP_string", Cidr.class, String.class, (c, s) -> c.contains(ip(s))));
    b.add(
        CelFunctionBinding.from(
            "containsCIDR_cidr", Cidr.class, Cidr.class, IpLibrary::containsCidr));
    b.add(
        CelFunctionBinding.from(
            "containsCIDR_string", Cidr.class, String.class, (c, s) -> containsCidr(c, cidr(s))));
    b.add(CelFunctionBinding.from("masked_cidr", Cidr.class, Cidr::masked));
    b.add(CelFunctionBinding.from("prefixLength_cidr", Cidr.class, c -> (long) c.prefixLength()));
    b.add(CelFunctionBinding.from("string_ip", Ip.class, Ip::toString));
    b.add(CelFunctionBinding.from("string_cidr", Cidr.class, Cidr::toString));
    return b;
  }

  static Ip ip(String text) {
    if (!Network.isIp(text)) {
      throw new IllegalArgumentException("IP Address '" + text + "' parse error");
    }
    try {
      return new Ip(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("IP Address '" + text + "' parse error", e);
    }
  }

  static Cidr cidr(String text) {
    if (!Network.isCidr(text)) {
      throw new IllegalArgumentException(
          "network address parse error during conversion from" + " string: " + text);
    }
    int slash = text.indexOf('/');
    return new Cidr(ip(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1)));
  }

  private static boolean containsCidr(Cidr outer, Cidr inner) {
    return inner.prefixLength() >= outer.prefixLength() && outer.contains(inner.ip());
  }

  /** Go's IsGlobalUnicast: not unspecified, loopback, multicast, link-local or broadcast. */
  private static boolean isGlobalUnicast(Ip ip) {
    InetAddress a = ip.address();
    boolean broadcast = a instanceof Inet4Address && "255.255.255.255".equals(a.getHostAddress());
    return !(a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isMulticastAddress()
        || a.isLinkLocalAddress()
        || broadcast);
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
    }
  }
}
