package io.itinera.contact;

import io.itinera.database.InsertIfAbsent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Addresses never to be mailed again, kept as SHA-256 hashes of the normalised address. */
@Repository
public class Suppressions {

  private final JdbcClient jdbc;
  private final InsertIfAbsent insertIfAbsent;
  private final Clock clock;

  public Suppressions(JdbcClient jdbc, InsertIfAbsent insertIfAbsent, Clock clock) {
    this.jdbc = jdbc;
    this.insertIfAbsent = insertIfAbsent;
    this.clock = clock;
  }

  /** Suppresses the address; the first reason stays when it already was (even by a concurrent call). */
  public void suppress(String email, String reason) {
    var row = new LinkedHashMap<String, Object>();
    row.put("email_hash", hash(email));
    row.put("reason", reason);
    row.put("created_at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    insertIfAbsent.insert("suppression", List.of("email_hash"), row);
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
