package io.itinera.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a text into the short messages of one SMS: GSM-7 (data_coding 0x00) when every character is in
 * the GSM alphabet, else UCS-2 (0x08). A text longer than one message (160 septets, 70 UCS-2 characters)
 * is split into parts of 153 septets or 67 characters, each led by a concatenation header (UDH: IEI 0x00,
 * reference, total, sequence; esm_class 0x40), never between the two septets of an extension character or
 * the two halves of a surrogate pair. Also reads such a part back, for the embedded SMSC.
 */
public final class SmsCodec {

  /** esm_class with the UDH indicator set: the short message starts with a user data header. */
  public static final byte UDHI = 0x40;
  private static final int HEADER_LENGTH = 6;

  private SmsCodec() {
  }

  /** The coding of a text and how many units one message and one part of a longer one hold. */
  public enum Coding {
    GSM7((byte) 0x00, 160, 153),
    UCS2((byte) 0x08, 70, 67);

    private final byte dataCoding;
    private final int single;
    private final int perPart;

    Coding(byte dataCoding, int single, int perPart) {
      this.dataCoding = dataCoding;
      this.single = single;
      this.perPart = perPart;
    }

    public byte dataCoding() {
      return dataCoding;
    }
  }

  /** The short messages to submit, in order; {@code concatenated} when they carry headers (esm_class 0x40). */
  public record Encoded(Coding coding, List<byte[]> shortMessages) {

    public boolean concatenated() {
      return shortMessages.size() > 1;
    }
  }

  /** One received part: its text, and where it belongs (reference, total, sequence; 0, 1, 1 for a single one). */
  public record Part(int reference, int total, int sequence, String text) {
  }

  public static Coding coding(String text) {
    return Gsm7.fits(text) ? Coding.GSM7 : Coding.UCS2;
  }

  /** How many parts the text takes. */
  public static int parts(String text) {
    return units(text, coding(text)).size();
  }

  /** @param reference the concatenation reference, the same for every part of one message (0 to 255) */
  public static Encoded encode(String text, int reference) {
    var coding = coding(text);
    var units = units(text, coding);
    if (units.size() == 1) {
      return new Encoded(coding, List.of(bytes(units.get(0), coding)));
    }
    var messages = new ArrayList<byte[]>(units.size());
    for (int i = 0; i < units.size(); i++) {
      var body = bytes(units.get(i), coding);
      var message = new byte[HEADER_LENGTH + body.length];
      message[0] = 0x05; // header length after this byte
      message[1] = 0x00; // IEI: concatenated short messages, 8-bit reference
      message[2] = 0x03;
      message[3] = (byte) reference;
      message[4] = (byte) units.size();
      message[5] = (byte) (i + 1);
      System.arraycopy(body, 0, message, HEADER_LENGTH, body.length);
      messages.add(message);
    }
    return new Encoded(coding, List.copyOf(messages));
  }

  /** Reads one submitted short message; a header other than 8-bit concatenation is skipped. */
  public static Part decode(byte dataCoding, byte esmClass, byte[] shortMessage) {
    var offset = 0;
    int reference = 0;
    int total = 1;
    int sequence = 1;
    if ((esmClass & UDHI) != 0 && shortMessage.length > 0) {
      offset = 1 + (shortMessage[0] & 0xFF);
      if (shortMessage.length >= HEADER_LENGTH && shortMessage[1] == 0x00 && shortMessage[2] == 0x03) {
        reference = shortMessage[3] & 0xFF;
        total = shortMessage[4] & 0xFF;
        sequence = shortMessage[5] & 0xFF;
      }
    }
    var text = dataCoding == Coding.UCS2.dataCoding
        ? new String(shortMessage, offset, shortMessage.length - offset, StandardCharsets.UTF_16BE)
        : Gsm7.decode(shortMessage, offset);
    return new Part(reference, total, sequence, text);
  }

  /** The text cut into the pieces each message holds. */
  private static List<String> units(String text, Coding coding) {
    if (length(text, coding) <= coding.single) {
      return List.of(text);
    }
    var pieces = new ArrayList<String>();
    var start = 0;
    var used = 0;
    for (int i = 0; i < text.length(); i++) {
      var c = text.charAt(i);
      var size = coding == Coding.GSM7 ? Gsm7.septets(c) : 1;
      // A high surrogate goes with its low half into the same part.
      if (coding == Coding.UCS2 && Character.isHighSurrogate(c) && i + 1 < text.length()) {
        size = 2;
      }
      if (used + size > coding.perPart) {
        pieces.add(text.substring(start, i));
        start = i;
        used = 0;
      }
      used += size;
      if (size == 2 && coding == Coding.UCS2) {
        i++;
      }
    }
    pieces.add(text.substring(start));
    return pieces;
  }

  private static int length(String text, Coding coding) {
    return coding == Coding.GSM7 ? text.chars().map(c -> Gsm7.septets((char) c)).sum() : text.length();
  }

  private static byte[] bytes(String piece, Coding coding) {
    return coding == Coding.GSM7 ? Gsm7.encode(piece) : piece.getBytes(StandardCharsets.UTF_16BE);
  }
}
