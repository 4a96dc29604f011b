package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.ItineraAppTest;
import io.itinera.TestJourneys;
import io.itinera.journey.JourneyVariable;
import io.itinera.journey.JourneyVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run's JSON variables: where they are stored, and that every reader still gets the same JSON value. */
@ItineraAppTest
class JsonVariablesInTextColumnTest {

  private static final String PROCESS = "test-json-variables";

  @Autowired
  RuntimeService runtime;
  @Autowired
  RepositoryService repository;
  @Autowired
  HistoryService history;
  @Autowired
  JdbcClient jdbc;

  private String deployment;

  @BeforeEach
  void deploy() {
    deployment = TestJourneys.deployOne(repository, PROCESS, Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Go")
        .intermediateCatchEvent("Timer_Wait").timerWithDuration("PT1H")
        .endEvent("EndEvent_Done")
        .done());
  }

  @AfterEach
  void undeploy() {
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void keepsAnEventInTheTextColumnsWithoutByteArraysAndReadsItBackAsJson() {
    var event = Map.<String, Object>of("source", "website", "total", 120);

    var run = start(event);

    for (var table : new String[] {"act_ru_variable", "act_hi_varinst", "act_hi_detail"}) {
      assertThat(storage(table, run)).as(table).singleElement()
          .satisfies(row -> assertThat(row.get("byteArray")).isNull())
          .satisfies(row -> assertThat((String) row.get("text")).contains("\"source\"", "\"website\""));
    }
    assertThat(asMap(runtime.getVariable(run, "event"))).isEqualTo(event);
    SerializableValue typed = runtime.getVariableTyped(run, "event", false);
    assertThat(typed.getType().getName()).isEqualTo("json");
    assertThat(typed.getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(typed.getValueSerialized()).contains("\"total\":120");
    var historic = history.createHistoricVariableInstanceQuery().processInstanceId(run).variableName("event")
        .singleResult();
    assertThat(asMap(historic.getValue())).isEqualTo(event);
  }

  @Test
  void keepsAnEventTooLongForTheTextColumnInAByteArrayAsBefore() {
    var event = Map.<String, Object>of("note", "x".repeat(JsonVariablesInTextColumn.TEXT_COLUMN));

    var run = start(event);

    assertThat(storage("act_ru_variable", run)).singleElement()
        .satisfies(row -> assertThat(row.get("byteArray")).isNotNull())
        .satisfies(row -> assertThat(row.get("text")).isNull());
    assertThat(asMap(runtime.getVariable(run, "event"))).isEqualTo(event);
  }

  @Test
  void aLongValueReplacedByAShortOneLeavesNoByteArrayBehind() {
    var run = start(Map.of("note", "x".repeat(JsonVariablesInTextColumn.TEXT_COLUMN + 1)));
    var byteArray = (String) storage("act_ru_variable", run).get(0).get("byteArray");

    var shorter = Map.<String, Object>of("note", "short");
    runtime.setVariables(run, JourneyVariables.EVENT.put(new HashMap<>(), shorter));

    assertThat(storage("act_ru_variable", run)).singleElement()
        .satisfies(row -> assertThat(row.get("byteArray")).isNull());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM act_ge_bytearray WHERE id_ = ?").param(byteArray)
        .query(Long.class).single()).isZero();
    assertThat(asMap(runtime.getVariable(run, "event"))).isEqualTo(shorter);
  }

  private String start(Map<String, Object> event) {
    return runtime.startProcessInstanceByKey(PROCESS, "c-" + UUID.randomUUID(),
        JourneyVariables.EVENT.put(new HashMap<>(), event)).getId();
  }

  private List<Map<String, Object>> storage(String table, String run) {
    return jdbc.sql("SELECT bytearray_id_ AS \"byteArray\", text_ AS \"text\" FROM " + table
            + " WHERE proc_inst_id_ = ? AND name_ = 'event'")
        .param(run).query().listOfRows();
  }

  private static Map<String, Object> asMap(Object value) {
    return JourneyVariable.asMap(value);
  }
}
