package io.pvekit.proxmox.simulator.internal.http;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The few ASN.1 DER encodings an X.509 certificate needs. */
final class Der {
  static final int BOOLEAN = 0x01;
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int OID = 0x06;
  static final int UTF8_STRING = 0x0c;
  static final int UTC_TIME = 0x17;
  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;

  private Der() {}

  static byte[] tlv(int tag, byte[]... contents) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] c : contents) {
      body.writeBytes(c);
    }
    byte[] value = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
    out.write(tag);
    writeLength(out, value.length);
    out.writeBytes(value);
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... contents) {
    return tlv(SEQUENCE, contents);
  }

  static byte[] set(byte[]... contents) {
    return tlv(SET, contents);
  }

  static byte[] integer(BigInteger value) {
    return tlv(INTEGER, value.toByteArray());
  }

  static byte[] utf8(String text) {
    return tlv(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] utcTime(String yymmddhhmmssZ) {
    return tlv(UTC_TIME, yymmddhhmmssZ.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] bitString(byte[] bits) {
    byte[] value = new byte[bits.length + 1];
    System.arraycopy(bits, 0, value, 1, bits.length);
    return tlv(BIT_STRING, value);
  }

  static byte[] octetString(byte[] bytes) {
    return tlv(OCTET_STRING, bytes);
  }

  static byte[] bool(boolean value) {
    return tlv(BOOLEAN, new byte[] {(byte) (value ? 0xff : 0)});
  }

  /** A context-specific constructed tag ([n] EXPLICIT). */
  static byte[] explicit(int n, byte[] content) {
    return tlv(0xa0 | n, content);
  }

  /** A context-specific primitive tag ([n] IMPLICIT) around raw bytes. */
  static byte[] implicit(int n, byte[] raw) {
    return tlv(0x80 | n, raw);
  }

  static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      long value = Long.parseLong(parts[i]);
      byte[] tmp = new byte[10];
      int n = 0;
      do {
        tmp[n++] = (byte) (value & 0x7f);
        value >>>= 7;
      } while (value != 0);
      for (int j = n - 1; j >= 0; j--) {
        out.write(tmp[j] | (j == 0 ? 0 : 0x80));
      }
    }
    return tlv(OID, out.toByteArray());
  }

  private static void writeLength(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write(length >> 8);
      out.write(length);
    }
  }
}
