package io.itinera.push;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.util.Base64;
import nl.martijndwars.webpush.Utils;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.BigIntegers;

/**
 * The P-256 keys of Web Push in the form browsers and push services exchange them: base64url (no padding)
 * of the uncompressed point (65 bytes, 0x04 x y) for a public key and of the 32-byte scalar for a private
 * one. web-push does its cryptography with Bouncy Castle by provider name, so the provider is installed here,
 * once, before any key is made or read.
 */
public final class PushKeys {

  public static final int PUBLIC_KEY_LENGTH = 65;

  static {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  private PushKeys() {
  }

  /** A fresh P-256 pair (a VAPID pair, or a browser's subscription pair in the push sink and tests). */
  public static KeyPair generate() {
    try {
      var generator = KeyPairGenerator.getInstance("EC", BouncyCastleProvider.PROVIDER_NAME);
      generator.initialize(ECNamedCurveTable.getParameterSpec(Utils.CURVE));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Bouncy Castle cannot make a P-256 key pair", e);
    }
  }

  /**
   * Reads an uncompressed P-256 point; refuses anything else (another length, a compressed point, a point
   * off the curve) with an {@link IllegalArgumentException} saying what is wrong.
   */
  public static ECPublicKey publicKey(byte[] uncompressed) {
    if (uncompressed.length != PUBLIC_KEY_LENGTH || uncompressed[0] != 0x04) {
      throw new IllegalArgumentException("must be an uncompressed P-256 point: 65 bytes starting with 0x04, not "
          + uncompressed.length + " bytes");
    }
    try {
      // Bouncy Castle checks that the point lies on the curve as it decodes it.
      return (ECPublicKey) Utils.loadPublicKey(uncompressed);
    } catch (IllegalArgumentException offCurve) {
      throw new IllegalArgumentException("is not a point on the P-256 curve", offCurve);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Bouncy Castle cannot read P-256 keys", e);
    }
  }

  public static ECPublicKey publicKey(String base64Url) {
    return publicKey(decode(base64Url));
  }

  public static PrivateKey privateKey(String base64Url) {
    try {
      return Utils.loadPrivateKey(decode(base64Url));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("is not a P-256 private key", e);
    }
  }

  public static boolean pair(PrivateKey privateKey, PublicKey publicKey) {
    return Utils.verifyKeyPair(privateKey, publicKey);
  }

  public static byte[] encode(PublicKey publicKey) {
    return Utils.encode((ECPublicKey) publicKey);
  }

  public static String base64Url(PublicKey publicKey) {
    return base64Url(encode(publicKey));
  }

  public static String base64Url(PrivateKey privateKey) {
    return base64Url(BigIntegers.asUnsignedByteArray(32, ((ECPrivateKey) privateKey).getD()));
  }

  public static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** base64url with or without padding (browsers send it without); an {@link IllegalArgumentException} otherwise. */
  public static byte[] decode(String base64Url) {
    return Base64.getUrlDecoder().decode(base64Url.strip());
  }
}
