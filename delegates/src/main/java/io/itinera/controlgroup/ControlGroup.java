package io.itinera.controlgroup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Who is in the global control group: the salted SHA-256 of the contact id, read as a number in [0, 1), below the
 * configured share. Stable without storing anything, the same on every node, and unrelated to A/B splits.
 */
@Service
@EnableConfigurationProperties(ControlGroupProperties.class)
public class ControlGroup {

  private final ControlGroupProperties properties;

  ControlGroup(ControlGroupProperties properties) {
    this.properties = properties;
  }

  public boolean isMember(String contactId) {
    return properties.share() > 0 && position(contactId) < properties.share();
  }

  public ControlGroupProperties properties() {
    return properties;
  }

  private double position(String contactId) {
    try {
      var digest = MessageDigest.getInstance("SHA-256")
          .digest((properties.salt() + ":" + contactId).getBytes(StandardCharsets.UTF_8));
      // The top 53 bits: exactly representable as a double in [0, 1).
      return (ByteBuffer.wrap(digest).getLong() >>> 11) / (double) (1L << 53);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
    }
  }
}
