package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.itinera.ApiClient;
import io.itinera.ItineraAppTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event reaches its contact's waiting run through an index on the run's event subscriptions
 * (V9), however many other runs wait for the same message.
 */
@ItineraAppTest
class EventSubscriptionIndexTest {

  private static final String INDEX = "ix_act_ru_event_subscr_proc_inst";

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;
  @Autowired
  DataSource dataSource;
  @Autowired
  TransactionTemplate transaction;

  @Test
  void aPurchaseReachesTheRunOfItsContactAndNoOtherRunWaitingForOne() {
    var api = new ApiClient(http);
    var buyer = "buyer-" + UUID.randomUUID();
    var other = "other-" + UUID.randomUUID();
    api.track(other, "cart_abandoned", Map.of());
    api.track(buyer, "cart_abandoned", Map.of());
    var buyersRun = cartRunOf(buyer);

    var answer = api.track(buyer, "purchase", Map.of("revenue", 12));

    assertThat(answer.get("reached")).hasSize(1);
    assertThat(answer.get("reached").get(0).get("processInstanceId").asText()).isEqualTo(buyersRun);
    assertThat(answer.get("reached").get(0).get("activityId").asText()).isEqualTo("StartEvent_Purchase");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(buyersRun).count()).isZero();
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(cartRunOf(other)).eventName("purchase")
        .count()).isOne();
  }

  @Test
  void indexesEventSubscriptionsByTheirRun() throws SQLException {
    try (var connection = dataSource.getConnection()) {
      var metadata = connection.getMetaData();
      var table = metadata.storesLowerCaseIdentifiers() ? "act_ru_event_subscr" : "ACT_RU_EVENT_SUBSCR";
      var leadingColumns = new ArrayList<String>();
      try (var indexes = metadata.getIndexInfo(null, null, table, false, false)) {
        while (indexes.next()) {
          if (indexes.getShort("ORDINAL_POSITION") == 1) {
            leadingColumns.add(indexes.getString("INDEX_NAME").toLowerCase(Locale.ROOT) + " "
                + indexes.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
          }
        }
      }
      assertThat(leadingColumns).contains(INDEX + " PROC_INST_ID_");
    }
  }

  /**
   * The situation of the waiting-runs benchmark, in a transaction that is rolled back: thousands
   * of runs wait for a purchase, so the message name selects nothing and only the run's index can.
   */
  @Test
  void postgresFindsOneRunsWaitsAmongThousandsWaitingForTheSameMessageThroughTheIndex() throws SQLException {
    try (var connection = dataSource.getConnection()) {
      assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"), "PostgreSQL only");
    }
    var jdbc = new JdbcTemplate(dataSource);
    List<String> plan = transaction.execute(status -> {
      status.setRollbackOnly();
      jdbc.update("""
          INSERT INTO ACT_RU_EVENT_SUBSCR (ID_, REV_, EVENT_TYPE_, EVENT_NAME_, PROC_INST_ID_, ACTIVITY_ID_, CREATED_)
          SELECT 'index-test-' || n, 1, 'message', 'purchase', 'index-test-run-' || n, 'StartEvent_Purchase', now()
            FROM generate_series(1, 5000) n""");
      jdbc.execute("ANALYZE ACT_RU_EVENT_SUBSCR");
      return jdbc.queryForList("EXPLAIN SELECT DISTINCT RES.* FROM ACT_RU_EVENT_SUBSCR RES"
          + " WHERE RES.PROC_INST_ID_ = 'index-test-run-42' AND RES.EVENT_TYPE_ = 'message'"
          + " AND RES.EVENT_NAME_ = 'purchase' ORDER BY RES.ID_ ASC", String.class);
    });

    assertThat(String.join("\n", plan)).contains(INDEX).doesNotContain("Seq Scan");
  }

  private String cartRunOf(String contactId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(contactId)
        .processDefinitionKey("cart-abandonment").singleResult().getId();
  }
}
