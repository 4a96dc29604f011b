package io.itinera.pushsink;

import io.itinera.push.PushKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Opens a Web Push message as the browser does (RFC 8291 with RFC 8188's aes128gcm, one record): the header
 * gives the salt and the sender's ephemeral key; ECDH with the browser's private key and the auth secret give
 * the content key and nonce. web-push has only the sending half, so the push sink (and the tests, which play
 * the browser) use this.
 */
public final class Aes128GcmDecryption {

  private static final byte[] WEB_PUSH_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEY_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 16 + 4 + 1;

  private Aes128GcmDecryption() {
  }

  /** The plaintext; a {@link GeneralSecurityException} when the body was not encrypted for this browser. */
  public static byte[] decrypt(byte[] body, KeyPair browser, byte[] authSecret) throws GeneralSecurityException {
    if (body.length < HEADER) {
      throw new GeneralSecurityException("shorter than an aes128gcm header");
    }
    var header = ByteBuffer.wrap(body);
    var salt = new byte[16];
    header.get(salt);
    header.getInt(); // record size: a push is one record
    var keyIdLength = header.get() & 0xFF;
    if (body.length < HEADER + keyIdLength) {
      throw new GeneralSecurityException("the header names a key longer than the message");
    }
    var senderKey = Arrays.copyOfRange(body, HEADER, HEADER + keyIdLength);
    final byte[] shared;
    try {
      var agreement = KeyAgreement.getInstance("ECDH", "BC");
      agreement.init(browser.getPrivate());
      agreement.doPhase(PushKeys.publicKey(senderKey), true);
      shared = agreement.generateSecret();
    } catch (IllegalArgumentException notAKey) {
      throw new GeneralSecurityException("the sender's key " + notAKey.getMessage(), notAKey);
    }
    var info = ByteBuffer.allocate(WEB_PUSH_INFO.length + 2 * PushKeys.PUBLIC_KEY_LENGTH)
        .put(WEB_PUSH_INFO).put(PushKeys.encode(browser.getPublic())).put(senderKey).array();
    var ikm = hkdf(authSecret, shared, info, 32);
    var cipher = Cipher.getInstance("AES/GCM/NoPadding", "BC");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(hkdf(salt, ikm, KEY_INFO, 16), "AES"),
        new GCMParameterSpec(128, hkdf(salt, ikm, NONCE_INFO, 12)));
    var padded = cipher.doFinal(body, HEADER + keyIdLength, body.length - HEADER - keyIdLength);
    // The last record ends with the delimiter 0x02, then any zero padding.
    var end = padded.length - 1;
    while (end >= 0 && padded[end] == 0) {
      end--;
    }
    if (end < 0 || padded[end] != 2) {
      throw new GeneralSecurityException("no last-record delimiter after the content");
    }
    return Arrays.copyOf(padded, end);
  }

  private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
    var generator = new HKDFBytesGenerator(new SHA256Digest());
    generator.init(new HKDFParameters(ikm, salt, info));
    var out = new byte[length];
    generator.generateBytes(out, 0, length);
    return out;
  }
}
