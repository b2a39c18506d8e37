package io.pvekit.testing.internal.cel;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP and CIDR syntax as Kubernetes' CEL {@code isIP}/{@code isCIDR} (Go's netip) accept it. */
public final class Network {
  private Network() {}

  public static boolean isIp(String text) {
    return isIpv4(text) || isIpv6(text);
  }

  public static boolean isCidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String address = text.substring(0, slash);
    String prefix = text.substring(slash + 1);
    if (prefix.isEmpty()
        || prefix.length() > 3
        || !prefix.chars().allMatch(Character::isDigit)
        || (prefix.length() > 1 && prefix.charAt(0) == '0')) {
      return false;
    }
    int bits = Integer.parseInt(prefix);
    if (isIpv4(address)) {
      return bits <= 32;
    }
    return isIpv6(address) && bits <= 128;
  }

  public static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      // netip rejects leading zeros (they read as octal elsewhere).
      if (part.isEmpty()
          || part.length() > 3
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || (part.length() > 1 && part.charAt(0) == '0')
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  public static boolean isIpv6(String text) {
    // Only hex digits, colons and an embedded IPv4 tail: no zones, brackets or host names, so
    // InetAddress below parses a literal and never resolves a name.
    if (text.indexOf(':') < 0
        || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      return false;
    }
    int lastColon = text.lastIndexOf(':');
    String tail = text.substring(lastColon + 1);
    if (tail.contains(".") && !isIpv4(tail)) {
      return false;
    }
    try {
      InetAddress.getByName(text);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
