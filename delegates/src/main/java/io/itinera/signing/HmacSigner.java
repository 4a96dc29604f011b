package io.itinera.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one secret: the one signer behind tracking and unsubscribe tokens, webhook
 * signatures and any future signed link, so they all sign and compare signatures alike.
 */
public final class HmacSigner {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /** @throws IllegalArgumentException if the secret is empty */
  public HmacSigner(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  public byte[] sign(byte[] payload) {
    try {
      var mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
    }
  }

  /** Signs the UTF-8 bytes of the text. */
  public byte[] sign(String payload) {
    return sign(payload.getBytes(StandardCharsets.UTF_8));
  }

  /** Compares in constant time, so the time taken tells an attacker nothing about a forged signature. */
  public boolean verifies(byte[] payload, byte[] signature) {
    return MessageDigest.isEqual(sign(payload), signature);
  }
}
