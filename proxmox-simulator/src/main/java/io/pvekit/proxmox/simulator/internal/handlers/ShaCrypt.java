package io.pvekit.proxmox.simulator.internal.handlers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 crypt ({@code $5$}, Ulrich Drepper's specification, 5000 rounds), the hash PVE's {@code
 * encrypt_pw} stores for a cloud-init password and cloud-init hands to the guest's {@code
 * /etc/shadow}.
 */
final class ShaCrypt {
  private static final String ITOA64 =
      "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int ROUNDS = 5000;

  private ShaCrypt() {}

  /**
   * Hashes a password.
   *
   * @param password the clear text
   * @param salt up to 16 characters of {@code [./0-9A-Za-z]}
   * @return {@code $5$salt$hash}
   */
  static String sha256(String password, String salt) {
    byte[] p = password.getBytes(StandardCharsets.UTF_8);
    byte[] s = salt.getBytes(StandardCharsets.UTF_8);
    byte[] b = digest(p, s, p);
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    a.writeBytes(p);
    a.writeBytes(s);
    repeatTo(a, b, p.length);
    for (int n = p.length; n > 0; n >>= 1) {
      a.writeBytes((n & 1) != 0 ? b : p);
    }
    byte[] current = digest(a.toByteArray());
    ByteArrayOutputStream dp = new ByteArrayOutputStream();
    for (int i = 0; i < p.length; i++) {
      dp.writeBytes(p);
    }
    byte[] pSeq = sequence(digest(dp.toByteArray()), p.length);
    ByteArrayOutputStream ds = new ByteArrayOutputStream();
    for (int i = 0; i < 16 + (current[0] & 0xff); i++) {
      ds.writeBytes(s);
    }
    byte[] sSeq = sequence(digest(ds.toByteArray()), s.length);
    for (int round = 0; round < ROUNDS; round++) {
      ByteArrayOutputStream c = new ByteArrayOutputStream();
      c.writeBytes((round & 1) != 0 ? pSeq : current);
      if (round % 3 != 0) {
        c.writeBytes(sSeq);
      }
      if (round % 7 != 0) {
        c.writeBytes(pSeq);
      }
      c.writeBytes((round & 1) != 0 ? current : pSeq);
      current = digest(c.toByteArray());
    }
    StringBuilder out = new StringBuilder("$5$").append(salt).append('$');
    int[][] order = {
      {0, 10, 20}, {21, 1, 11}, {12, 22, 2}, {3, 13, 23}, {24, 4, 14},
      {15, 25, 5}, {6, 16, 26}, {27, 7, 17}, {18, 28, 8}, {9, 19, 29}
    };
    for (int[] o : order) {
      encode(out, current[o[0]], current[o[1]], current[o[2]], 4);
    }
    encode(out, (byte) 0, current[31], current[30], 3);
    return out.toString();
  }

  private static void repeatTo(ByteArrayOutputStream out, byte[] block, int length) {
    int left = length;
    for (; left > block.length; left -= block.length) {
      out.writeBytes(block);
    }
    out.write(block, 0, left);
  }

  private static byte[] sequence(byte[] block, int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    repeatTo(out, block, length);
    return out.toByteArray();
  }

  private static void encode(StringBuilder out, byte b2, byte b1, byte b0, int chars) {
    int w = ((b2 & 0xff) << 16) | ((b1 & 0xff) << 8) | (b0 & 0xff);
    for (int i = 0; i < chars; i++) {
      out.append(ITOA64.charAt(w & 0x3f));
      w >>= 6;
    }
  }

  private static byte[] digest(byte[]... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha.update(part);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
