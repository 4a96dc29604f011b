package io.itinera.push;

import io.itinera.database.InsertIfAbsent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sole owner of {@code push_vapid_key}: the one VAPID pair generated on the embedded defaults. */
@Repository
class VapidKeyStore {

  /** A pair as stored, base64url. */
  record StoredPair(String publicKey, String privateKey) {
  }

  private final JdbcClient jdbc;
  private final InsertIfAbsent inserts;

  VapidKeyStore(JdbcClient jdbc, InsertIfAbsent inserts) {
    this.jdbc = jdbc;
    this.inserts = inserts;
  }

  /**
   * Keeps {@code candidate} unless a pair is stored already, and returns the stored one: of several nodes
   * starting at once on one database, all end up with the first pair written.
   */
  StoredPair keepFirst(StoredPair candidate, Instant now) {
    var row = new LinkedHashMap<String, Object>();
    row.put("id", 1);
    row.put("public_key", candidate.publicKey());
    row.put("private_key", candidate.privateKey());
    row.put("created_at", now.atOffset(ZoneOffset.UTC));
    inserts.insert("push_vapid_key", List.of("id"), row);
    return jdbc.sql("SELECT public_key, private_key FROM push_vapid_key WHERE id = 1")
        .query((result, number) -> new StoredPair(result.getString(1), result.getString(2)))
        .single();
  }
}
