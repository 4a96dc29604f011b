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

  /** Keyed once; each signature works on a copy, since a Mac holds state. Looking one up costs more than signing. */
  private final Mac keyed;

  /** @throws IllegalArgumentException if the secret is empty */
  public HmacSigner(String secret) {
    try {
      keyed = Mac.getInstance(ALGORITHM);
      keyed.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
    }
  }

  public byte[] sign(byte[] payload) {
    try {
      return ((Mac) keyed.clone()).doFinal(payload);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("The Java runtime's " + ALGORITHM + " cannot be copied", e);
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
