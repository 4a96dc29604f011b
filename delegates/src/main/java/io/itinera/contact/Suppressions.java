package io.itinera.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Addresses never to be mailed again, kept as SHA-256 hashes of the normalised address. */
@Repository
public class Suppressions {

  private final JdbcClient jdbc;
  private final Clock clock;

  public Suppressions(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void suppress(String email, String reason) {
    var hash = hash(email);
    if (!isSuppressed(email)) {
      jdbc.sql("INSERT INTO suppression (email_hash, reason, created_at) VALUES (?, ?, ?)")
          .params(hash, reason, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
          .update();
    }
  }

  public boolean isSuppressed(String email) {
    return email != null && jdbc.sql("SELECT COUNT(*) FROM suppression WHERE email_hash = ?")
        .param(hash(email)).query(Integer.class).single() > 0;
  }

  /** Addresses differ only in case and surrounding space as far as a mailbox is concerned. */
  public static String hash(String email) {
    try {
      var digest = MessageDigest.getInstance("SHA-256")
          .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
