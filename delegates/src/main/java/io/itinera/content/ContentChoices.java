package io.itinera.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The variants each message carried (table {@code content_choice}), written with the message in the
 * engine's transaction. A choice's reward is settled once: {@link #settle} changes only a row still open,
 * so an open that arrives twice, or a click racing the end of the window, counts once.
 */
@Repository
class ContentChoices {

  private static final TypeReference<Map<String, Double>> RATES = new TypeReference<>() { };
  private static final String COLUMNS = "message_id, slot, template, variant, mode, reward_kind, features, predicted,"
      + " contact_id, process_instance_id, chosen_at, window_ends_at";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ContentChoices(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(ChoiceRecord choice) {
    jdbc.sql("INSERT INTO content_choice (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(choice.messageId(), choice.slot(), choice.template(), choice.variant(), choice.mode().name(),
            choice.rewardKind().name(), write(choice.features()), write(choice.predicted()), choice.contactId(),
            choice.processInstanceId(), utc(choice.chosenAt()), utc(choice.windowEndsAt()))
        .update();
  }

  /** The message's choices, by slot, settled or not. */
  List<ChoiceRecord> ofMessage(String messageId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM content_choice WHERE message_id = ? ORDER BY slot")
        .param(messageId).query(this::choice).list();
  }

  /** The message's choices still waiting for their reward whose reward is one of these kinds, by slot. */
  List<ChoiceRecord> open(String messageId, Collection<RewardKind> kinds) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM content_choice WHERE message_id = :message AND reward IS NULL"
            + " AND reward_kind IN (:kinds) ORDER BY slot")
        .param("message", messageId)
        .param("kinds", kinds.stream().map(Enum::name).toList())
        .query(this::choice).list();
  }

  /** Open choices whose window has ended, oldest first. */
  List<ChoiceRecord> windowEnded(Instant now, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM content_choice WHERE reward IS NULL AND window_ends_at <= ?"
            + " ORDER BY window_ends_at, message_id, slot FETCH FIRST ? ROWS ONLY")
        .params(utc(now), limit).query(this::choice).list();
  }

  /**
   * Open choices rewarded by the journey's goal whose run reached it within their window, oldest first. Reads
   * {@code journey_enrolment} (owned by JourneyEnrolments), only to read: one query finds exactly the goals to
   * settle, however many open ones wait with longer windows.
   */
  List<ChoiceRecord> goalsReached(int limit) {
    return jdbc.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "c.$1") + " FROM content_choice c"
            + " JOIN journey_enrolment e ON e.process_instance_id = c.process_instance_id"
            + " WHERE c.reward IS NULL AND c.reward_kind = 'GOAL' AND e.status = 'CONVERTED'"
            + " AND e.exited_at >= c.chosen_at AND e.exited_at <= c.window_ends_at"
            + " ORDER BY c.chosen_at, c.message_id, c.slot FETCH FIRST ? ROWS ONLY")
        .param(limit).query(this::choice).list();
  }

  /** Sets the reward of a choice still open; whether this call did. */
  boolean settle(String messageId, String slot, int reward, Instant now) {
    return jdbc.sql("UPDATE content_choice SET reward = ?, settled_at = ? WHERE message_id = ? AND slot = ?"
            + " AND reward IS NULL")
        .params(reward, utc(now), messageId, slot).update() == 1;
  }

  /** The features of the slot's latest choices: the contexts the policy has been seeing. */
  List<double[]> recentFeatures(String template, String slot, int limit) {
    return jdbc.sql("SELECT features FROM content_choice WHERE template = ? AND slot = ? ORDER BY chosen_at DESC"
            + " FETCH FIRST ? ROWS ONLY")
        .params(template, slot, limit)
        .query((row, number) -> read(row.getString("features"), double[].class))
        .list();
  }

  /** Sends, settled sends and rewards per slot, variant and how it was chosen. */
  List<VariantTally> tallies(String template) {
    return jdbc.sql("""
            SELECT slot, variant, mode, COUNT(*) AS sends, COUNT(reward) AS settled, COALESCE(SUM(reward), 0) AS rewards
              FROM content_choice WHERE template = ? GROUP BY slot, variant, mode ORDER BY slot, variant, mode""")
        .param(template)
        .query((row, number) -> new VariantTally(row.getString("slot"), row.getString("variant"),
            ChoiceMode.valueOf(row.getString("mode")), row.getLong("sends"), row.getLong("settled"),
            row.getLong("rewards")))
        .list();
  }

  private ChoiceRecord choice(ResultSet row, int number) throws SQLException {
    return new ChoiceRecord(row.getString("message_id"), row.getString("slot"), row.getString("template"),
        row.getString("variant"), ChoiceMode.valueOf(row.getString("mode")),
        RewardKind.valueOf(row.getString("reward_kind")), read(row.getString("features"), double[].class),
        read(row.getString("predicted"), RATES), row.getString("contact_id"), row.getString("process_instance_id"),
        row.getObject("chosen_at", OffsetDateTime.class).toInstant(),
        row.getObject("window_ends_at", OffsetDateTime.class).toInstant());
  }

  private <T> T read(String value, Class<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored content choice is not readable", e);
    }
  }

  private <T> T read(String value, TypeReference<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored content choice is not readable", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A content choice cannot be written as JSON", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
