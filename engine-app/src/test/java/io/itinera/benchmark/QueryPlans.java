package io.itinera.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL's plans, with many runs waiting, for the queries an event runs on its way to a waiting
 * run and the entry checks of a start: each as Camunda's mappings or our repositories write it, for
 * one waiting contact. A sequential scan here grows with the number of waiting runs.
 */
final class QueryPlans {

  private QueryPlans() {
  }

  /** One line per query: its name, the scans of its plan, and the rows in the table it reads. */
  static List<String> explain(DataSource dataSource, String contactId) {
    var jdbc = new JdbcTemplate(dataSource);
    var run = jdbc.queryForObject("SELECT process_instance_id FROM journey_enrolment WHERE contact_id = ?"
        + " AND status = 'ACTIVE'", String.class, contactId);
    var execution = jdbc.queryForObject("SELECT EXECUTION_ID_ FROM ACT_RU_EVENT_SUBSCR WHERE PROC_INST_ID_ = ?"
        + " AND EVENT_NAME_ = 'purchase'", String.class, run);
    jdbc.execute("ANALYZE"); // what autovacuum does soon after a bulk load; the planner needs it to choose
    var queries = new LinkedHashMap<String, String>();
    queries.put("router: a run's message waits by name (ACT_RU_EVENT_SUBSCR)",
        "select distinct RES.* from ACT_RU_EVENT_SUBSCR RES where RES.PROC_INST_ID_ = '" + run + "'"
            + " and RES.EVENT_TYPE_ = 'message' and RES.EVENT_NAME_ = 'purchase' order by RES.ID_ asc");
    queries.put("engine: an execution's message wait (messageEventReceived)",
        "select * from ACT_RU_EVENT_SUBSCR where EVENT_TYPE_ = 'message' and EVENT_NAME_ = 'purchase'"
            + " and EXECUTION_ID_ = '" + execution + "'");
    queries.put("router: a run by id (ACT_RU_EXECUTION)",
        "select distinct RES.* from ACT_RU_EXECUTION RES inner join ACT_RE_PROCDEF P on RES.PROC_DEF_ID_ = P.ID_"
            + " where RES.PARENT_ID_ is null and RES.PROC_INST_ID_ = '" + run + "'");
    queries.put("router: a contact's active runs by business key",
        "select distinct RES.* from ACT_RU_EXECUTION RES inner join ACT_RE_PROCDEF P on RES.PROC_DEF_ID_ = P.ID_"
            + " where RES.PARENT_ID_ is null and RES.BUSINESS_KEY_ = '" + contactId + "' and RES.SUSPENSION_STATE_ = 1");
    queries.put("engine: a run's jobs when it ends (ACT_RU_JOB)",
        "select * from ACT_RU_JOB where EXECUTION_ID_ = '" + execution + "'");
    queries.put("JourneyEnrolments.ofContact", "SELECT * FROM journey_enrolment WHERE contact_id = '" + contactId
        + "' ORDER BY entered_at DESC, process_instance_id");
    queries.put("EntryCheck (JourneyEnrolments.of)", "SELECT * FROM journey_enrolment WHERE contact_id = '"
        + contactId + "' AND journey_key = 'cart-abandonment' ORDER BY entered_at DESC, process_instance_id");
    queries.put("Contacts.findForUpdate", "SELECT * FROM contact WHERE id = '" + contactId + "' FOR UPDATE");
    queries.put("Outbox.marketingSince", "SELECT created_at FROM email_message WHERE contact_id = '" + contactId
        + "' AND category = 'MARKETING' AND status IN ('QUEUED', 'SENDING', 'SENT')"
        + " AND created_at >= now() - interval '7 days' ORDER BY created_at DESC");
    queries.put("Outbox.hasKey", "SELECT COUNT(*) FROM email_message WHERE idempotency_key = '" + run + ":x'");
    queries.put("engine: removal time of a run's history at its end (ACT_HI_ACTINST)",
        "update ACT_HI_ACTINST set REMOVAL_TIME_ = now() where ROOT_PROC_INST_ID_ = '" + run + "'");
    var plans = new ArrayList<String>();
    for (Map.Entry<String, String> query : queries.entrySet()) {
      var plan = jdbc.queryForList("EXPLAIN " + query.getValue(), String.class);
      var scans = plan.stream().filter(line -> line.contains("Scan")).map(String::strip)
          .map(line -> line.replaceFirst("^->\\s*", "").replaceFirst("\\s*\\(cost.*", ""))
          .collect(Collectors.joining("; "));
      plans.add(String.format(Locale.ROOT, "%s: %s%s", query.getKey(), scans,
          growing(scans) ? "  <-- SEQUENTIAL, grows with the runs" : ""));
    }
    plans.add(String.format(Locale.ROOT, "(rows: ACT_RU_EVENT_SUBSCR %d, ACT_RU_EXECUTION %d, journey_enrolment %d,"
            + " contact %d, email_message %d)", count(jdbc, "ACT_RU_EVENT_SUBSCR"), count(jdbc, "ACT_RU_EXECUTION"),
        count(jdbc, "journey_enrolment"), count(jdbc, "contact"), count(jdbc, "email_message")));
    return plans;
  }

  /** A sequential scan, other than of the journey versions (a handful of rows, whatever the number of runs). */
  private static boolean growing(String scans) {
    return Arrays.stream(scans.split("; ")).anyMatch(scan -> scan.startsWith("Seq Scan")
        && !scan.startsWith("Seq Scan on act_re_procdef"));
  }

  private static long count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }
}
