package io.itinera.sms;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet and its extension table, one septet per byte (unpacked), as SMPP carries
 * it with data_coding 0. An extension character is the escape 0x1B and its code: two septets.
 */
final class Gsm7 {

  private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final byte ESCAPE = 0x1B;
  private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
  private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

  private Gsm7() {
  }

  /** Septets the character takes: 1, 2 (extension table), or 0 when GSM-7 cannot carry it. */
  static int septets(char c) {
    if (c != ESCAPE && BASIC.indexOf(c) >= 0) {
      return 1;
    }
    return EXTENSION_CHARS.indexOf(c) >= 0 ? 2 : 0;
  }

  static boolean fits(String text) {
    return text.chars().allMatch(c -> septets((char) c) > 0);
  }

  /** The text as septets; call only when it {@link #fits}. */
  static byte[] encode(String text) {
    var out = new ByteArrayOutputStream(text.length());
    for (var c : text.toCharArray()) {
      var basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
      if (basic >= 0) {
        out.write(basic);
      } else {
        out.write(ESCAPE);
        out.write(EXTENSION_CODES[EXTENSION_CHARS.indexOf(c)]);
      }
    }
    return out.toByteArray();
  }

  /** Septets back to text; an unknown extension code reads as a space, as handsets show it. */
  static String decode(byte[] septets, int offset) {
    var text = new StringBuilder(septets.length - offset);
    for (int i = offset; i < septets.length; i++) {
      var code = septets[i] & 0x7F;
      if (code == ESCAPE && i + 1 < septets.length) {
        var extension = septets[++i] & 0x7F;
        var at = -1;
        for (int e = 0; e < EXTENSION_CODES.length; e++) {
          if (EXTENSION_CODES[e] == extension) {
            at = e;
          }
        }
        text.append(at >= 0 ? EXTENSION_CHARS.charAt(at) : ' ');
      } else {
        text.append(BASIC.charAt(code));
      }
    }
    return text.toString();
  }
}
